using CommerceGuard.Data;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Search;

/// <summary>Where this server keeps its search index. Section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The index folder; a relative path is taken from the app's content root.</summary>
    public string IndexPath { get; set; } = "data/search-index";

    internal string FullPath(IHostEnvironment environment) => Path.GetFullPath(IndexPath, environment.ContentRootPath);
}

/// <summary>
/// Builds this server's search index in the background at start-up (the site serves meanwhile)
/// and then follows the change feed, so that every change to a term reaches the index within a
/// second. A damaged or deleted index is rebuilt, never a crash.
/// </summary>
internal sealed partial class SearchIndexer(
    SearchIndex index,
    TermChanges changes,
    IServiceScopeFactory scopes,
    MarkdownRenderer markdown,
    IOptions<SearchOptions> options,
    IHostEnvironment environment,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>The slug of a feed entry that asks every server to rebuild its whole index.</summary>
    public const string RebuildEverything = "*";
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting first: building must never hold up serving.
        await Task.Yield();
        var folder = options.Value.FullPath(environment);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                if (index.IsDamaged)
                {
                    // A search found the index damaged: it is thrown away and built afresh.
                    LogDamaged();
                    index.Reset();
                }
                // Opens the index the first time, and again after a round that failed to.
                index.Open(folder);
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Only damage costs the index; anything else (a busy database, a full disk, a
                // folder another process has locked) is tried again next round as it is.
                if (SearchIndex.IsDamage(error) || !Directory.Exists(folder))
                {
                    LogIndexDamaged(error);
                    TryReset();
                }
                else
                {
                    LogCatchUpFailed(error);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (index.IsReady && index.Sequence >= changes.Version)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        // The change the index was last brought up to, then everything after it.
        var batch = await db.TermChanges.AsNoTracking()
            .Where(change => change.Sequence >= index.Sequence)
            .OrderBy(change => change.Sequence)
            .Take(BatchSize + 1)
            .ToListAsync(cancellationToken);
        // An index whose last change this database never made (another database's index, or one
        // older than the feed remembers) cannot be brought up to date: it is built afresh.
        if (index.Sequence == 0 || batch.Count == 0 || batch[0].Sequence != index.Sequence || batch[0].At != index.SequenceAt)
        {
            await RebuildAsync(db, cancellationToken);
            return;
        }
        index.Confirm();
        var newer = batch.Skip(1).ToList();
        if (newer.Count == 0)
        {
            return;
        }
        if (newer.Any(change => change.Slug == RebuildEverything))
        {
            await RebuildAsync(db, cancellationToken);
            return;
        }
        var touched = newer.Where(change => change.Slug != TermChange.AroundTerms)
            .Select(change => (change.Language, change.Slug)).Distinct().ToList();
        var slugs = touched.Select(key => key.Slug).ToList();
        var terms = await db.Terms.AsNoTracking().Include(term => term.Categories)
            .Where(term => slugs.Contains(term.Slug))
            .ToListAsync(cancellationToken);
        index.Apply(touched.Select(key =>
        {
            var term = terms.FirstOrDefault(term => term.Slug == key.Slug && term.Language == key.Language);
            return (SearchDocument.Key(key.Language, key.Slug), term is null ? null : SearchDocument.From(term, markdown));
        }), newer[^1].Sequence, newer[^1].At);
    }

    private void TryReset()
    {
        try
        {
            index.Reset();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The next round opens it again; the site keeps serving, with database search meanwhile.
            LogCatchUpFailed(error);
        }
    }

    /// <summary>Terms from which a rebuild's memory is given back at once (see <see cref="RebuildAsync(GlossaryDb, CancellationToken)"/>).</summary>
    private const int LargeRebuild = 10_000;

    private async Task RebuildAsync(GlossaryDb db, CancellationToken cancellationToken)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var count = await RebuildAsync(index, db, markdown, cancellationToken);
        LogRebuilt(count, index.Sequence, timer.Elapsed.TotalSeconds);
        // A rebuild of a large glossary allocates hundreds of megabytes, much of it kept long
        // enough to reach the oldest generation, where the collector would leave it (and the
        // memory it takes from the machine) for a long while. Given back now, once: a pause of a
        // fraction of a second, at start or after a damaged index. A small glossary's is not worth it.
        if (count >= LargeRebuild)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>
    /// Asks every server, running now or started later, to rebuild its index from scratch. The
    /// request travels through the change feed, so no server's open index is written by another process.
    /// </summary>
    public static async Task<long> RequestRebuildAsync(GlossaryDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = new TermChange { Slug = RebuildEverything, Language = RebuildEverything, At = time.GetUtcNow().UtcDateTime };
        db.TermChanges.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request.Sequence;
    }

    /// <summary>Builds the whole index from the database, stamped with the feed's newest change.</summary>
    internal static async Task<int> RebuildAsync(SearchIndex index, GlossaryDb db, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        var newest = await db.TermChanges.AsNoTracking().OrderByDescending(change => change.Sequence).FirstOrDefaultAsync(cancellationToken);
        var count = 0;
        // With no change ever made, sequence 1 still marks the index as built; it is checked (and rebuilt) at the next start.
        index.Replace(AllTerms(db), term =>
        {
            Interlocked.Increment(ref count);
            return SearchDocument.From(term, markdown);
        }, newest?.Sequence ?? 1, newest?.At ?? default, cancellationToken);
        return count;
    }

    /// <summary>Every term, read a page at a time so that a large glossary is never all in memory at once.</summary>
    private static IEnumerable<Term> AllTerms(GlossaryDb db)
    {
        for (var after = 0; ;)
        {
            // Split: as one query, SQLite joins every term's categories again for each page (38 s at 100,000 terms, against 6 s).
            var page = db.Terms.AsNoTracking().Include(term => term.Categories)
                .Where(term => term.Id > after)
                .OrderBy(term => term.Id)
                .Take(BatchSize)
                .AsSplitQuery()
                .ToList();
            foreach (var term in page)
            {
                yield return term;
            }
            if (page.Count < BatchSize)
            {
                yield break;
            }
            after = page[^1].Id;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {TermCount} terms up to change {Sequence} in {Seconds:F1} s")]
    private partial void LogRebuilt(int termCount, long sequence, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A search found the search index damaged; it will be rebuilt from the database")]
    private partial void LogDamaged();

    [LoggerMessage(Level = LogLevel.Error, Message = "The search index is damaged and will be rebuilt from the database")]
    private partial void LogIndexDamaged(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index could not catch up this round; it tries again")]
    private partial void LogCatchUpFailed(Exception error);
}
