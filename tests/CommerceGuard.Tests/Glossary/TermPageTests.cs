using System.Net;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Glossary;

public sealed class TermPageTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    public static TheoryData<string> StarterSlugs() => [.. StarterGlossary.ReadRecords().Where(record => record.Language == Languages.Default).Select(record => record.Slug!)];

    [Theory]
    [MemberData(nameof(StarterSlugs))]
    public async Task Every_starter_term_page_shows_its_sections_in_the_seed_pages_order(string slug)
    {
        var page = await app.Browser().GetPageAsync($"/glossary/{slug}");
        var term = await app.WithDbAsync(db => db.Terms.Include(t => t.Categories).SingleAsync(t => t.Slug == slug && t.Language == Languages.Default));

        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(term.Title, h1.Text());
        Assert.Equal("term-definition", h1.NextElementSibling!.ClassName);
        Assert.False(string.IsNullOrWhiteSpace(h1.NextElementSibling.Text()));

        var expected = term.Examples.Select((_, i) => $"Example #{i + 1}")
            .Concat(["Misuse", "Benefits", "Conclusion", "Related Terms", "Categories"])
            .Concat(term.Sources.Count > 0 ? ["Sources"] : []);
        var article = page.QuerySelector("article.term")!;
        Assert.Equal(expected, article.QuerySelectorAll("h2").Select(h2 => h2.Text()));

        var modified = article.QuerySelector(".term-modified")!;
        Assert.Same(article.LastElementChild, modified);
        Assert.StartsWith("Last Modified:", modified.Text());
        Assert.Equal("Was this helpful?", page.QuerySelector("#feedback h2")!.Text());
        Assert.Equal(["Yes", "No"], page.QuerySelectorAll("#feedback .feedback-vote button").Select(b => b.Text()));
        Assert.Equal(term.Categories.Select(c => c.Name).Order(), article.QuerySelectorAll(".term-categories a").Select(a => a.Text()).Order());
    }

    [Fact]
    public async Task Last_modified_reads_month_day_year_inside_a_machine_readable_time()
    {
        var page = await app.Browser().GetPageAsync("/glossary/therapeutic-relationship");

        var time = page.QuerySelector(".term-modified time")!;
        Assert.Equal("4/30/2024", time.Text());
        Assert.Equal("2024-04-30", time.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Therapeutic_relationship_links_to_doctor_nurse_counselor_and_empathy()
    {
        var page = await app.Browser().GetPageAsync("/glossary/therapeutic-relationship");

        var links = page.QuerySelectorAll(".term-related a").Select(a => (a.Text(), a.GetAttribute("href")));
        Assert.Equal(
            [("Doctor", "/glossary/doctor"), ("Nurse", "/glossary/nurse"), ("Counselor", "/glossary/counselor"), ("Empathy", "/glossary/empathy")],
            links);
    }

    [Fact]
    public async Task Every_related_link_on_every_term_page_resolves()
    {
        var client = app.Browser();
        var slugs = await app.WithDbAsync(db => db.Terms.Where(t => t.Status == TermStatus.Published && t.Language == Languages.Default).Select(t => t.Slug).ToListAsync());
        var checkedLinks = 0;
        foreach (var slug in slugs)
        {
            var page = await client.GetPageAsync($"/glossary/{slug}");
            foreach (var link in page.QuerySelectorAll(".term-related a, .term-categories a"))
            {
                await client.GetPageAsync(link.GetAttribute("href")!);
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks >= slugs.Count * 2, $"only {checkedLinks} links were checked");
    }

    [Fact]
    public async Task Sources_are_numbered_references_and_each_part_names_the_ones_that_support_it()
    {
        await app.AddTermAsync("sourced-term", "Sourced Term", term =>
        {
            term.Examples = ["One example."];
            term.Misuse = "Misused.";
            term.Sources =
            [
                new TermSource
                {
                    Title = "Fair Debt Collection Practices Act", Kind = SourceKind.Statute, Citation = "15 U.S.C. § 1692",
                    Address = "https://example.gov/fdcpa", Publisher = "Congress", Published = new DateOnly(1977, 9, 20), Supports = SourceSections.Misuse,
                },
                new TermSource { Title = "A survey", Kind = SourceKind.Study, Supports = SourceSections.Definition },
                new TermSource { Title = "An overview" },
                new TermSource { Title = "A court's view", Kind = SourceKind.CourtDecision, Supports = SourceSections.Misuse },
            ];
        });

        var article = (await app.Browser().GetPageAsync("/glossary/sourced-term")).QuerySelector("article.term")!;

        var references = article.QuerySelectorAll(".source-list > li");
        Assert.Equal(["source-1", "source-2", "source-3", "source-4"], references.Select(item => item.Id));
        Assert.Equal("Statute Fair Debt Collection Practices Act, 15 U.S.C. § 1692. Congress, 9/20/1977. Supports: Misuse.", Squeezed(references[0].Text()));
        Assert.Equal("https://example.gov/fdcpa", references[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1977-09-20", references[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("An overview.", Squeezed(references[2].Text()));
        // The definition names the survey; Misuse names the statute and the court, in their order.
        Assert.Equal(["#source-2"], article.QuerySelector(".term-definition + .source-references")!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var misuse = article.QuerySelectorAll("section.term-section").Single(section => section.QuerySelector("h2")!.Text() == "Misuse");
        Assert.Equal("Sources: [1], [4]", Squeezed(misuse.QuerySelector(".source-references")!.Text()));
        Assert.Equal("Source 1", misuse.QuerySelector(".source-references a")!.GetAttribute("aria-label"));
        Assert.Null(article.QuerySelector(".term-example .source-references"));
    }

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task A_section_the_term_lacks_is_left_out_heading_and_all()
    {
        await app.AddTermAsync("sparse-term", "Sparse Term", term =>
        {
            term.Examples = ["Only one example."];
            term.Benefits = "It has benefits.";
        });

        var page = await app.Browser().GetPageAsync("/glossary/sparse-term");

        Assert.Equal(["Example #1", "Benefits"], page.QuerySelectorAll("article h2").Select(h2 => h2.Text()));
    }

    [Fact]
    public async Task A_related_term_not_written_yet_shows_as_plain_text_not_a_link()
    {
        await app.AddTermAsync("has-missing-relative", "Has Missing Relative",
            term => term.RelatedSlugs = ["doctor", "health-savings-account"]);

        var page = await app.Browser().GetPageAsync("/glossary/has-missing-relative");

        var items = page.QuerySelectorAll(".term-related li").ToList();
        Assert.Equal("/glossary/doctor", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(items[1].QuerySelector("a"));
        Assert.Equal("Health savings account (not written yet)", items[1].Text());
    }

    [Fact]
    public async Task A_related_term_whose_slug_changed_is_linked_at_its_new_address_under_its_new_title()
    {
        await app.AddTermAsync("renamed-relative", "Renamed Relative");
        await app.WithDbAsync(async db =>
        {
            var relative = await db.Terms.SingleAsync(t => t.Slug == "renamed-relative");
            db.TermRedirects.Add(new TermRedirect { Language = Languages.Default, Slug = "former-relative", TermId = relative.Id });
            await db.SaveChangesAsync();
        });
        await app.AddTermAsync("has-renamed-relative", "Has Renamed Relative", term => term.RelatedSlugs = ["former-relative"]);

        var page = await app.Browser().GetPageAsync("/glossary/has-renamed-relative");

        var link = page.QuerySelector(".term-related li a")!;
        Assert.Equal(("/glossary/renamed-relative", "Renamed Relative"), (link.GetAttribute("href"), link.Text()));
    }

    [Fact]
    public async Task Unknown_slug_answers_the_not_found_page()
    {
        var page = await app.Browser().GetPageAsync("/glossary/no-such-term", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("nav.category-nav a[href='/glossary/category/insurance']"));
    }

    [Fact]
    public async Task A_draft_is_not_shown_to_readers()
    {
        await app.AddTermAsync("unfinished-draft", "Unfinished Draft", term => term.Status = TermStatus.Draft);

        await app.Browser().GetPageAsync("/glossary/unfinished-draft", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_slug_typed_in_capitals_redirects_to_the_lower_case_address()
    {
        using var response = await app.Browser().GetAsync(new Uri("/glossary/Doctor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/glossary/doctor", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/glossary/%C3%89clair")]
    [InlineData("/glossary/A%0D%0ALocation:%20x")]
    [InlineData("/glossary/A%20b")]
    public async Task An_address_that_could_never_be_a_slug_answers_404_not_a_redirect(string url)
    {
        using var response = await app.Browser().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Markdown_in_a_term_renders_as_safe_html()
    {
        await app.AddTermAsync("hostile-term", "Hostile Term",
            term => term.Definition = "Some **bold** text.<script>alert(1)</script> [click](javascript:alert(2))");

        var page = await app.Browser().GetPageAsync("/glossary/hostile-term");

        var definition = page.QuerySelector(".term-definition")!;
        Assert.Equal("bold", definition.QuerySelector("strong")!.Text());
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.DoesNotContain("javascript:", definition.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }
}
