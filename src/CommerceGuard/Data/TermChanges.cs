using System.Data.Common;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Data;

/// <summary>
/// One entry of the change feed: a term was saved or deleted. Every save that touches terms
/// writes these in the same transaction, so the feed never misses a change; each server follows
/// the feed's sequence to know when what it built from the terms is out of date.
/// </summary>
public sealed class TermChange
{
    /// <summary>Grows with every change, across every server sharing the database.</summary>
    public long Sequence { get; set; }

    public required string Slug { get; set; }
    public required string Language { get; set; }
    public bool Deleted { get; set; }

    /// <summary>
    /// The change may move links on other terms' pages: the term came or went, or its names,
    /// address or automatic linking changed. Other changes alter only the pages that already
    /// name the term.
    /// </summary>
    public bool Relinks { get; set; }

    public DateTime At { get; set; }

    /// <summary>The slug of an entry for a change around the terms rather than to one (a category's name), which every page shows.</summary>
    public const string AroundTerms = "~";

    public static TermChange AroundEveryTerm(DateTime at) => new() { Slug = AroundTerms, Language = AroundTerms, At = at };
}

internal sealed class TermChangeConfiguration : IEntityTypeConfiguration<TermChange>
{
    public void Configure(EntityTypeBuilder<TermChange> builder)
    {
        builder.HasKey(change => change.Sequence);
        builder.Property(change => change.Slug).HasMaxLength(Features.Glossary.Slug.MaxLength);
        builder.Property(change => change.Language).HasMaxLength(10);
    }
}

/// <summary>
/// The newest change-feed entry this server knows of. Anything built from the terms (the
/// auto-link matcher, caches, the search index) compares its sequence with the one it was built from.
/// </summary>
public sealed class TermChanges
{
    private long newest;

    /// <summary>The newest entry's sequence.</summary>
    public long Version => Volatile.Read(ref newest);

    /// <summary>
    /// The first entry's sequence and time: a name for this database that another, made apart,
    /// does not share, so that sites sharing one Redis never share its pages. Null until read.
    /// </summary>
    public string? Origin { get; private set; }

    public void KnowOrigin(long sequence, DateTime at) =>
        // In microseconds, as PostgreSQL keeps it: every server reading it back names it alike.
        Origin ??= FormattableString.Invariant($"{sequence}@{at.Ticks / 10}");

    /// <summary>Moves forward to the entry <paramref name="sequence"/>; never backwards.</summary>
    public void Advance(long sequence)
    {
        var seen = Volatile.Read(ref newest);
        while (sequence > seen)
        {
            var before = Interlocked.CompareExchange(ref newest, sequence, seen);
            if (before == seen)
            {
                return;
            }
            seen = before;
        }
    }
}

