using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Feedback;

/// <summary>One term's open reader reports: how many of each reason, and what readers wrote, newest first.</summary>
public sealed record TermReports(
    int TermId, string Title, string Slug, string Language, IReadOnlyDictionary<FeedbackReason, int> Reasons, int Total,
    DateTime Oldest, DateTime Newest, IReadOnlyList<(FeedbackReason? Reason, string Comment, DateTime At)> Comments);

/// <summary>
/// The editors' triage queue: No answers that came with a reason or a comment and that no
/// editor has dealt with yet, per term, the terms with the most first.
/// </summary>
public sealed class FeedbackTriage(GlossaryDb db, TimeProvider time)
{
    public const int CommentsShown = 5;

    public async Task<List<TermReports>> QueueAsync(CancellationToken cancellationToken = default)
    {
        var open = await Open()
            .Join(db.Terms, vote => vote.TermId, term => term.Id,
                (vote, term) => new { vote.TermId, term.Title, term.Slug, term.Language, vote.Reason, vote.Comment, vote.CastAt })
            .ToListAsync(cancellationToken);
        return [.. open.GroupBy(vote => vote.TermId).Select(votes =>
            {
                var first = votes.First();
                return new TermReports(
                    votes.Key, first.Title, first.Slug, first.Language,
                    votes.Where(vote => vote.Reason is not null).GroupBy(vote => vote.Reason!.Value).ToDictionary(group => group.Key, group => group.Count()),
                    votes.Count(), votes.Min(vote => vote.CastAt), votes.Max(vote => vote.CastAt),
                    [.. votes.Where(vote => vote.Comment is not null).OrderByDescending(vote => vote.CastAt).Take(CommentsShown)
                        .Select(vote => (vote.Reason, vote.Comment!, vote.CastAt))]);
            })
            .OrderByDescending(term => term.Total).ThenBy(term => term.Oldest)];
    }

    /// <summary>
    /// Marks a term's open reports handled, those cast up to <paramref name="seenUpTo"/>: what
    /// the editor saw on the page, not a report that came in since. How many were marked.
    /// </summary>
    public Task<int> MarkHandledAsync(int termId, DateTime seenUpTo, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Open().Where(vote => vote.TermId == termId && vote.CastAt <= seenUpTo)
            .ExecuteUpdateAsync(votes => votes.SetProperty(vote => vote.HandledAt, now), cancellationToken);
    }

    private IQueryable<Vote> Open() =>
        db.Votes.Where(vote => !vote.Helpful && vote.HandledAt == null && (vote.Reason != null || vote.Comment != null));
}
