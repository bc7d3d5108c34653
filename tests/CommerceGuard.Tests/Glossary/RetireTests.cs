using System.Net;
using System.Text.Json;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Tests.Glossary.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Glossary;

/// <summary>
/// A retired term keeps its address, which says it is retired and points to its replacement;
/// the A–Z index, search and the sitemap leave it out; the API marks it; it can be reinstated.
/// The tests share one site, each retiring a term of its own.
/// </summary>
public sealed class RetireTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static async Task<EditOutcome> RetireAsync(GlossaryApp site, string slug, string? replacement, StaffMember? who = null)
    {
        var id = await site.IdOfAsync(slug);
        var version = await site.WithDbAsync(db => db.Terms.Where(term => term.Id == id).Select(term => term.Version).SingleAsync());
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TermEditor>().RetireAsync(id, version, replacement, who ?? VersionEditing.Editor);
    }

    [Fact]
    public async Task A_retired_terms_address_says_so_and_links_to_its_replacement()
    {
        var before = await app.Browser().GetPageAsync("/glossary/payday-loan");

        Assert.True((await RetireAsync(app, "payday-loan", "Predatory Lending")).Succeeded);

        var page = await app.Browser().GetPageAsync("/glossary/payday-loan");
        Assert.StartsWith("This term is retired", page.QuerySelector(".retired-notice")!.Text(), StringComparison.Ordinal);
        var replacement = page.QuerySelector(".retired-notice a")!;
        Assert.Equal(("/glossary/predatory-lending", "Read Predatory Lending, which replaces it"), (replacement.GetAttribute("href"), replacement.Text()));
        Assert.Equal(before.QuerySelector(".term-definition")!.Text(), page.QuerySelector(".term-definition")!.Text());
        Assert.Null(page.QuerySelector("#feedback"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content")?.Split(',')[0]);
        // What was cited stays citable.
        await app.Browser().GetPageAsync("/glossary/payday-loan/v/1");
        // A page that lists it as related lists its replacement instead, once.
        var apr = await app.Browser().GetPageAsync("/glossary/annual-percentage-rate");
        Assert.Equal(["/glossary/predatory-lending", "/glossary/buy-now-pay-later"], apr.QuerySelectorAll(".term-related li").Select(item => item.QuerySelector("a")?.GetAttribute("href")));
    }

    [Fact]
    public async Task Lists_the_sitemap_and_search_leave_a_retired_term_out_and_the_api_marks_it()
    {
        await app.SearchIndexReadyAsync();
        Assert.Contains("/glossary/overdraft-fee", await SearchAsync(app.Browser(), "overdraft"));

        await RetireAsync(app, "overdraft-fee", "junk-fee");

        var browser = app.Browser();
        Assert.DoesNotContain("/glossary/overdraft-fee", (await browser.GetPageAsync("/glossary")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("/glossary/overdraft-fee<", await browser.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        for (var attempt = 0; attempt < 50 && (await SearchAsync(browser, "overdraft")).Contains("/glossary/overdraft-fee"); attempt++)
        {
            await Task.Delay(100);
        }
        Assert.DoesNotContain("/glossary/overdraft-fee", await SearchAsync(browser, "overdraft"));
        using var api = JsonDocument.Parse(await browser.GetStringAsync(new Uri("/api/v1/terms/overdraft-fee", UriKind.Relative)));
        Assert.Equal("retired", api.RootElement.GetProperty("status").GetString());
        Assert.EndsWith("/glossary/junk-fee", api.RootElement.GetProperty("replacedBy").GetString(), StringComparison.Ordinal);
        // Votes are for terms readers are meant to read.
        using var vote = await browser.PostAsync(new Uri("/glossary/overdraft-fee/vote", UriKind.Relative), new FormUrlEncodedContent([new("helpful", "yes")]));
        Assert.Equal(HttpStatusCode.NotFound, vote.StatusCode);
    }

    private static async Task<List<string>> SearchAsync(HttpClient browser, string query) =>
        [.. (await browser.GetPageAsync($"/search?q={query}")).QuerySelectorAll(".search-results h2 a").Select(a => a.GetAttribute("href")!)];

    [Fact]
    public async Task A_term_retired_with_no_replacement_says_so_and_reinstating_brings_it_back()
    {

        await RetireAsync(app, "rescission", null);
        var retired = await app.Browser().GetPageAsync("/glossary/rescission");
        Assert.NotNull(retired.QuerySelector(".retired-notice"));
        Assert.Null(retired.QuerySelector(".retired-notice a"));

        await app.MoveAsync("rescission", WorkflowMove.Reinstate);

        var back = await app.Browser().GetPageAsync("/glossary/rescission");
        Assert.Null(back.QuerySelector(".retired-notice"));
        Assert.Contains("/glossary/rescission", (await app.Browser().GetPageAsync("/glossary")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_change_to_a_retired_term_waits_and_publishing_it_brings_the_term_back()
    {
        await RetireAsync(app, "class-action-waiver", "forced-arbitration");
        var retiredText = (await app.Browser().GetPageAsync("/glossary/class-action-waiver")).QuerySelector(".term-definition")!.Text();

        await app.EditAsync("class-action-waiver", content => content with { Definition = "Rewritten while retired." }, publish: false);
        Assert.Equal(retiredText, (await app.Browser().GetPageAsync("/glossary/class-action-waiver")).QuerySelector(".term-definition")!.Text());

        await app.MoveAsync("class-action-waiver", WorkflowMove.Publish);
        var back = await app.Browser().GetPageAsync("/glossary/class-action-waiver");
        Assert.Equal("Rewritten while retired.", back.QuerySelector(".term-definition")!.Text());
        Assert.Null(back.QuerySelector(".retired-notice"));
        Assert.Null(await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "class-action-waiver" && term.Language == Languages.Default).Select(term => term.ReplacedById).SingleAsync()));
    }

    [Fact]
    public async Task A_renamed_then_retired_term_answers_at_its_old_address_and_cannot_be_deleted()
    {
        await app.EditAsync("tracking-pixel", content => content with { Title = "Tracking Pixels", Slug = "tracking-pixels" });
        await RetireAsync(app, "tracking-pixels", null);

        var answer = await app.Browser().GetAsync(new Uri("/glossary/tracking-pixel/v/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, answer.StatusCode);
        Assert.Equal("/glossary/tracking-pixels/v/1", answer.Headers.Location!.OriginalString);

        var id = await app.IdOfAsync("tracking-pixels");
        var version = await app.WithDbAsync(db => db.Terms.Where(term => term.Id == id).Select(term => term.Version).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<TermEditor>().DeleteAsync(id, version, VersionEditing.Editor);
        Assert.StartsWith("A retired term's address still answers", deleted.Problems.Values.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("No Such Term", "No published term is called \"No Such Term\"")]
    [InlineData("premium", "A term cannot replace itself.")]
    public async Task A_replacement_that_is_not_another_published_term_is_refused(string replacement, string problem)
    {

        var outcome = await RetireAsync(app, "premium", replacement);

        Assert.StartsWith(problem, outcome.Problems[TermEditor.ReplacementField], StringComparison.Ordinal);
        Assert.Equal(TermStatus.Published, await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "premium" && term.Language == Languages.Default).Select(term => term.Status).SingleAsync()));
    }

    [Fact]
    public async Task Only_editors_retire_terms()
    {

        var outcome = await RetireAsync(app, "premium", null, new StaffMember(null, "author@example.org", CanPublish: false));

        Assert.Equal("Only Editors and Admins can retire terms.", outcome.Problems.Values.Single());
    }
}
