using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Content;

/// <summary>Automatic links as readers meet them on term pages.</summary>
public sealed class TermPageLinkingTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Fact]
    public async Task Starter_terms_link_to_the_other_starter_terms_they_mention()
    {
        var page = await app.Browser().GetPageAsync("/glossary/therapeutic-relationship");

        var links = page.QuerySelectorAll("article a.term-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/glossary/doctor", links);
        Assert.Contains("/glossary/nurse", links);
        Assert.Contains("/glossary/counselor", links);
        Assert.Equal(links.Distinct().Count(), links.Count);
        Assert.All(page.QuerySelectorAll("article a.term-link"), a => Assert.False(string.IsNullOrWhiteSpace(a.GetAttribute("data-summary"))));
    }

    [Fact]
    public async Task Most_starter_terms_link_to_another_term_and_every_link_resolves()
    {
        var client = app.Browser();
        var slugs = await app.WithDbAsync(db => db.Terms.Where(t => t.Status == TermStatus.Published && t.Language == Languages.Default).Select(t => t.Slug).ToListAsync());
        var linking = 0;
        var targets = new HashSet<string>();
        foreach (var slug in slugs)
        {
            var page = await client.GetPageAsync($"/glossary/{slug}");
            var hrefs = page.QuerySelectorAll("article a.term-link").Select(a => a.GetAttribute("href")!).ToList();
            Assert.DoesNotContain($"/glossary/{slug}", hrefs);
            linking += hrefs.Count > 0 ? 1 : 0;
            targets.UnionWith(hrefs);
        }
        Assert.True(linking >= slugs.Count * 3 / 4, $"only {linking} of {slugs.Count} terms link to another");
        foreach (var target in targets)
        {
            await client.GetPageAsync(target);
        }
    }

    [Fact]
    public async Task A_new_term_is_linked_from_existing_pages_without_a_restart()
    {
        var before = await app.Browser().GetPageAsync("/glossary/doctor");
        Assert.DoesNotContain("/glossary/medical-school", before.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        await app.AddTermAsync("medical-school", "Medical School");

        // The links are rebuilt in the background; a reader may get the old page for a moment.
        var linked = false;
        for (var attempt = 0; attempt < 50 && !linked; attempt++)
        {
            var after = await app.Browser().GetPageAsync("/glossary/doctor");
            linked = after.QuerySelectorAll("a.term-link").Any(a => a.GetAttribute("href") == "/glossary/medical-school");
            if (!linked)
            {
                await Task.Delay(100);
            }
        }
        Assert.True(linked, "the new term was never linked");
    }

    [Fact]
    public async Task The_same_term_renders_the_same_html_every_time()
    {
        var first = await app.Browser().GetStringAsync(new Uri("/glossary/balance-billing", UriKind.Relative));
        var second = await app.Browser().GetStringAsync(new Uri("/glossary/balance-billing", UriKind.Relative));

        Assert.Equal(first, second);
    }
}
