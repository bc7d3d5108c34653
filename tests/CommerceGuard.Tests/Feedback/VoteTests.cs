using System.Net;
using System.Net.Http.Json;
using CommerceGuard.Features.Feedback;
using CommerceGuard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Feedback;

public sealed class VoteTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static FormUrlEncodedContent Ballot(string helpful, string? comment = null) =>
        new([new("helpful", helpful), .. comment is null ? Array.Empty<KeyValuePair<string, string>>() : [new("comment", comment)]]);

    private static Uri VoteUrl(string slug) => new(FeedbackUrls.Vote(slug), UriKind.Relative);

    private Task<List<Vote>> VotesOnAsync(string slug) => app.WithDbAsync(db =>
        db.Votes.Where(v => db.Terms.Any(t => t.Id == v.TermId && t.Slug == slug)).ToListAsync());

    [Fact]
    public async Task A_vote_without_script_is_recorded_and_lands_on_the_thank_you_page()
    {
        var browser = app.Browser();

        using var response = await browser.PostAsync(VoteUrl("premium"), Ballot("yes"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/glossary/premium/feedback", response.Headers.Location!.OriginalString);
        var vote = Assert.Single(await VotesOnAsync("premium"));
        Assert.True(vote.Helpful);
        Assert.Null(vote.Comment);
        var thanks = await browser.GetPageAsync("/glossary/premium/feedback");
        Assert.Equal("Thank you", thanks.QuerySelector("h1")!.Text());
        Assert.Null(thanks.QuerySelector("textarea"));
    }

    [Fact]
    public async Task A_later_vote_from_the_same_browser_replaces_the_earlier_one()
    {
        var browser = app.Browser();

        await browser.PostAsync(VoteUrl("deductible"), Ballot("yes"));
        await browser.PostAsync(VoteUrl("deductible"), Ballot("no"));

        var vote = Assert.Single(await VotesOnAsync("deductible"));
        Assert.False(vote.Helpful);
    }

    [Fact]
    public async Task Votes_from_different_browsers_are_kept_apart()
    {
        await app.Browser().PostAsync(VoteUrl("coinsurance"), Ballot("yes"));
        await app.Browser().PostAsync(VoteUrl("coinsurance"), Ballot("no"));

        var votes = await VotesOnAsync("coinsurance");
        Assert.Equal([false, true], votes.Select(v => v.Helpful).Order());
    }

    [Fact]
    public async Task After_a_no_the_thank_you_page_asks_what_was_wrong_and_keeps_the_answer()
    {
        var browser = app.Browser();
        await browser.PostAsync(VoteUrl("nurse"), Ballot("no"));

        var thanks = await browser.GetPageAsync("/glossary/nurse/feedback");
        Assert.Equal("What was wrong?", thanks.QuerySelector("fieldset.feedback-reasons legend")!.Text());
        Assert.Equal(["confusing", "outdated", "wrong", "missing-example", "happened-to-me"],
            thanks.QuerySelectorAll("input[name=reason]").Select(input => input.GetAttribute("value")));
        Assert.Equal("Anything else we should know? (optional)", thanks.QuerySelector("label[for=feedback-comment-nurse]")!.Text());

        using var response = await browser.PostAsync(VoteUrl("nurse"), Ballot("no", "  How to check a nurse's licence.  "));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var vote = Assert.Single(await VotesOnAsync("nurse"));
        Assert.Equal("How to check a nurse's licence.", vote.Comment);
        var after = await browser.GetPageAsync("/glossary/nurse/feedback");
        Assert.Null(after.QuerySelector("textarea"));
    }

    [Fact]
    public async Task A_comment_is_only_kept_with_a_no()
    {
        await app.Browser().PostAsync(VoteUrl("empathy"), Ballot("yes", "Great page"));

        Assert.Null(Assert.Single(await VotesOnAsync("empathy")).Comment);
    }

    [Fact]
    public async Task A_vote_sent_by_script_gets_a_json_receipt_instead_of_a_redirect()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, VoteUrl("doctor")) { Content = Ballot("no", "More on second opinions") };
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await app.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new VoteReceipt(false, true), await response.Content.ReadFromJsonAsync<VoteReceipt>());
    }

    [Fact]
    public async Task A_vote_on_a_term_that_does_not_exist_answers_404()
    {
        using var response = await app.Browser().PostAsync(VoteUrl("no-such-term"), Ballot("yes"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("YES ")]
    public async Task A_vote_that_is_neither_yes_nor_no_is_refused_with_a_problem_description(string helpful)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, VoteUrl("rescission")) { Content = Ballot(helpful) };
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await app.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("'helpful' must be 'yes' or 'no'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await VotesOnAsync("rescission"));
    }

    [Fact]
    public async Task A_bad_vote_from_a_plain_form_gets_the_sites_error_page_not_json()
    {
        using var response = await app.Browser().PostAsync(VoteUrl("rescission"), Ballot("maybe"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Equal("That request could not be handled", page.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task A_comment_of_500_characters_counts_each_line_break_once()
    {
        var comment = string.Join("\r\n", Enumerable.Repeat(new string('c', 15), 30));
        Assert.True(comment.Length > 500);

        using var response = await app.Browser().PostAsync(VoteUrl("medical-debt"), Ballot("no", comment));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_vote_is_refused_with_413_not_a_failure()
    {
        using var response = await app.Browser().PostAsync(VoteUrl("charity-care"), Ballot("no", new string('x', 20_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_comment_over_500_characters_is_refused_and_nothing_is_stored()
    {
        using var response = await app.Browser().PostAsync(VoteUrl("junk-fee"), Ballot("no", new string('x', 501)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await VotesOnAsync("junk-fee"));
    }

    [Fact]
    public async Task A_vote_that_is_not_a_form_is_refused()
    {
        using var response = await app.Browser().PostAsync(VoteUrl("junk-fee"), new StringContent("{\"helpful\":true}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task A_vote_posted_from_another_site_is_refused(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, VoteUrl("payday-loan")) { Content = Ballot("no") };
        request.Headers.Add(header, value);

        using var response = await app.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await VotesOnAsync("payday-loan"));
    }

    [Fact]
    public async Task A_vote_from_the_sites_own_page_passes_the_origin_check()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, VoteUrl("credit-score")) { Content = Ballot("yes") };
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await app.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task The_thank_you_page_without_a_vote_sends_the_reader_back_to_the_question()
    {
        using var response = await app.Browser().GetAsync(new Uri("/glossary/premium/feedback", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/glossary/premium#feedback", response.Headers.Location!.OriginalString);
    }
}

public sealed class VoteRateLimitTests : IDisposable
{
    private readonly GlossaryApp app = new GlossaryApp().With("RateLimits:PublicWrites:PermitsPerWindow", "3");

    [Fact]
    public async Task Votes_beyond_the_limit_per_client_are_refused_with_429_and_a_retry_time()
    {
        var browser = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await browser.PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative), new FormUrlEncodedContent([new("helpful", "yes")]));
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        }

        using var refused = await browser.PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative), new FormUrlEncodedContent([new("helpful", "yes")]));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await Pages.ParseAsync(refused);
        Assert.Equal("Too many requests", page.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Fresh_comment_stamps_spend_from_the_same_quota_as_votes()
    {
        var browser = app.Browser();
        var stampUrl = new Uri(FormStamps.Url(FeedbackEndpoints.FormName), UriKind.Relative);
        for (var i = 0; i < 2; i++)
        {
            using var stamped = await browser.GetAsync(stampUrl);
            Assert.Equal(HttpStatusCode.OK, stamped.StatusCode);
        }
        using var vote = await browser.PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative), new FormUrlEncodedContent([new("helpful", "no")]));
        Assert.Equal(HttpStatusCode.SeeOther, vote.StatusCode);

        using var refused = await browser.GetAsync(stampUrl);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Reading_pages_is_never_rate_limited()
    {
        var browser = app.Browser();
        for (var i = 0; i < 10; i++)
        {
            await browser.GetPageAsync("/glossary/premium");
        }
    }

    public void Dispose() => app.Dispose();
}
