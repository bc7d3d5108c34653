using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommerceGuard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Community;

/// <summary>
/// Public forms keep scripts out without any outside service: a honeypot field people never see,
/// and a minimum time between a form being shown and sent, read from a stamp only the site can
/// make. A filled honeypot is thanked and forgotten; a post that came too soon is shown again,
/// filled in, with a message, so a quick person loses nothing.
/// </summary>
public sealed class SpamDefenceTests : IDisposable
{
    private const int FillSeconds = 2;

    private readonly GlossaryApp app = new GlossaryApp().With("SpamDefence:MinimumFillSeconds", FillSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // For the posts that must come too soon: a minute, which no stall of a loaded machine between
    // showing a form and sending it comes near.
    private readonly GlossaryApp patientApp = new GlossaryApp().With("SpamDefence:MinimumFillSeconds", "60");

    private static List<KeyValuePair<string, string>> Offer(string email) =>
        [new("Form.Name", "Rosa Parks"), new("Form.Email", email), new("Form.Consent", "true")];

    [Fact]
    public async Task Every_public_form_carries_a_honeypot_hidden_by_the_stylesheet_and_a_stamp()
    {
        var volunteer = await app.Browser().GetPageAsync("/volunteer");
        var term = await app.Browser().GetPageAsync("/es/glosario/prima");
        var thanks = await ThanksAfterNoAsync(app.Browser());

        foreach (var form in volunteer.QuerySelectorAll("main form").Concat(term.QuerySelectorAll("#feedback form")).Concat(thanks.QuerySelectorAll("main form")))
        {
            var trap = form.QuerySelector($".trap input[name={SpamDefence.TrapField}]");
            Assert.NotNull(trap);
            Assert.Equal("-1", trap.GetAttribute("tabindex"));
            Assert.NotNull(form.QuerySelector($"label[for='{trap.Id}']"));
            Assert.NotEmpty(form.QuerySelector<IHtmlInputElement>($"input[name={SpamDefence.StampField}]")!.Value);
        }
        var css = await app.Browser().GetStringAsync(new Uri("/css/site.css", UriKind.Relative));
        Assert.Contains(".trap { display: none !important; }", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_volunteer_form_with_the_honeypot_filled_is_thanked_and_not_kept()
    {
        await WaitOutFillTimeAsync();
        using var response = await PostVolunteerAsync(Offer("bot@example.org"), trap: "http://spam.example", wait: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/volunteer/thanks", response.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Volunteers.AnyAsync(v => v.Email == "bot@example.org")));
    }

    [Fact]
    public async Task A_volunteer_form_sent_sooner_than_a_person_could_comes_back_filled_in_with_a_message()
    {
        using var response = await PostVolunteerAsync(Offer("quick@example.org"), wait: false, site: patientApp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains("sooner than a person usually fills in this form", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("quick@example.org", page.QuerySelector<IHtmlInputElement>("#Form_Email")!.Value);
        Assert.False(await patientApp.WithDbAsync(db => db.Volunteers.AnyAsync(v => v.Email == "quick@example.org")));
    }

    [Fact]
    public async Task A_volunteer_form_sent_after_the_fill_time_is_kept()
    {
        using var response = await PostVolunteerAsync(Offer("patient@example.org"), wait: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Volunteers.AnyAsync(v => v.Email == "patient@example.org")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("CfDJ8made-up-stamp")]
    public async Task A_missing_or_made_up_stamp_counts_as_too_quick(string? stamp)
    {
        var browser = app.Browser();
        var token = await AntiforgeryTokenAsync(browser);
        await WaitOutFillTimeAsync();
        List<KeyValuePair<string, string>> fields = [.. Offer("forger@example.org"), new("__RequestVerificationToken", token)];
        if (stamp is not null)
        {
            fields.Add(new(SpamDefence.StampField, stamp));
        }

        using var response = await browser.PostAsync(new Uri("/volunteer", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Volunteers.AnyAsync(v => v.Email == "forger@example.org")));
    }

    [Fact]
    public async Task A_vote_is_one_click_and_counts_however_soon_it_comes()
    {
        using var response = await app.Browser().PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative),
            new FormUrlEncodedContent([new("helpful", "yes")]));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(1, await VotesOnPremiumAsync());
    }

    [Fact]
    public async Task A_vote_with_the_honeypot_filled_is_thanked_and_not_counted()
    {
        using var response = await app.Browser().PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative),
            new FormUrlEncodedContent([new("helpful", "no"), new(SpamDefence.TrapField, "buy now")]));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(0, await VotesOnPremiumAsync());
    }

    [Fact]
    public async Task A_comment_sent_sooner_than_a_person_could_write_it_is_refused_and_one_sent_later_is_kept()
    {
        using var tooSoon = await CommentAsync(patientApp, wait: false);
        Assert.Equal(HttpStatusCode.BadRequest, tooSoon.StatusCode);
        Assert.Equal(0, await VotesOnPremiumAsync(patientApp));

        using var later = await CommentAsync(app, wait: true);
        Assert.Equal(HttpStatusCode.SeeOther, later.StatusCode);
        Assert.Equal(1, await VotesOnPremiumAsync(app));
    }

    /// <summary>Shows a term page, waits or not, and sends a comment with the stamp its comment form carried.</summary>
    private static async Task<HttpResponseMessage> CommentAsync(GlossaryApp site, bool wait)
    {
        var browser = site.Browser();
        var page = await browser.GetPageAsync("/glossary/premium");
        var stamp = page.QuerySelector<IHtmlInputElement>($".feedback-comment input[name={SpamDefence.StampField}]")!.Value;
        if (wait)
        {
            await WaitOutFillTimeAsync();
        }
        return await browser.PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative),
            new FormUrlEncodedContent([new("helpful", "no"), new("comment", "Say what a premium is paid for."), new(SpamDefence.StampField, stamp)]));
    }

    [Fact]
    public async Task Without_script_a_comment_from_the_thank_you_page_is_timed_from_that_page()
    {
        var browser = app.Browser();
        var thanks = await ThanksAfterNoAsync(browser);
        var hidden = thanks.QuerySelectorAll<IHtmlInputElement>("main form input:not([type=submit]):not([type=radio])")
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value));
        await WaitOutFillTimeAsync();

