using System.Net;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Glossary;

/// <summary>
/// A glossary larger than one page of a list is shown by letter: the A–Z page lists the letters,
/// and each letter's terms are on pages of their own, none longer than the page size. The
/// starter glossary's 57 terms stand for a large one here, with pages of 10.
/// </summary>
public sealed class LetterPageTests : IDisposable
{
    private const int PageSize = 3;
    private static readonly AlphabetIndex English = AlphabetIndex.For(Languages.Default);

    private readonly GlossaryApp app = new GlossaryApp().With("Glossary:ListPageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_A_to_Z_page_of_a_large_glossary_lists_its_letters_with_their_counts_instead_of_every_term()
    {
        var byHeading = await PublishedTitlesByHeadingAsync();

        var page = await app.Browser().GetPageAsync("/glossary");

        Assert.Empty(page.QuerySelectorAll(".letter-group"));
        var letters = page.QuerySelectorAll(".letter-directory a").ToList();
        Assert.Equal(byHeading.Keys.Select(heading => SitePaths.For(Languages.Default).Letter(heading)), letters.Select(a => a.GetAttribute("href")));
        var c = letters.Single(a => a.GetAttribute("href") == "/glossary/letter/c");
        Assert.Equal($"{byHeading["C"].Count} terms", c.QuerySelector(".letter-count")!.Text());
        // The jump bar leads to the letters' pages, not to sections of this one.
        Assert.Contains("/glossary/letter/d", page.QuerySelectorAll("nav.jump-bar a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_letters_pages_together_list_exactly_its_terms_A_to_Z_at_most_a_page_size_each()
    {
        var expected = (await PublishedTitlesByHeadingAsync())["C"];
        Assert.True(expected.Count > PageSize, $"the starter glossary has only {expected.Count} terms under C");

        var first = await app.Browser().GetPageAsync("/glossary/letter/c");
        var pages = first.QuerySelectorAll(".list-pager a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["/glossary/letter/c", "/glossary/letter/c/2", "/glossary/letter/c/3"], pages);

        var listed = new List<string>();
        foreach (var url in pages)
        {
            var page = await app.Browser().GetPageAsync(url);
            var titles = page.QuerySelectorAll(".term-list a").Select(a => a.Text()).ToList();
            Assert.InRange(titles.Count, 1, PageSize);
            listed.AddRange(titles);
        }
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task Each_page_is_named_by_its_first_and_last_titles_and_the_current_one_is_marked()
    {
        var expected = (await PublishedTitlesByHeadingAsync())["C"];

        var page = await app.Browser().GetPageAsync("/glossary/letter/c/2");

        var links = page.QuerySelectorAll(".list-pager a").ToList();
        Assert.Equal($"Page 1: {expected[0]} – {expected[PageSize - 1]}", Words(links[0].Text()));
        Assert.Equal("page", links[1].GetAttribute("aria-current"));
        Assert.Null(links[0].GetAttribute("aria-current"));
        Assert.Equal("true", page.QuerySelector("nav.jump-bar a[href='/glossary/letter/c']")!.GetAttribute("aria-current"));
        Assert.Equal("Terms starting with C (page 2 of 3) – CommerceGuard", page.Title);
    }

    [Fact]
    public async Task A_letters_first_page_leads_on_to_the_next_from_the_foot_of_the_list()
    {
        var page = await app.Browser().GetPageAsync("/glossary/letter/c");

        Assert.Equal("/glossary/letter/c/2", page.QuerySelector(".next-list-page a")!.GetAttribute("href"));
        var last = await app.Browser().GetPageAsync("/glossary/letter/c/3");
        Assert.Null(last.QuerySelector(".next-list-page"));
    }

    [Theory]
    [InlineData("/glossary/letter/C", "/glossary/letter/c")]
    [InlineData("/glossary/letter/c/1", "/glossary/letter/c")]
    [InlineData("/glossary/letter/C/2", "/glossary/letter/c/2")]
    public async Task Each_page_has_one_address_and_the_others_lead_to_it(string asked, string address)
    {
        using var response = await app.Browser().GetAsync(new Uri(asked, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(address, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/glossary/letter/cc")]
    [InlineData("/glossary/letter/%C3%B1")]
    [InlineData("/glossary/letter/c/4")]
    [InlineData("/glossary/letter/c/0")]
    public async Task A_letter_the_alphabet_lacks_or_a_page_past_the_last_is_not_found(string url) =>
        await app.Browser().GetPageAsync(url, HttpStatusCode.NotFound);

    [Fact]
    public async Task A_letter_without_terms_says_so()
    {
        // The starter glossary has no term under Q.
        var page = await app.Browser().GetPageAsync("/glossary/letter/q");

        Assert.Equal("No terms start with this letter yet.", page.QuerySelector("main p")!.Text());
        Assert.Empty(page.QuerySelectorAll(".term-list"));
    }

    [Fact]
    public async Task Titles_starting_with_a_digit_have_a_page_at_0_9()
    {
        var page = await app.Browser().GetPageAsync("/glossary/letter/0-9");

        Assert.Equal("Terms starting with a number or symbol", page.QuerySelector("h1")!.Text());
        Assert.Contains("401(k) Plan", page.QuerySelectorAll(".term-list a").Select(a => a.Text()));
    }

    [Fact]
    public async Task A_term_published_a_moment_ago_is_on_its_letters_page()
    {
        await app.Browser().GetPageAsync("/glossary/letter/x");

        await app.AddTermAsync("xenial-clause", "Xenial Clause");

        var page = await app.Browser().GetPageAsync("/glossary/letter/x");
        Assert.Contains("Xenial Clause", page.QuerySelectorAll(".term-list a").Select(a => a.Text()));
    }

    [Fact]
    public async Task The_Spanish_glossary_has_a_page_for_its_own_letter_N_with_tilde()
    {
        await app.AddTermAsync("nandu-financiero", "Ñandú financiero", term => term.Language = "es");

        var index = await app.Browser().GetPageAsync("/es/glosario");
        var hrefs = index.QuerySelectorAll("nav.jump-bar a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/es/glosario/letra/%C3%B1", hrefs);

        var page = await app.Browser().GetPageAsync("/es/glosario/letra/%C3%B1");

        Assert.Equal("Términos que empiezan por Ñ", page.QuerySelector("h1")!.Text());
        Assert.All(page.QuerySelectorAll(".term-list a").Select(a => a.Text()),
            title => Assert.Equal("Ñ", AlphabetIndex.For("es").HeadingFor(title)));
    }

    [Fact]
    public async Task A_large_category_is_paged_and_its_pages_together_list_exactly_its_terms()
    {
        var expected = await app.WithDbAsync(db => db.Terms
            .Where(t => t.Status == TermStatus.Published && t.Language == Languages.Default && t.Categories.Any(c => c.Slug == "insurance"))
            .Select(t => t.Title).ToListAsync());
        Assert.True(expected.Count > PageSize, $"Insurance has only {expected.Count} terms");

        var first = await app.Browser().GetPageAsync("/glossary/category/insurance");
        var pages = first.QuerySelectorAll(".list-pager a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal((expected.Count + PageSize - 1) / PageSize, pages.Count);
        Assert.Equal("/glossary/category/insurance/2", pages[1]);

        var listed = new List<string>();
        foreach (var url in pages)
        {
            listed.AddRange((await app.Browser().GetPageAsync(url)).QuerySelectorAll(".term-list a").Select(a => a.Text()));
        }
        Assert.Equal(expected.Order(English.TitleOrder), listed);
        await app.Browser().GetPageAsync($"/glossary/category/insurance/{pages.Count + 1}", HttpStatusCode.NotFound);
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<Dictionary<string, List<string>>> PublishedTitlesByHeadingAsync() =>
        app.WithDbAsync(async db =>
        {
            var titles = await db.Terms
                .Where(t => t.Status == TermStatus.Published && t.Language == Languages.Default)
                .Select(t => t.Title).ToListAsync();
            return English.Group(titles, title => title).ToDictionary(group => group.Heading, group => group.Items.ToList());
        });
}
