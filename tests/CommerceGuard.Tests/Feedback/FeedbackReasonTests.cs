using System.Net;
using System.Net.Http.Json;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Feedback;
using CommerceGuard.Tests.Admin;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Feedback;

/// <summary>
/// After a No, the reader picks a reason and may add a comment; "this happened to me" leads to
/// where to complain; the reasons wait in the editors' triage queue per term until handled.
/// </summary>
public sealed class FeedbackReasonTests
{
    private static FormUrlEncodedContent Ballot(string reason, string? comment = null) =>
        new([new("helpful", "no"), new("reason", reason), .. comment is null ? Array.Empty<KeyValuePair<string, string>>() : [new("comment", comment)]]);

    private static async Task<HttpResponseMessage> SendByScriptAsync(HttpClient browser, string slug, FormUrlEncodedContent ballot)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(FeedbackUrls.Vote(slug), UriKind.Relative)) { Content = ballot };
        request.Headers.Accept.ParseAdd("application/json");
        return await browser.SendAsync(request);
    }

    [Fact]
    public async Task A_reason_and_comment_are_kept_with_the_no_and_named_in_the_receipt()
    {
        using var app = new GlossaryApp();

        using var answer = await SendByScriptAsync(app.Browser(), "premium", Ballot("outdated", "The 2025 limits changed."));

        Assert.Equal(new VoteReceipt(false, true, "outdated"), await answer.Content.ReadFromJsonAsync<VoteReceipt>());
        var vote = await app.WithDbAsync(db => db.Votes.SingleAsync());
        Assert.Equal((FeedbackReason.Outdated, "The 2025 limits changed."), (vote.Reason, vote.Comment));
    }

    [Fact]
    public async Task This_happened_to_me_answers_where_to_complain()
    {
        using var app = new GlossaryApp();

        using var answer = await SendByScriptAsync(app.Browser(), "debt-collector", Ballot("happened-to-me"));

        var receipt = await answer.Content.ReadFromJsonAsync<VoteReceipt>();
        Assert.Equal("/glossary/debt-collector/complain", receipt!.ComplainUrl);
        // The term page carries the link, hidden until the script shows it.
        var page = await app.Browser().GetPageAsync("/glossary/debt-collector");
        Assert.Equal("/glossary/debt-collector/complain", page.QuerySelector(".feedback-complain[hidden] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Without_script_this_happened_to_me_lands_on_thanks_with_the_way_to_complain()
    {
        using var app = new GlossaryApp();
        var browser = app.Browser();

        using var answer = await browser.PostAsync(new Uri(FeedbackUrls.Vote("overtime-pay"), UriKind.Relative), Ballot("happened-to-me"));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var thanks = await browser.GetPageAsync("/glossary/overtime-pay/feedback");
        Assert.Equal("/glossary/overtime-pay/complain", thanks.QuerySelector(".feedback-complain a")!.GetAttribute("href"));
        Assert.Null(thanks.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_reason_not_on_the_list_is_refused_with_the_list()
    {
        using var app = new GlossaryApp();

        using var answer = await SendByScriptAsync(app.Browser(), "premium", Ballot("boring"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("'reason' must be one of: confusing, outdated, wrong, missing-example, happened-to-me.", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Votes.AnyAsync()));
    }

    [Fact]
    public async Task Reports_wait_in_triage_per_term_until_an_editor_marks_them_handled()
    {
        using var app = new GlossaryApp();
        await SendByScriptAsync(app.Browser(), "premium", Ballot("confusing", "What is a rider?"));
        await SendByScriptAsync(app.Browser(), "premium", Ballot("confusing"));
        await SendByScriptAsync(app.Browser(), "premium", Ballot("wrong"));
        await SendByScriptAsync(app.Browser(), "deductible", Ballot("outdated"));
        var desk = await app.SignedInAsync(Roles.Editor);

        var triage = await desk.GetPageAsync("/admin/feedback/triage");

        var terms = triage.QuerySelectorAll(".triage-list > li");
        Assert.Equal(["Premium", "Deductible"], terms.Select(term => term.QuerySelector("h2 a")!.Text()));
        Assert.Equal(["It was hard to understand: 2", "Something in it is wrong: 1"], terms[0].QuerySelectorAll(".pill").Select(pill => pill.Text()));
        Assert.Equal("What is a rider?", terms[0].QuerySelector("blockquote")!.Text());

        var premium = terms[0].QuerySelector("form")!;
        var handled = await desk.SubmitToAsync("/admin/feedback/triage", "/admin/feedback/triage?handler=Handled", [
            new("termId", premium.QuerySelector("input[name=termId]")!.GetAttribute("value")!),
            new("title", "Premium"), new("seen", premium.QuerySelector("input[name=seen]")!.GetAttribute("value")!)]);

        Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
        var after = await desk.GetPageAsync("/admin/feedback/triage");
        Assert.Equal(["Deductible"], after.QuerySelectorAll(".triage-list > li h2 a").Select(link => link.Text()));
        Assert.Contains("3 reports on “Premium” marked handled.", after.QuerySelector(".notice")!.Text(), StringComparison.Ordinal);

        // A new report opens the term again.
        await SendByScriptAsync(app.Browser(), "premium", Ballot("missing-example"));
        Assert.Contains("Premium", (await desk.GetPageAsync("/admin/feedback/triage")).QuerySelector(".triage-list")!.Text(), StringComparison.Ordinal);
    }
}
