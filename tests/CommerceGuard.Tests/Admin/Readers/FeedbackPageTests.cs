using System.Net;
using System.Text;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Readers;

/// <summary>The feedback page: Yes and No per term over a period, the No comments, and both as CSV.</summary>
public sealed class FeedbackPageTests : IClassFixture<GlossaryApp>, IAsyncLifetime
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private readonly GlossaryApp app;

    public FeedbackPageTests(GlossaryApp app) => this.app = app;

    /// <summary>Two terms: the first answered Yes, Yes, No this week; the second No, No this week and Yes long ago.</summary>
    public Task InitializeAsync() => app.WithDbAsync(async db =>
    {
        if (await db.Votes.AnyAsync())
        {
            return;
        }
        var terms = await db.Terms.OrderBy(term => term.Id).Take(2).Select(term => term.Id).ToListAsync();
        var voter = 0;
        Vote Cast(int term, bool helpful, int daysAgo, string? comment = null) => new()
        {
            TermId = term, Helpful = helpful, CastAt = Now.AddDays(-daysAgo), Comment = comment, VoterKey = $"voter-{voter++}",
        };
        db.Votes.AddRange(
            Cast(terms[0], true, 1), Cast(terms[0], true, 2), Cast(terms[0], false, 3, "An older comment"),
            Cast(terms[1], false, 1, "=HYPERLINK(\"https://evil.example\")"), Cast(terms[1], false, 2), Cast(terms[1], true, 200));
        await db.SaveChangesAsync();
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_term_shows_its_answers_in_the_period_least_helpful_first()
    {
        var editor = await app.SignedInAsync(Roles.Author);

        var page = await editor.GetPageAsync("/admin/feedback");
        var rows = page.QuerySelectorAll("tbody tr").Select(row => row.QuerySelectorAll("td").Select(cell => cell.Text()).ToArray()).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(["0", "2", "2", "0%"], rows[0]);
        Assert.Equal(["2", "1", "3", "67%"], rows[1]);
    }

    [Fact]
    public async Task A_longer_period_counts_the_older_answers_too()
    {
        var editor = await app.SignedInAsync(Roles.Author);
        var from = DateOnly.FromDateTime(Now.AddDays(-365)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await editor.GetPageAsync($"/admin/feedback?from={from}&sort=MostAnswers");
        var totals = page.QuerySelectorAll("tbody tr td:nth-child(4)").Select(cell => cell.Text());

        Assert.Equal(["3", "3"], totals);
    }

    [Fact]
    public async Task The_no_comments_are_listed_newest_first()
    {
        var editor = await app.SignedInAsync(Roles.Author);

        var page = await editor.GetPageAsync("/admin/feedback");
        var comments = page.QuerySelectorAll(".comment-list blockquote").Select(quote => quote.Text());

        Assert.Equal(["=HYPERLINK(\"https://evil.example\")", "An older comment"], comments);
    }

    [Fact]
    public async Task The_csv_files_hold_the_same_figures_with_formulas_defused()
    {
        var editor = await app.SignedInAsync(Roles.Author);

        var terms = await editor.GetAsync(new Uri("/admin/feedback?handler=TermsCsv", UriKind.Relative));
        var comments = await editor.GetAsync(new Uri("/admin/feedback?handler=CommentsCsv", UriKind.Relative));
        var termLines = (await terms.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var commentText = Encoding.UTF8.GetString(await comments.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/csv", terms.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", terms.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("term,slug,yes,no,total,helpful_percent", termLines[0]);
        Assert.EndsWith(",0,2,2,0.0", termLines[1], StringComparison.Ordinal);
        Assert.Equal(3, termLines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\")\"", commentText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_that_makes_no_sense_is_explained_and_the_last_30_days_shown()
    {
        var editor = await app.SignedInAsync(Roles.Author);

        var page = await editor.GetPageAsync("/admin/feedback?from=2025-05-01&to=2025-04-01");
        var farOff = await editor.GetPageAsync("/admin/feedback?to=9999-12-31");

        Assert.Contains("Choose a period", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Contains("Choose a period", farOff.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Signed_out_visitors_get_no_feedback_data()
    {
        var response = await app.Desk().GetAsync(new Uri("/admin/feedback?handler=CommentsCsv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