/// <summary>Writes the change feed's entries with every save that touches terms, and tells this server at once.</summary>
internal sealed class TermChangeInterceptor(TermChanges changes, TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RecordChanges(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RecordChanges(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void RecordChanges(DbContext? context)
    {
        if (context is not GlossaryDb db)
        {
            return;
        }
        db.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow().UtcDateTime;
        var recategorised = RecategorisedTermIds(db);
        var touched = db.ChangeTracker.Entries<Term>()
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                || recategorised.Contains(entry.Entity.Id))
            .SelectMany(entry => Changes(entry, now))
            .ToList();
        db.TermChanges.AddRange(touched);
    }

    /// <summary>
    /// Terms moved into or out of a category: that changes the category's list, though the
    /// term's own row may be untouched.
    /// </summary>
    private static HashSet<int> RecategorisedTermIds(GlossaryDb db) =>
        [.. db.ChangeTracker.Entries()
            .Where(entry => entry.Metadata.Name == TermConfiguration.CategoriesJoin && entry.State is EntityState.Added or EntityState.Deleted)
            .Select(entry => (int)entry.Property(TermKey(entry)).CurrentValue!)];

    private static string TermKey(EntityEntry join) =>
        join.Metadata.GetForeignKeys().Single(key => key.PrincipalEntityType.ClrType == typeof(Term)).Properties[0].Name;

    /// <summary>A term whose slug changed is gone from its old address, so the feed says so too.</summary>
    private static IEnumerable<TermChange> Changes(EntityEntry<Term> entry, DateTime now)
    {
        var term = entry.Entity;
        var relinks = Relinks(entry);
        yield return new TermChange { Slug = term.Slug, Language = term.Language, Deleted = entry.State == EntityState.Deleted, Relinks = relinks, At = now };
        if (entry.State == EntityState.Modified)
        {
            var formerSlug = (string)entry.Property(nameof(Term.Slug)).OriginalValue!;
            var formerLanguage = (string)entry.Property(nameof(Term.Language)).OriginalValue!;
            if (formerSlug != term.Slug || formerLanguage != term.Language)
            {
                yield return new TermChange { Slug = formerSlug, Language = formerLanguage, Deleted = true, Relinks = true, At = now };
            }
        }
    }

    /// <summary>What other pages' automatic links are made from, besides whether a term is published: where it is, and under which names.</summary>
    private static readonly string[] LinkedBy =
        [nameof(Term.Status), nameof(Term.Slug), nameof(Term.Language), nameof(Term.Title), nameof(Term.Aliases), nameof(Term.AutoLink)];

    private static bool Relinks(EntityEntry<Term> entry)
    {
        var published = entry.State != EntityState.Deleted && entry.Entity.Status == TermStatus.Published;
        var wasPublished = entry.State != EntityState.Added
            && (TermStatus)entry.Property(nameof(Term.Status)).OriginalValue! == TermStatus.Published;
        return entry.State switch
        {
            EntityState.Added => published,
            EntityState.Deleted => wasPublished,
            EntityState.Modified => (published || wasPublished) && (published != wasPublished || LinkedBy.Any(name => entry.Property(name).IsModified)),
            _ => false,
        };
    }

    private void Announce(DbContext? context)
    {
        if (context is not GlossaryDb db)
        {
            return;
        }
        var written = db.ChangeTracker.Entries<TermChange>().Select(entry => entry.Entity).MaxBy(change => change.Sequence);
        if (written is null)
        {
            return;
        }
        if (db.Database.CurrentTransaction is not null)
        {
            // Announced now, a page made meanwhile from what other connections still read would
            // be cached as if it showed this change.
            if (written.Sequence > (db.UnannouncedChange?.Sequence ?? 0))
            {
                db.UnannouncedChange = written;
            }
            return;
        }
        changes.Advance(written.Sequence);
    }
}

/// <summary>Announces the changes saved inside a transaction once it commits, and forgets them if it does not.</summary>
internal sealed class TermChangeCommitInterceptor(TermChanges changes) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Announce(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Announce(DbContext? context)
    {
        if (context is GlossaryDb { UnannouncedChange: { } change } db)
        {
            changes.Advance(change.Sequence);
            db.UnannouncedChange = null;
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is GlossaryDb db)
        {
            db.UnannouncedChange = null;
        }
    }
}

/// <summary>
/// Follows the change feed in the database, so that changes saved by other servers reach this
/// one too; it reads the feed rather than trusting a message that may be lost.
/// </summary>
internal sealed partial class ChangeFeedFollower(
    IServiceScopeFactory scopes, TermChanges changes, ILogger<ChangeFeedFollower> logger) : BackgroundService
{
    /// <summary>Often enough that a change reaches every server within a second.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(400);

    /// <summary>How long a start waits for its first reading of the feed before it serves without.</summary>
    private static readonly TimeSpan PatienceAtStart = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Reads the feed once before the server takes its first reader (hosted services start before
    /// it listens): a server that knows no change yet can neither cache a page nor tell a stale one.
    /// A database slow to answer does not hold the start up; the loop keeps trying.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(PatienceAtStart);
        try
        {
            await FollowAsync(patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not read in time: the loop reads it as soon as the database answers.
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FollowAsync(stoppingToken);
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
            var newest = await db.TermChanges.AsNoTracking().MaxAsync(change => (long?)change.Sequence, cancellationToken);
            if (newest is null)
            {
                return;
            }
            if (changes.Origin is null)
            {
                var first = await db.TermChanges.AsNoTracking().OrderBy(change => change.Sequence)
                    .Select(change => new { change.Sequence, change.At }).FirstAsync(cancellationToken);
                changes.KnowOrigin(first.Sequence, first.At);
            }
            changes.Advance(newest.Value);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A database that is briefly unavailable must not stop the follower for good.
            LogFollowFailed(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the change feed failed; trying again")]
    private partial void LogFollowFailed(Exception error);
}
