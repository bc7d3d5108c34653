using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Feedback;

/// <summary>Days from <see cref="From"/> to <see cref="To"/>, both whole days included (UTC).</summary>
public sealed record FeedbackPeriod(DateOnly From, DateOnly To)
{
    public DateTime Start => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    public DateTime End => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <summary>How readers answered "Was this helpful?" on one term.</summary>
public sealed record TermFeedback(int TermId, string Title, string Slug, string Language, int Yes, int No)
{
    public int Total => Yes + No;

    /// <summary>The share of Yes answers, from 0 to 1.</summary>
    public double Helpful => Total == 0 ? 0 : (double)Yes / Total;
}

/// <summary>What a reader wrote after answering No.</summary>
public sealed record NoComment(long Id, string Title, string Slug, string Language, string Comment, DateTime At);

public enum FeedbackOrder
{
    /// <summary>The smallest share of Yes first; among equals, the most No answers.</summary>
    LeastHelpful,
    MostAnswers,
    MostNo,
    Title,
}

/// <summary>Reads the votes for the back office, per term and as comments.</summary>
public sealed class FeedbackReport(GlossaryDb db)
{
    public async Task<List<TermFeedback>> ByTermAsync(FeedbackPeriod period, FeedbackOrder order, CancellationToken cancellationToken)
    {
        var rows = await db.Votes.AsNoTracking()
            .Where(vote => vote.CastAt >= period.Start && vote.CastAt < period.End)
            .GroupBy(vote => vote.TermId)
            .Select(votes => new { TermId = votes.Key, Yes = votes.Count(vote => vote.Helpful), Total = votes.Count() })
            .Join(db.Terms, count => count.TermId, term => term.Id,
                (count, term) => new { term.Id, term.Title, term.Slug, term.Language, count.Yes, count.Total })
            .ToListAsync(cancellationToken);
        var counts = rows.Select(row => new TermFeedback(row.Id, row.Title, row.Slug, row.Language, row.Yes, row.Total - row.Yes));
        return order switch
        {
            FeedbackOrder.MostAnswers => [.. counts.OrderByDescending(term => term.Total).ThenBy(term => term.Helpful)],
            FeedbackOrder.MostNo => [.. counts.OrderByDescending(term => term.No).ThenBy(term => term.Helpful)],
            FeedbackOrder.Title => [.. counts.OrderBy(term => term.Title, StringComparer.CurrentCultureIgnoreCase)],
            _ => [.. counts.OrderBy(term => term.Helpful).ThenByDescending(term => term.No).ThenBy(term => term.Title, StringComparer.Ordinal)],
        };
    }

    /// <summary>The comments left with a No, newest first, a page at a time.</summary>
    public async Task<List<NoComment>> CommentsAsync(FeedbackPeriod period, int page, int pageSize, CancellationToken cancellationToken)
    {
        var comments = await db.Votes.AsNoTracking()
            .Where(vote => !vote.Helpful && vote.Comment != null && vote.CastAt >= period.Start && vote.CastAt < period.End)
            .OrderByDescending(vote => vote.CastAt).ThenByDescending(vote => vote.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Join(db.Terms, vote => vote.TermId, term => term.Id,
                (vote, term) => new { vote.Id, term.Title, term.Slug, term.Language, vote.Comment, vote.CastAt })
            .ToListAsync(cancellationToken);
        // A join may lose the order of what it joins, so the page is put back in order here.
        return [.. comments.OrderByDescending(comment => comment.CastAt).ThenByDescending(comment => comment.Id)
            .Select(comment => new NoComment(comment.Id, comment.Title, comment.Slug, comment.Language, comment.Comment!, comment.CastAt))];
    }
}

public static class FeedbackSetup
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FeedbackReport>();
        builder.Services.AddScoped<FeedbackTriage>();
        builder.Services.AddScoped<Complaints.ComplaintChannelEditor>();
        return builder;
    }
}
