using System.Net;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Community.Suggestions;
using CommerceGuard.Tests.Admin;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Community;

/// <summary>
/// Readers suggest missing terms (a title and a note, nothing about themselves) from every term
/// page and from a search that found nothing; editors draft or dismiss them, most asked for first.
/// </summary>
public sealed class SuggestionTests
{
    private static Task<HttpResponseMessage> SuggestAsync(HttpClient browser, string title, string? note = null, string page = "/suggest") =>
        browser.SubmitToAsync(page, page, [new("Form.Title", title), new("Form.Note", note ?? "")]);

    [Fact]
    public async Task A_suggestion_is_kept_and_the_same_title_asked_again_counts_as_one_more_request()
    {
        using var app = new GlossaryApp();

        var first = await SuggestAsync(app.Browser(), "Rent-to-own contract", "Saw it at a furniture shop.");
        await SuggestAsync(app.Browser(), "rent to own contract?", "My landlord offered one.");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/suggest/thanks", first.Headers.Location!.OriginalString);
        var suggestion = await app.WithDbAsync(db => db.TermSuggestions.SingleAsync());
        Assert.Equal(("Rent-to-own contract", 2, SuggestionStatus.Open), (suggestion.Title, suggestion.Requests, suggestion.Status));
        Assert.Equal("Saw it at a furniture shop.\n---\nMy landlord offered one.", suggestion.Note);
    }

    [Fact]
    public async Task A_term_the_glossary_already_explains_is_pointed_to_not_stored()
    {
        using var app = new GlossaryApp();

        var page = await Pages.ParseAsync(await SuggestAsync(app.Browser(), "Junk Fee"));

        Assert.Equal("/glossary/junk-fee", page.QuerySelector(".notice a")!.GetAttribute("href"));
        Assert.False(await app.WithDbAsync(db => db.TermSuggestions.AnyAsync()));
    }

    [Fact]
    public async Task A_suggestion_without_a_title_is_refused_in_words()
    {
        using var app = new GlossaryApp();

        var page = await Pages.ParseAsync(await SuggestAsync(app.Browser(), "  ", "A note alone."));

        Assert.Contains("Enter the term you would like explained.", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal("A note alone.", page.QuerySelector("#Form_Note")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.TermSuggestions.AnyAsync()));
    }

    [Fact]
    public async Task Term_pages_and_searches_that_found_nothing_lead_to_the_form()
    {
        using var app = new GlossaryApp();
        var browser = app.Browser();

        Assert.Equal("/suggest", (await browser.GetPageAsync("/glossary/premium")).QuerySelector(".suggest-link a")!.GetAttribute("href"));
        var link = (await browser.GetPageAsync("/search?q=zzyzx%20levy")).QuerySelector(".suggest-link a")!;
        Assert.Equal("/suggest?title=zzyzx%20levy", link.GetAttribute("href"));
        Assert.Equal("zzyzx levy", (await browser.GetPageAsync(link.GetAttribute("href")!)).QuerySelector("#Form_Title")!.GetAttribute("value"));
        Assert.Equal("Sugerir un término que falta", (await browser.GetPageAsync("/es/sugerir")).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Suggestions_are_rate_limited_per_reader()
    {
        using var app = new GlossaryApp().With("RateLimits:PublicWrites:PermitsPerWindow", "2");
        var browser = app.Browser();
        var token = (await browser.GetPageAsync("/suggest")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var answer = await browser.PostAsync(new Uri("/suggest", UriKind.Relative),
                new FormUrlEncodedContent([new("Form.Title", $"Term number {i}"), new("__RequestVerificationToken", token)]));
            answers.Add(answer.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task Editors_draft_or_dismiss_suggestions_the_most_asked_for_first()
    {
        using var app = new GlossaryApp();
        await SuggestAsync(app.Browser(), "Lease buyout");
        await SuggestAsync(app.Browser(), "Shrinkflation");
        await SuggestAsync(app.Browser(), "Shrinkflation");
        var desk = await app.SignedInAsync(Roles.Author);

        var queue = await desk.GetPageAsync("/admin/suggestions");
        Assert.Equal(["Shrinkflation", "Lease buyout"], queue.QuerySelectorAll(".suggestion-list h2").Select(h2 => h2.FirstChild!.TextContent.Trim()));
        Assert.Equal("2 waiting", (await desk.GetPageAsync("/admin")).QuerySelector(".suggestion-count")!.Text());

        var ids = await app.WithDbAsync(db => db.TermSuggestions.OrderBy(suggestion => suggestion.Title).Select(suggestion => suggestion.Id).ToListAsync());
        var drafted = await desk.SubmitToAsync("/admin/suggestions", "/admin/suggestions?handler=Draft", [new("id", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal("/admin/terms/new?title=Shrinkflation", drafted.Headers.Location!.OriginalString);
        Assert.Equal("Shrinkflation", (await desk.GetPageAsync("/admin/terms/new?title=Shrinkflation")).QuerySelector("#field-title")!.GetAttribute("value"));

        await desk.SubmitToAsync("/admin/suggestions", "/admin/suggestions?handler=Dismiss", [new("id", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Empty((await desk.GetPageAsync("/admin/suggestions")).QuerySelectorAll(".suggestion-list li"));
    }
}
