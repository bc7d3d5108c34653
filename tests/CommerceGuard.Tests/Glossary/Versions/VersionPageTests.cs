using System.Net;
using CommerceGuard.Features.Glossary.Editing;

namespace CommerceGuard.Tests.Glossary.Versions;

/// <summary>
/// Every published version of a term keeps its own address, showing what readers saw then,
/// whatever happens to the term later; the term page's history lists them and compares any two.
/// The tests share one site, each editing a term of its own.
/// </summary>
public sealed class VersionPageTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Fact]
    public async Task A_version_keeps_its_text_at_its_address_after_later_edits()
    {
        var first = (await app.Browser().GetPageAsync("/glossary/premium")).QuerySelector(".term-definition")!.Text();

        await app.EditAsync("premium", content => content with { Definition = "The second text of the premium." }, "Plainer definition");
        await app.EditAsync("premium", content => content with { Definition = "The third text of the premium." });

        var browser = app.Browser();
        var one = await browser.GetPageAsync("/glossary/premium/v/1");
        Assert.Equal(first, one.QuerySelector(".term-definition")!.Text());
        Assert.Contains("This is version 1 of this term", one.QuerySelector(".version-notice")!.Text(), StringComparison.Ordinal);
        Assert.Contains("The current version is version 3.", one.QuerySelector(".version-notice")!.Text(), StringComparison.Ordinal);
        Assert.Equal("/glossary/premium", one.QuerySelector(".version-notice a")!.GetAttribute("href"));
        Assert.Equal("noindex", one.QuerySelector("meta[name=robots]")?.GetAttribute("content")?.Split(',')[0]);
        Assert.Equal("The second text of the premium.", (await browser.GetPageAsync("/glossary/premium/v/2")).QuerySelector(".term-definition")!.Text());
        var three = await browser.GetPageAsync("/glossary/premium/v/3");
        Assert.Contains("the one readers see now", three.QuerySelector(".version-notice")!.Text(), StringComparison.Ordinal);
        await browser.GetPageAsync("/glossary/premium/v/4", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_saved_change_readers_do_not_see_yet_is_not_a_version()
    {

        await app.EditAsync("deductible", content => content with { Definition = "A draft nobody reads yet." }, publish: false);

        var page = await app.Browser().GetPageAsync("/glossary/deductible");
        Assert.Equal("(version 1)", page.QuerySelector(".term-history-link")!.Text().Split(' ', 5)[^1]);
        await app.Browser().GetPageAsync("/glossary/deductible/v/2", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_again_what_readers_last_saw_is_not_a_new_version()
    {

        await app.MoveAsync("coinsurance", WorkflowMove.Unpublish);
        await app.Browser().GetPageAsync("/glossary/coinsurance/v/1", HttpStatusCode.NotFound);
        await app.MoveAsync("coinsurance", WorkflowMove.Publish);

        var history = await app.Browser().GetPageAsync("/glossary/coinsurance/history");
        Assert.Single(history.QuerySelectorAll(".version-list > li"));
    }

    [Fact]
    public async Task History_lists_versions_newest_first_with_dates_and_reasons_and_links()
    {
        await app.EditAsync("payday-loan", content => content with { Misuse = "Rolled over again and again." }, "Added how rollovers trap borrowers");

        var history = await app.Browser().GetPageAsync("/glossary/payday-loan/history");

        var items = history.QuerySelectorAll(".version-list > li");
        Assert.Equal(2, items.Length);
        Assert.Contains("Version 2", items[0].Text(), StringComparison.Ordinal);
        Assert.Contains("current", items[0].QuerySelector(".badge")!.Text(), StringComparison.Ordinal);
        Assert.EndsWith("Added how rollovers trap borrowers What changed Version 2", Squeezed(items[0].Text()), StringComparison.Ordinal);
        Assert.Equal("/glossary/payday-loan/changes?from=1&to=2", items[0].QuerySelectorAll("a")[1].GetAttribute("href"));
        Assert.Contains("First published", items[1].Text(), StringComparison.Ordinal);
        Assert.Equal("/glossary/payday-loan/v/1", items[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(items[1].QuerySelector("time[datetime]"));
    }

    [Fact]
    public async Task Changes_between_two_versions_mark_words_taken_out_and_added_in_what_readers_see_only()
    {
        await app.EditAsync("junk-fee", content => content with { Conclusion = "Ask for the full price first.", EditorNote = "A private note." });

        var page = await app.Browser().GetPageAsync("/glossary/junk-fee/changes?from=2&to=1");

        var fields = page.QuerySelectorAll(".compare-field");
        var field = Assert.Single(fields);
        Assert.Equal("Conclusion", field.QuerySelector("h2")!.Text());
        var (older, newer) = (field.QuerySelectorAll(".diff-text")[0], field.QuerySelectorAll(".diff-text")[1]);
        Assert.Equal("Ask for the full price first.", newer.Text());
        Assert.NotEmpty(newer.QuerySelectorAll("ins"));
        Assert.NotEmpty(older.QuerySelectorAll("del"));
        Assert.Empty(older.QuerySelectorAll("ins"));
        Assert.DoesNotContain("A private note.", page.DocumentElement.TextContent, StringComparison.Ordinal);
        await app.Browser().GetPageAsync("/glossary/junk-fee/changes?from=1&to=9", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_renamed_term_sends_its_old_version_addresses_to_the_new_ones()
    {
        await app.EditAsync("drip-pricing", content => content with { Title = "Drip Pricing Tactics", Slug = "drip-pricing-tactics" });

        var answer = await app.Browser().GetAsync(new Uri("/glossary/drip-pricing/v/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, answer.StatusCode);
        Assert.Equal("/glossary/drip-pricing-tactics/v/1", answer.Headers.Location!.OriginalString);
        var one = await app.Browser().GetPageAsync("/glossary/drip-pricing-tactics/v/1");
        Assert.Equal("Drip Pricing", one.QuerySelector("h1")!.Text());
    }

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