        using var response = await browser.PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative),
            new FormUrlEncodedContent([.. hidden, new("reason", "missing-example"), new("comment", "Say when a premium is due.")]));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Votes.AnyAsync(v => v.Comment == "Say when a premium is due.")));
    }

    /// <summary>Votes No without a script, as a plain form does, and shows the page the reader lands on.</summary>
    private static async Task<IHtmlDocument> ThanksAfterNoAsync(HttpClient browser)
    {
        using var vote = await browser.PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative), new FormUrlEncodedContent([new("helpful", "no")]));
        Assert.Equal(HttpStatusCode.SeeOther, vote.StatusCode);
        return await browser.GetPageAsync(vote.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_stamp_from_one_form_is_no_good_on_another()
    {
        var term = await app.Browser().GetPageAsync("/glossary/premium");
        var voteStamp = term.QuerySelector<IHtmlInputElement>($".feedback-comment input[name={SpamDefence.StampField}]")!.Value;
        var browser = app.Browser();
        var token = await AntiforgeryTokenAsync(browser);
        await WaitOutFillTimeAsync();

        using var response = await browser.PostAsync(new Uri("/volunteer", UriKind.Relative), new FormUrlEncodedContent(
            [.. Offer("carried@example.org"), new("__RequestVerificationToken", token), new(SpamDefence.StampField, voteStamp)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Volunteers.AnyAsync(v => v.Email == "carried@example.org")));
    }

    [Fact]
    public async Task A_stamp_older_than_the_longest_a_form_may_be_open_is_refused_with_a_message()
    {
        var shownLongAgo = new ShiftedClock(TimeSpan.FromHours(-25));
        using var site = new GlossaryApp().With("SpamDefence:MinimumFillSeconds", "1")
            .WithServices(services => services.AddSingleton<TimeProvider>(shownLongAgo));
        var browser = site.Browser();
        var page = await browser.GetPageAsync("/volunteer");
        var hidden = page.QuerySelectorAll<IHtmlInputElement>("main form input[type=hidden]").Select(input => new KeyValuePair<string, string>(input.Name!, input.Value)).ToList();
        shownLongAgo.Shift = TimeSpan.Zero;

        using var response = await browser.PostAsync(new Uri("/volunteer", UriKind.Relative), new FormUrlEncodedContent([.. Offer("stale@example.org"), .. hidden]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("open a long time", (await Pages.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync(db => db.Volunteers.AnyAsync(v => v.Email == "stale@example.org")));
    }

    /// <summary>Shows the volunteer form, waits or not, and sends it back with every hidden field it carried.</summary>
    private async Task<HttpResponseMessage> PostVolunteerAsync(List<KeyValuePair<string, string>> offer, bool wait, string trap = "", GlossaryApp? site = null)
    {
        var browser = (site ?? app).Browser();
        var page = await browser.GetPageAsync("/volunteer");
        var hidden = page.QuerySelectorAll<IHtmlInputElement>("main form input[type=hidden]")
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value));
        if (wait)
        {
            await WaitOutFillTimeAsync();
        }
        return await browser.PostAsync(new Uri("/volunteer", UriKind.Relative),
            new FormUrlEncodedContent([.. offer, .. hidden, new(SpamDefence.TrapField, trap)]));
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser)
    {
        var page = await browser.GetPageAsync("/volunteer");
        return page.QuerySelector<IHtmlInputElement>("form input[name=__RequestVerificationToken]")!.Value;
    }

    private static Task WaitOutFillTimeAsync() => Task.Delay(TimeSpan.FromSeconds(FillSeconds) + TimeSpan.FromMilliseconds(200));

    private Task<int> VotesOnPremiumAsync() => VotesOnPremiumAsync(app);

    private static Task<int> VotesOnPremiumAsync(GlossaryApp site) => site.WithDbAsync(db =>
        db.Votes.CountAsync(v => db.Terms.Any(t => t.Id == v.TermId && t.Slug == "premium" && t.Language == "en")));

    public void Dispose()
    {
        patientApp.Dispose();
        app.Dispose();
    }
}
