using CommerceGuard.Features.SiteLanguages;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Glossary;

public sealed class IndexPageTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly SitePaths English = SitePaths.For(Languages.Default);

    [Fact]
    public async Task Lists_every_published_term_and_no_draft()
    {
        await app.AddTermAsync("hidden-draft", "Hidden Draft", term => term.Status = TermStatus.Draft);
        var published = await app.WithDbAsync(db =>
            db.Terms.Where(t => t.Status == TermStatus.Published && t.Language == Languages.Default).Select(t => t.Slug).ToListAsync());

        var page = await app.Browser().GetPageAsync("/glossary");

        var listed = page.QuerySelectorAll(".letter-group a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(published.Select(English.Term).Order(), listed.Order());
        Assert.DoesNotContain("/glossary/hidden-draft", listed);
    }

    [Fact]
    public async Task Groups_terms_under_their_first_letter_in_order()
    {
        var page = await app.Browser().GetPageAsync("/glossary");

        foreach (var group in page.QuerySelectorAll(".letter-group"))
        {
            // The heading's first word is the letter; "#" adds words for screen readers.
            var heading = group.QuerySelector("h2")!.Text().Split(' ')[0];
            var titles = group.QuerySelectorAll("li").Select(li => li.Text()).ToList();
            Assert.All(titles, title => Assert.Equal(heading, AlphabetIndex.For(Languages.Default).HeadingFor(title)));
            Assert.Equal(titles.Order(AlphabetIndex.For(Languages.Default).TitleOrder), titles);
        }
    }

    [Fact]
    public async Task Titles_starting_with_a_digit_file_under_the_hash_group_first()
    {
        var page = await app.Browser().GetPageAsync("/glossary");

        var first = page.QuerySelector(".letter-group")!;
        Assert.Equal("# Numbers and symbols", first.QuerySelector("h2")!.Text());
        Assert.Contains("401(k) Plan", first.QuerySelectorAll("li").Select(li => li.Text()));
    }

    [Fact]
    public async Task Jump_bar_shows_every_letter_and_links_only_those_with_terms()
    {
        var page = await app.Browser().GetPageAsync("/glossary");

        var bar = page.QuerySelector("nav.jump-bar")!;
        Assert.Equal(AlphabetIndex.For(Languages.Default).Headings, bar.QuerySelectorAll("li > a, li > span").Select(e => e.FirstChild!.TextContent.Trim()));
        var groupIds = page.QuerySelectorAll(".letter-group h2").Select(h2 => "#" + h2.Id).ToList();
        Assert.Equal(groupIds, bar.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        // The starter glossary has no term under Q, so Q is shown but not a link.
        Assert.Contains("Q – no terms yet", bar.QuerySelectorAll("li > span").Select(span => span.Text()));
    }

    [Fact]
    public async Task Sorting_ignores_case_and_accents()
    {
        await app.AddTermAsync("ecole-fee", "École Fee");
        await app.AddTermAsync("eardrum", "eardrum");

        var page = await app.Browser().GetPageAsync("/glossary");

        var e = page.QuerySelector("#letter-E")!.ParentElement!;
        var titles = e.QuerySelectorAll("li").Select(li => li.Text()).ToList();
        Assert.True(titles.IndexOf("eardrum") < titles.IndexOf("École Fee"), string.Join(", ", titles));
        Assert.True(titles.IndexOf("École Fee") < titles.IndexOf("Empathy"), string.Join(", ", titles));
    }
}
