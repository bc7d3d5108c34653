using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Operations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Caching;

/// <summary>
/// Evicts the cached pages a change made out of date, whichever server made it, by following
/// the change feed: a term's own page, the pages that link to it or list it (by their
/// <see cref="PageTags"/>), the lists it now joins, and every term page of its language only
/// when its names or its being published changed. Until it has evicted for the newest change this
/// server knows of, no page is served from the cache (<see cref="PublicPagePolicy"/>), so a reader
/// never sees a page from before a change, here or on any server.
/// </summary>
internal sealed partial class PageCacheEviction(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    TermChanges changes,
    EvictionProgress progress,
    IOutputCacheStore store,
    RedisConnection redis,
    ILogger<PageCacheEviction> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>More changes at once than this (an import) evict every page, rather than tag by tag.</summary>
    internal const int MostChangesByTag = 500;

    private readonly Lock gate = new();
    private Task? catchingUp;

    private long EvictedThrough => progress.EvictedThrough;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CatchUpAsync();
        }
    }

    /// <summary>
    /// Evicts for every change this server knows of, if it has not yet: on the timer, and when a
    /// reader's page could come from the cache but for a change just made. One round at a time;
    /// a caller arriving during one waits for it.
    /// </summary>
    public Task CatchUpAsync()
    {
        lock (gate)
        {
            if (catchingUp is null || catchingUp.IsCompleted)
            {
                catchingUp = RoundAsync();
            }
            return catchingUp;
        }
    }

    private async Task RoundAsync()
    {
        var version = changes.Version;
        if (version == 0 || changes.Origin is not { } origin)
        {
            return;
        }
        try
        {
            if (version > EvictedThrough)
            {
                // On the first round there is nothing to evict here: this server's memory holds
                // no page older than its start. The shared store is checked below.
                if (EvictedThrough > 0)
                {
                    await EvictAsync(EvictedThrough, version, store.EvictByTagAsync);
                }
                progress.Reached(version);
                if (redis.IsConfigured && !progress.SharedStoreBehind)
                {
                    await RecordAsync(origin, version);
                }
            }
            if (redis.IsConfigured && progress.SharedStoreBehind && redis.Available is not null)
            {
                await CatchUpSharedStoreAsync(origin, version);
            }
        }
        catch (Exception error)
        {
            LogEvictionFailed(error);
        }
    }

    /// <summary>
    /// Brings Redis up to <paramref name="version"/> after this server may have missed evicting
    /// there (it has just started, or Redis was away): the store records the change it was last
    /// evicted for, by whichever server, and the changes since then are evicted now.
    /// </summary>
    private async Task CatchUpSharedStoreAsync(string origin, long version)
    {
        var misses = progress.SharedStoreMisses;
        var recorded = await RecordedAsync(origin);
        // A feed ending before the change the store was evicted for was restored from a backup:
        // the pages kept may show a glossary that is gone.
        // Redis alone: this server's memory has had every eviction as it came.
        await EvictAsync(recorded > version ? null : recorded, version, services.GetRequiredService<SharedOutputCacheStore>().EvictSharedByTagAsync);
        await RecordAsync(origin, version);
        progress.SharedStoreCaughtUp(misses);
    }

    /// <summary>Evicts the pages the changes after <paramref name="from"/> up to <paramref name="to"/> made out of date; null means unknown, so every page.</summary>
    private async Task EvictAsync(long? from, long to, Func<string, CancellationToken, ValueTask> evict)
    {
        if (from >= to)
        {
            return;
        }
        var tags = from is { } after ? await TagsAsync(after, to) : null;
        foreach (var tag in tags ?? [PageCache.Tag])
        {
            // A round, once begun, finishes: stopping halfway would leave evictions unrecorded.
            await evict(tag, CancellationToken.None);
        }
    }

    /// <summary>The tags of the pages the changes touch, or null when every page must go.</summary>
    private async Task<HashSet<string>?> TagsAsync(long after, long through)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        var entries = await db.TermChanges.AsNoTracking()
            .Where(change => change.Sequence > after && change.Sequence <= through)
            .OrderBy(change => change.Sequence)
            .Take(MostChangesByTag + 1)
            .Select(change => new { change.Slug, change.Language, change.Relinks })
            .ToListAsync();
        if (entries.Count > MostChangesByTag || entries.Exists(change => change.Slug == TermChange.AroundTerms))
        {
            return null;
        }
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in entries.GroupBy(change => change.Language))
        {
            var slugs = language.Select(change => change.Slug).Distinct().ToList();
            var terms = await db.Terms.AsNoTracking()
                .Where(term => term.Language == language.Key && slugs.Contains(term.Slug))
                .Select(term => new ChangedTerm(term.Id, term.Slug, term.Title, term.Status, term.TranslationOfId, term.Categories.Select(category => category.Id).ToList()))
                .ToListAsync();
            var relinks = language.Any(change => change.Relinks);
            tags.UnionWith(Tags(language.Key, slugs, terms, relinks));
        }
        return tags;
    }

    private static IEnumerable<string> Tags(string language, List<string> slugs, List<ChangedTerm> terms, bool relinks)
    {
        // A draft's change shows nowhere; a term leaving or joining the published glossary relinks.
        var shown = slugs.Where(slug => relinks || terms.Exists(term => term.Slug == slug && term.Status == TermStatus.Published)).ToList();
        if (shown.Count == 0)
        {
            yield break;
        }
        yield return PageTags.Lists(language);
        if (relinks)
        {
            yield return PageTags.TermPages(language);
        }
        foreach (var slug in shown)
        {
            // Its page, pages linking to it and the lists it was on all carry this tag.
            yield return PageTags.Term(language, slug);
        }
        // The lists it is on now, which need not have named it before.
        foreach (var term in terms.Where(term => shown.Contains(term.Slug)))
        {
            yield return PageTags.Letter(language, AlphabetIndex.For(language).HeadingFor(term.Title));
            yield return PageTags.Translations(term.TranslationOfId ?? term.Id);
            foreach (var category in term.Categories)
            {
                yield return PageTags.Category(language, category);
            }
        }
    }

    private sealed record ChangedTerm(int Id, string Slug, string Title, TermStatus Status, int? TranslationOfId, List<int> Categories);

    /// <summary>
    /// Redis remembers the newest change its pages were evicted for, by whichever server, so that
    /// a server catching it up evicts only what changed since. Null when it does not know.
    /// </summary>
    private async Task<long?> RecordedAsync(string origin) =>
        (long?)await redis.Multiplexer.GetDatabase().StringGetAsync(RecordKey(origin));

    private async Task RecordAsync(string origin, long version) =>
        await redis.Multiplexer.GetDatabase().StringSetAsync(RecordKey(origin), version, TimeSpan.FromDays(30));

    private string RecordKey(string origin) => $"{redis.InstanceName}pages-evicted-through:{origin}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evicting the cached pages failed; trying again")]
    private partial void LogEvictionFailed(Exception error);
}

