using System.Net;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Glossary;

public sealed class CategoryPageTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Theory]
    [InlineData("insurance", "Insurance")]
    [InlineData("finance", "Finance")]
    [InlineData("healthcare", "Healthcare")]
    [InlineData("employment-law", "Employment Law")]
    [InlineData("privacy", "Privacy")]
    public async Task A_category_shows_its_description_and_exactly_its_published_terms_A_to_Z(string slug, string name)
    {
        var (description, titles) = await app.WithDbAsync(async db =>
        {
            var category = await db.Categories.SingleAsync(c => c.Slug == slug);
            var titles = await db.Terms
                .Where(t => t.Status == TermStatus.Published && t.Language == Languages.Default && t.Categories.Any(c => c.Slug == slug))
                .Select(t => t.Title).ToListAsync();
            return (category.Description, titles);
        });

        var page = await app.Browser().GetPageAsync($"/glossary/category/{slug}");

        Assert.Equal(name, page.QuerySelector("h1")!.Text());
        Assert.Equal(description, page.QuerySelector("main .lead")!.Text());
        var listed = page.QuerySelectorAll(".term-list a").Select(a => a.Text()).ToList();
        Assert.Equal(titles.Order(AlphabetIndex.For(Languages.Default).TitleOrder), listed);
        Assert.True(listed.Count >= 8, $"{name} lists only {listed.Count} terms");
    }

    [Fact]
    public async Task A_term_in_two_categories_is_listed_in_both()
    {
        var insurance = await app.Browser().GetPageAsync("/glossary/category/insurance");
        var healthcare = await app.Browser().GetPageAsync("/glossary/category/healthcare");

        Assert.Contains("Balance Billing", insurance.QuerySelectorAll(".term-list a").Select(a => a.Text()));
        Assert.Contains("Balance Billing", healthcare.QuerySelectorAll(".term-list a").Select(a => a.Text()));
    }

    [Fact]
    public async Task A_draft_is_not_listed_in_its_category()
    {
        await app.WithDbAsync(async db =>
        {
            var privacy = await db.Categories.SingleAsync(c => c.Slug == "privacy");
            db.Terms.Add(new Term
            {
                Slug = "draft-in-privacy", Title = "Draft In Privacy", Definition = "Not ready.",
                Status = TermStatus.Draft, Categories = [privacy],
            });
            await db.SaveChangesAsync();
        });

        var page = await app.Browser().GetPageAsync("/glossary/category/privacy");

        Assert.DoesNotContain("Draft In Privacy", page.QuerySelectorAll(".term-list a").Select(a => a.Text()));
    }

    [Fact]
    public async Task A_term_moved_from_one_category_to_another_leaves_the_one_list_and_joins_the_other_at_once()
    {
        await app.AddTermAsync("wandering-rider", "Wandering Rider");
        await MoveAsync("finance");
        Assert.Contains("Wandering Rider", await ListedAsync("finance"));
        Assert.DoesNotContain("Wandering Rider", await ListedAsync("privacy"));

        await MoveAsync("privacy");

        Assert.DoesNotContain("Wandering Rider", await ListedAsync("finance"));
        Assert.Contains("Wandering Rider", await ListedAsync("privacy"));

        // Only the term's category links change: its own row is untouched.
        Task MoveAsync(string category) => app.WithDbAsync(async db =>
        {
            var term = await db.Terms.Include(t => t.Categories).SingleAsync(t => t.Slug == "wandering-rider");
            term.Categories.Clear();
            term.Categories.Add(await db.Categories.SingleAsync(c => c.Slug == category));
            await db.SaveChangesAsync();
        });
    }

    private async Task<List<string>> ListedAsync(string category) =>
        [.. (await app.Browser().GetPageAsync($"/glossary/category/{category}")).QuerySelectorAll(".term-list a").Select(a => a.Text())];

    [Fact]
    public async Task Unknown_category_answers_the_not_found_page()
    {
        var page = await app.Browser().GetPageAsync("/glossary/category/astrology", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.Text());
    }
}
