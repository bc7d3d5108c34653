using System.Globalization;
using System.Xml.Linq;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Syndication;

/// <summary><c>/feed.atom</c>: the 50 terms most recently published or updated, as a valid Atom feed.</summary>
public sealed class AtomFeedTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>What RFC 4287 requires once in every entry (the summary because entries carry no content).</summary>
    private static readonly string[] EntryElements = ["id", "title", "updated", "summary"];

    private static DateTimeOffset Date(XElement element, string name) =>
        DateTimeOffset.ParseExact(element.Element(Atom + name)!.Value, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Fact]
    public async Task The_feed_carries_the_newest_published_terms_with_what_atom_requires()
    {
        await app.AddTermAsync("fresh-feed-term", "Fresh feed term", term => term.ModifiedAt = DateTime.UtcNow.AddMinutes(5));
        await app.AddTermAsync("draft-feed-term", "Draft feed term", term => (term.Status, term.ModifiedAt) = (TermStatus.Draft, DateTime.UtcNow.AddMinutes(10)));
        var published = await app.WithDbAsync(db => db.Terms.CountAsync(term => term.Status == TermStatus.Published));

        using var response = await app.Browser().GetAsync(new Uri("/feed.atom", UriKind.Relative));

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        XmlSchemas.AssertValid(xml, "atom.xsd");
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        // RFC 4287: a feed has exactly one id, title and updated, an author (here for every entry), and a self link.
        foreach (var name in new[] { "id", "title", "updated", "author" })
        {
            Assert.Single(feed.Elements(Atom + name));
        }
        Assert.Contains(feed.Elements(Atom + "link"), link => (string?)link.Attribute("rel") == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(Math.Min(50, published), entries.Count);
        Assert.All(entries, entry =>
        {
            foreach (var name in EntryElements)
            {
                Assert.Single(entry.Elements(Atom + name));
            }
            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
            Assert.Contains(entry.Elements(Atom + "link"), link => (string?)link.Attribute("rel") == "alternate");
        });
        Assert.Equal(entries.Select(entry => Date(entry, "updated")).OrderByDescending(date => date), entries.Select(entry => Date(entry, "updated")));
        Assert.Equal("Fresh feed term", entries[0].Element(Atom + "title")!.Value);
        Assert.Equal(Date(entries[0], "updated"), Date(feed, "updated"));
        Assert.DoesNotContain(entries, entry => entry.Element(Atom + "title")!.Value == "Draft feed term");
    }

    [Theory]
    [InlineData("<updated>2026-11-30T12:00:00</updated>")]
    [InlineData("<id>not an absolute address</id>")]
    [InlineData("<link rel=\"alternate\"/>")]
    [InlineData("<description>RSS, not Atom</description>")]
    public void The_schema_the_feed_is_checked_against_refuses_what_atom_does(string element) =>
        Assert.NotEmpty(XmlSchemas.Problems(
            $"<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:x</id><title>t</title><updated>2026-11-30T12:00:00Z</updated>{element}</feed>", "atom.xsd"));

    [Fact]
    public async Task Every_page_points_feed_readers_at_the_feed()
    {
        var page = await app.Browser().GetPageAsync("/glossary");

        Assert.Equal("/feed.atom", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Spanish_readers_have_a_feed_of_their_own_in_spanish()
    {
        var spanish = await app.WithDbAsync(db => db.Terms.Where(term => term.Status == TermStatus.Published && term.Language == "es").Select(term => term.Slug).ToListAsync());

        var xml = await app.Browser().GetStringAsync(new Uri("/es/feed.atom", UriKind.Relative));
        var home = await app.Browser().GetPageAsync("/es");

        XmlSchemas.AssertValid(xml, "atom.xsd");
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal("es", (string?)feed.Attribute(XNamespace.Xml + "lang"));
        Assert.StartsWith("Glosario de CommerceGuard", feed.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal("http://localhost:5080/es/feed.atom", feed.Elements(Atom + "link").Single(link => (string?)link.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = feed.Elements(Atom + "entry").Select(entry => entry.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(spanish.Select(slug => $"http://localhost:5080/es/glosario/{slug}").Order(), entries.Order());
        Assert.Equal("/es/feed.atom", home.QuerySelector("link[type='application/atom+xml']")!.GetAttribute("href"));
    }
}
