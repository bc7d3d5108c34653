using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Glossary.Reviews;

/// <summary>A published term in the review queue: when its review is due, and what it was last.</summary>
public sealed record ReviewDue(
    int TermId, string Title, string Slug, string Language, DateTime? ReviewedAt, string? ReviewedBy, DateTime DueAt, int Months, int BrokenSources)
{
    public bool IsOverdue(DateTime now) => DueAt <= now;
}

/// <summary>
/// When each published term is due for review: its interval (the shortest of its categories',
/// or the site's default) after its last review, or after it was first published when it has
/// never been reviewed.
/// </summary>
public sealed class ReviewSchedule(GlossaryDb db, IOptions<ReviewOptions> options, TimeProvider time)
{
    /// <summary>
    /// Terms overdue or due within <see cref="ReviewOptions.DueSoonDays"/>, and terms with a source
    /// whose address stopped answering, the longest overdue first.
    /// </summary>
    public async Task<List<ReviewDue>> QueueAsync(CancellationToken cancellationToken = default)
    {
        var horizon = time.GetUtcNow().UtcDateTime.AddDays(options.Value.DueSoonDays);
        var all = await ScheduleAsync(cancellationToken);
        return [.. all.Where(term => term.DueAt <= horizon || term.BrokenSources > 0).OrderBy(term => term.DueAt).ThenBy(term => term.Title, StringComparer.Ordinal)];
    }

    /// <summary>How many terms the queue holds, and how many of them are overdue: the back office's front page shows both.</summary>
    public async Task<(int Queued, int Overdue)> CountAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var queue = await QueueAsync(cancellationToken);
        return (queue.Count, queue.Count(term => term.IsOverdue(now)));
    }

    /// <summary>Every published term with its due date. A small row each: fine for a glossary of a hundred thousand terms.</summary>
    private async Task<List<ReviewDue>> ScheduleAsync(CancellationToken cancellationToken)
    {
        // A category with no interval of its own asks for the default, which counts in the shortest.
        var defaultMonths = options.Value.DefaultMonths;
        var rows = await db.Terms.AsNoTracking()
            .Where(term => term.Status == TermStatus.Published)
            .Select(term => new
            {
                term.Id, term.Title, term.Slug, term.Language, term.ReviewedAt, term.ReviewedBy, term.CreatedAt,
                FirstPublished = db.TermVersions.Where(version => version.TermId == term.Id).Min(version => (DateTime?)version.PublishedAt),
                Months = term.Categories.Min(category => (int?)(category.ReviewMonths ?? defaultMonths)),
                Addresses = term.Sources,
            })
            .ToListAsync(cancellationToken);
        var broken = await BrokenAddressesAsync(cancellationToken);
        return [.. rows.Select(row =>
        {
            var months = row.Months ?? defaultMonths;
            var since = row.ReviewedAt ?? row.FirstPublished ?? row.CreatedAt;
            var brokenSources = row.Addresses.Count(source => source.Address is { } address && broken.Contains(address));
            return new ReviewDue(row.Id, row.Title, row.Slug, row.Language, row.ReviewedAt, row.ReviewedBy, since.AddMonths(months), months, brokenSources);
        })];
    }

    private async Task<HashSet<string>> BrokenAddressesAsync(CancellationToken cancellationToken) =>
        [.. await db.SourceLinks.AsNoTracking().Where(link => link.BrokenSince != null).Select(link => link.Address).ToListAsync(cancellationToken)];
}
