using System.Globalization;
using CommerceGuard.Features.Feedback;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Admin;

/// <summary>
/// What readers answered to "Was this helpful?", per term, over a chosen period; the comments
/// left with a No, newest first; both as CSV.
/// </summary>
public sealed class FeedbackPageModel(FeedbackReport report, TimeProvider time) : PageModel
{
    public const int CommentsPerPage = 50;
    private const int DefaultDays = 30;

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "sort")]
    public FeedbackOrder Sort { get; set; } = FeedbackOrder.LeastHelpful;

    [FromQuery(Name = "page")]
    public int CommentsPage { get; set; } = 1;

    public FeedbackPeriod Period { get; private set; } = null!;

    public string? PeriodProblem { get; private set; }

    public List<TermFeedback> Terms { get; private set; } = [];

    public List<NoComment> Comments { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ReadPeriod();
        CommentsPage = Math.Clamp(CommentsPage, 1, 100_000);
        Terms = await report.ByTermAsync(Period, Sort, cancellationToken);
        Comments = await report.CommentsAsync(Period, CommentsPage, CommentsPerPage + 1, cancellationToken);
    }

    public async Task<IActionResult> OnGetTermsCsvAsync(CancellationToken cancellationToken)
    {
        ReadPeriod();
        var terms = await report.ByTermAsync(Period, Sort, cancellationToken);
        return CsvDownload.File($"feedback-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.csv",
            ["term", "slug", "yes", "no", "total", "helpful_percent"],
            terms.Select(term => new[]
            {
                term.Title, term.Slug, Number(term.Yes), Number(term.No), Number(term.Total),
                (term.Helpful * 100).ToString("0.0", CultureInfo.InvariantCulture),
            }));
    }

    public async Task<IActionResult> OnGetCommentsCsvAsync(CancellationToken cancellationToken)
    {
        ReadPeriod();
        var comments = await report.CommentsAsync(Period, 1, int.MaxValue, cancellationToken);
        return CsvDownload.File($"feedback-comments-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.csv",
            ["cast_at_utc", "term", "slug", "comment"],
            comments.Select(comment => new[] { CsvDownload.Time(comment.At), comment.Title, comment.Slug, comment.Comment }));
    }

    /// <summary>The period asked for; the last 30 days when none is, or when what was asked makes no sense.</summary>
    private void ReadPeriod()
    {
        var to = Parse(To) ?? Today;
        var from = Parse(From) ?? to.AddDays(-(DefaultDays - 1));
        if ((From is { Length: > 0 } && Parse(From) is null) || (To is { Length: > 0 } && Parse(To) is null) || from > to)
        {
            PeriodProblem = "Choose a period whose start is a date on or before its end; the last 30 days are shown instead.";
            (from, to) = (Today.AddDays(-(DefaultDays - 1)), Today);
        }
        Period = new FeedbackPeriod(from, to);
        (From, To) = (Iso(from), Iso(to));
    }

    /// <summary>A date of the site's lifetime; years far off (such as 9999) are not a period anyone means.</summary>
    private static DateOnly? Parse(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
        && parsed.Year is >= 2000 and <= 2200 ? parsed : null;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The page's address with one query value changed, for the sort and page links.</summary>
    public string Link(string? sort = null, int? page = null, string? handler = null) =>
        $"/admin/feedback?from={From}&to={To}&sort={sort ?? Sort.ToString()}"
        + (page is null ? "" : $"&page={page}") + (handler is null ? "" : $"&handler={handler}");
}
