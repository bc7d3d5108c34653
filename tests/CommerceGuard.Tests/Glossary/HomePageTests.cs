using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Glossary;

public sealed class HomePageTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Fact]
    public async Task Home_states_the_mission_and_links_to_about_donate_and_volunteer()
    {
        var page = await app.Browser().GetPageAsync("/");

        var hero = page.QuerySelector(".hero")!;
        Assert.Contains("CommerceGuard explains", hero.QuerySelector(".lead")!.Text());
        var links = hero.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/about", links);
        Assert.Contains("/donate", links);
        Assert.Contains("/volunteer", links);
    }

    [Fact]
    public async Task Home_lists_the_categories_in_display_order()
    {
        var page = await app.Browser().GetPageAsync("/");

        Assert.Equal(
            ["Insurance", "Finance", "Healthcare", "Employment Law", "Privacy"],
            page.QuerySelectorAll(".card-grid h3 a").Select(a => a.Text()));
    }

    [Fact]
    public async Task Home_lists_the_ten_most_recently_modified_published_terms_newest_first()
    {
        var newest = await app.WithDbAsync(db => db.Terms
            .Where(t => t.Status == TermStatus.Published)
            .OrderByDescending(t => t.ModifiedAt).ThenBy(t => t.Title)
            .Select(t => t.Title).Take(10).ToListAsync());

        var page = await app.Browser().GetPageAsync("/");

        Assert.Equal(newest, page.QuerySelectorAll(".recent-list a").Select(a => a.Text()));
    }
}