/// <summary>
/// How far <see cref="PageCacheEviction"/> has come: the newest change whose pages are evicted,
/// 0 until this server knows the feed; and whether Redis, when pages are shared there, may hold
/// pages an eviction missed, in which case it is not read until the eviction has caught it up.
/// Apart from the eviction, since the page store reads it and the eviction writes through the store.
/// </summary>
public sealed class EvictionProgress
{
    private long evictedThrough;
    private long sharedStoreMisses = 1;
    private long sharedStoreCheckedAt;

    public long EvictedThrough => Volatile.Read(ref evictedThrough);

    internal void Reached(long version) => Volatile.Write(ref evictedThrough, version);

    /// <summary>True from the start, and after an eviction Redis missed, until the eviction catches Redis up.</summary>
    public bool SharedStoreBehind => Volatile.Read(ref sharedStoreCheckedAt) < SharedStoreMisses;

    internal long SharedStoreMisses => Interlocked.Read(ref sharedStoreMisses);

    internal void SharedStoreMissed() => Interlocked.Increment(ref sharedStoreMisses);

    /// <summary>Redis is caught up with every miss counted up to <paramref name="misses"/>; a later one keeps it behind.</summary>
    internal void SharedStoreCaughtUp(long misses) => Volatile.Write(ref sharedStoreCheckedAt, misses);
}
