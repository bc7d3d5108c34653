using CommerceGuard.Features.SiteLanguages;
using System.Text.Json;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Syndication;

/// <summary>What a term page tells search engines and link previews: JSON-LD, canonical address, description, Open Graph.</summary>
public sealed class StructuredDataTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly SitePaths English = SitePaths.For(Languages.Default);

    [Fact]
    public async Task Every_starter_term_page_carries_a_defined_term_with_what_search_engines_require()
    {
        var terms = await app.WithDbAsync(db => db.Terms.Where(term => term.Status == TermStatus.Published && term.Language == Languages.Default).ToListAsync());
        var client = app.Browser();

        foreach (var term in terms)
        {
            var page = await client.GetPageAsync(English.Term(term.Slug));
            var script = page.QuerySelector("script[type='application/ld+json']");
            Assert.True(script is not null, term.Slug);
            using var json = JsonDocument.Parse(script.TextContent);
            var root = json.RootElement;
            Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
            Assert.Equal("DefinedTerm", root.GetProperty("@type").GetString());
            Assert.Equal(term.Title, root.GetProperty("name").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("description").GetString()), term.Slug);
            Assert.EndsWith(English.Term(term.Slug), root.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(root.GetProperty("dateModified").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _), term.Slug);
            var set = root.GetProperty("inDefinedTermSet");
            Assert.Equal("DefinedTermSet", set.GetProperty("@type").GetString());
            Assert.EndsWith(English.Glossary, set.GetProperty("url").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Text_that_looks_like_markup_cannot_close_the_json_ld_script()
    {
        await app.AddTermAsync("script-in-title", "Closing </script><script>alert(1)</script> tag");

        var page = await app.Browser().GetPageAsync(English.Term("script-in-title"));

        var script = page.QuerySelector("script[type='application/ld+json']")!;
        Assert.Equal("Closing </script><script>alert(1)</script> tag", JsonDocument.Parse(script.TextContent).RootElement.GetProperty("name").GetString());
        Assert.DoesNotContain(page.QuerySelectorAll("script"), element => element.TextContent.Contains("alert(1)", StringComparison.Ordinal) && element != script);
    }

    [Fact]
    public async Task A_term_page_has_its_canonical_address_its_first_sentence_as_description_and_link_preview_tags()
    {
        await app.AddTermAsync("canonical-term", "Canonical term", term => term.Definition = "The first sentence says it all. The second adds more.");

        var page = await app.Browser().GetPageAsync(English.Term("canonical-term") + "?from=newsletter");

        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
        Assert.EndsWith("/glossary/canonical-term", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("The first sentence says it all.", Meta("meta[name=description]"));
        Assert.Equal("The first sentence says it all.", Meta("meta[property='og:description']"));
        Assert.Equal("Canonical term", Meta("meta[property='og:title']"));
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), Meta("meta[property='og:url']"));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
    }

    [Fact]
    public async Task Back_office_pages_are_kept_out_of_search_engines_without_a_canonical_address()
    {
        var page = await app.Browser().GetPageAsync("/admin/sign-in");

        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
    }
}
