using System.Globalization;
using System.Xml.Linq;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Syndication;

/// <summary><c>/sitemap.xml</c> and <c>/robots.txt</c>: every public page a crawler should find, and none it should not.</summary>
public sealed class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static async Task<XDocument> GetXmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        // Every sitemap and index the site serves is checked against the protocol's schema.
        var xml = await response.Content.ReadAsStringAsync();
        XmlSchemas.AssertValid(xml, "sitemap.xsd");
        return XDocument.Parse(xml);
    }

    /// <summary>The protocol's rules for a url set: absolute locations of at most 2,048 characters, W3C dates.</summary>
    private static List<string> CheckedLocations(XDocument urlset, int limit)
    {
        Assert.Equal(Ns + "urlset", urlset.Root!.Name);
        var urls = urlset.Root.Elements().ToList();
        Assert.InRange(urls.Count, 1, limit);
        foreach (var url in urls)
        {
            Assert.Equal(Ns + "url", url.Name);
            var loc = url.Element(Ns + "loc")!.Value;
            Assert.True(Uri.TryCreate(loc, UriKind.Absolute, out _) && loc.Length <= 2048, loc);
            if (url.Element(Ns + "lastmod") is { } lastmod)
            {
                Assert.True(DateTimeOffset.TryParseExact(lastmod.Value, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), lastmod.Value);
            }
        }
        return [.. urls.Select(url => url.Element(Ns + "loc")!.Value)];
    }

    [Fact]
    public async Task Every_published_term_and_category_is_listed_once_with_its_date_and_no_draft_is()
    {
        using var app = new GlossaryApp().With("Accounts:PublicUrl", "https://glossary.example.org");
        await app.AddTermAsync("draft-only-sitemap", "Draft only sitemap", term => term.Status = TermStatus.Draft);
        var published = await app.WithDbAsync(db => db.Terms.Where(term => term.Status == TermStatus.Published && term.Language == Languages.Default).Select(term => term.Slug).ToListAsync());
        var publishedInSpanish = await app.WithDbAsync(db => db.Terms.CountAsync(term => term.Status == TermStatus.Published && term.Language == "es"));
        var categories = await app.WithDbAsync(db => db.Categories.Select(category => category.Slug).ToListAsync());

        var locations = CheckedLocations(await GetXmlAsync(app.Browser(), "/sitemap.xml"), 50_000);

        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.All(published, slug => Assert.Contains($"https://glossary.example.org/glossary/{slug}", locations));
        Assert.All(categories, slug => Assert.Contains($"https://glossary.example.org/glossary/category/{slug}", locations));
        Assert.Contains("https://glossary.example.org/", locations);
        Assert.DoesNotContain("https://glossary.example.org/glossary/draft-only-sitemap", locations);
        // The five pages (home, A–Z, about, donate, volunteer) in English and Spanish, every category in each language it is named in.
        var translatedCategories = await app.WithDbAsync(db => db.Categories.SelectMany(category => category.Translations).CountAsync());
        Assert.Equal((5 * 2) + categories.Count + translatedCategories + published.Count + publishedInSpanish, locations.Count);
    }

    [Fact]
    public async Task Past_the_limit_per_file_the_sitemap_is_an_index_of_parts_that_list_everything_once()
    {
        using var app = new GlossaryApp().With("Sitemap:UrlsPerFile", "10");
        var client = app.Browser();
        var expected = (5 * 2) + await app.WithDbAsync(db => db.Categories.CountAsync())
            + await app.WithDbAsync(db => db.Categories.SelectMany(category => category.Translations).CountAsync())
            + await app.WithDbAsync(db => db.Terms.CountAsync(term => term.Status == TermStatus.Published));

        var index = await GetXmlAsync(client, "/sitemap.xml");

        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        var parts = index.Root.Elements(Ns + "sitemap").Select(part => new Uri(part.Element(Ns + "loc")!.Value).AbsolutePath).ToList();
        Assert.Equal((expected + 9) / 10, parts.Count);
        var all = new List<string>();
        foreach (var part in parts)
        {
            all.AddRange(CheckedLocations(await GetXmlAsync(client, part), 10));
        }
        Assert.Equal(expected, all.Count);
        Assert.Equal(expected, all.Distinct().Count());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/sitemaps/{parts.Count + 1}.xml", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("<url><loc>/glossary/premium</loc></url>")]
    [InlineData("<url><loc>https://glossary.example.org/</loc><lastmod>30/11/2026</lastmod></url>")]
    [InlineData("<url><loc>https://glossary.example.org/</loc><priority>2</priority></url>")]
    [InlineData("<url><lastmod>2026-11-30</lastmod></url>")]
    public void The_schema_the_sitemaps_are_checked_against_refuses_what_the_protocol_does(string url) =>
        Assert.NotEmpty(XmlSchemas.Problems($"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{url}</urlset>", "sitemap.xsd"));

    [Fact]
    public async Task Robots_keep_crawlers_out_of_the_back_office_and_point_at_the_sitemap()
    {
        using var app = new GlossaryApp().With("Accounts:PublicUrl", "https://glossary.example.org/");

        var robots = await app.Browser().GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        var lines = robots.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Sitemap: https://glossary.example.org/sitemap.xml", lines);
    }

    [Fact]
    public async Task A_page_in_both_languages_names_each_with_its_language_and_english_as_the_default()
    {
        using var app = new GlossaryApp().With("Accounts:PublicUrl", "https://glossary.example.org");
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";

        var urlset = await GetXmlAsync(app.Browser(), "/sitemap.xml");

        var urls = urlset.Root!.Elements(Ns + "url").ToDictionary(url => url.Element(Ns + "loc")!.Value);
        foreach (var loc in new[] { "https://glossary.example.org/glossary/deductible", "https://glossary.example.org/es/glosario/deducible" })
        {
            var alternates = urls[loc].Elements(xhtml + "link").ToDictionary(link => (string)link.Attribute("hreflang")!, link => (string)link.Attribute("href")!);
            Assert.Equal("https://glossary.example.org/glossary/deductible", alternates["en"]);
            Assert.Equal("https://glossary.example.org/es/glosario/deducible", alternates["es"]);
            Assert.Equal("https://glossary.example.org/glossary/deductible", alternates["x-default"]);
        }
        Assert.Equal("https://glossary.example.org/es", (string)urls["https://glossary.example.org/"].Elements(xhtml + "link").Single(link => (string?)link.Attribute("hreflang") == "es").Attribute("href")!);
        // A term in English only names no other language.
        Assert.Empty(urls["https://glossary.example.org/glossary/hipaa"].Elements(xhtml + "link"));
    }
}
