using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Glossary;

/// <summary>The starter glossary: what ships, and that it is loaded once.</summary>
public sealed class StarterGlossaryTests(FirstStartApp app) : IClassFixture<FirstStartApp>
{
    private static readonly List<CommerceGuard.Features.Interchange.TermRecord> All = StarterGlossary.ReadRecords();
    private static readonly List<CommerceGuard.Features.Interchange.TermRecord> Records = [.. All.Where(record => record.Language == Languages.Default)];
    private static readonly List<CommerceGuard.Features.Interchange.TermRecord> Spanish = [.. All.Where(record => record.Language == "es")];

    [Fact]
    public void At_least_fifty_terms_ship_each_with_the_seed_pages_sections()
    {
        Assert.True(Records.Count >= 50, $"{Records.Count} terms");
        Assert.All(Records, record =>
        {
            Assert.False(string.IsNullOrWhiteSpace(record.Definition));
            Assert.Equal(2, record.Examples.Count);
            Assert.False(string.IsNullOrWhiteSpace(record.Misuse));
            Assert.False(string.IsNullOrWhiteSpace(record.Benefits));
            Assert.False(string.IsNullOrWhiteSpace(record.Conclusion));
            Assert.Equal("published", record.Status);
        });
    }

    [Fact]
    public void Every_term_has_at_least_two_related_terms_and_they_all_exist()
    {
        var slugs = Records.Select(record => record.Slug).ToHashSet();

        Assert.All(Records, record =>
        {
            Assert.True(record.Related.Count >= 2, $"{record.Slug} has {record.Related.Count} related terms");
            Assert.All(record.Related, related => Assert.Contains(related, slugs));
            Assert.DoesNotContain(record.Slug, record.Related);
        });
    }

    [Fact]
    public void Slugs_are_valid_and_unique_in_their_language()
    {
        Assert.All(All, record => Assert.True(Slug.IsValid(record.Slug), record.Slug));
        Assert.Equal(All.Count, All.Select(record => (record.Language, record.Slug)).Distinct().Count());
    }

    [Fact]
    public void Spanish_versions_of_terms_in_every_category_ship_each_paired_with_its_english_original()
    {
        var english = Records.Select(record => record.Slug).ToHashSet();
        var spanish = Spanish.Select(record => record.Slug).ToHashSet();

        Assert.True(Spanish.Count >= 10, $"{Spanish.Count} Spanish terms");
        Assert.All(Spanish, record =>
        {
            Assert.Contains(record.TranslationOf, english);
            Assert.False(string.IsNullOrWhiteSpace(record.Definition));
            Assert.NotEmpty(record.Examples);
            Assert.All(record.Related, related => Assert.Contains(related, spanish));
        });
        Assert.All(StarterGlossary.ReadCategories(), category =>
        {
            Assert.Contains(category.Translations, translation => translation.Language == "es");
            Assert.Contains(Spanish, record => record.Categories.Contains(category.Slug));
        });
    }

    [Fact]
    public async Task The_spanish_versions_load_paired_with_their_originals()
    {
        var pairs = await app.WithDbAsync(db => db.Terms.Where(term => term.Language == "es")
            .Select(term => new { term.Slug, Original = db.Terms.Where(original => original.Id == term.TranslationOfId).Select(original => original.Slug).Single() })
            .ToListAsync());

        Assert.Equal(Spanish.Select(record => (record.Slug!, record.TranslationOf!)).Order(), pairs.Select(pair => (pair.Slug, pair.Original)).Order());
    }

    [Fact]
    public void Each_of_the_five_categories_has_at_least_eight_terms()
    {
        var categories = StarterGlossary.ReadCategories().Select(category => category.Slug).ToList();

        Assert.Equal(["insurance", "finance", "healthcare", "employment-law", "privacy"], categories);
        foreach (var category in categories)
        {
            var count = Records.Count(record => record.Categories.Contains(category));
            Assert.True(count >= 8, $"{category} has {count} terms");
        }
        Assert.All(Records, record => Assert.All(record.Categories, category => Assert.Contains(category, categories)));
    }

    [Fact]
    public void The_seed_term_and_its_related_terms_ship()
    {
        var seed = Assert.Single(Records, record => record.Slug == "therapeutic-relationship");

        Assert.Equal("Therapeutic Relationship", seed.Title);
        Assert.Equal(["doctor", "nurse", "counselor", "empathy"], seed.Related);
        Assert.Equal(new DateOnly(2024, 4, 30), seed.Modified);
    }

    [Fact]
    public async Task The_first_start_loads_every_starter_term_and_category()
    {
        var (terms, categories) = await app.WithDbAsync(async db =>
            (await db.Terms.CountAsync(t => t.Status == TermStatus.Published), await db.Categories.CountAsync()));

        Assert.Equal(All.Count, terms);
        Assert.Equal(5, categories);
    }

    [Fact]
    public async Task The_starter_glossary_is_loaded_once_and_not_again_after_everything_is_deleted()
    {
        using var fresh = new FirstStartApp();
        await fresh.WithDbAsync(async db =>
        {
            await db.Terms.ExecuteDeleteAsync();
            await db.Categories.ExecuteDeleteAsync();
        });

        await using var scope = fresh.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StarterGlossary>().LoadIfNewAsync();

        Assert.Equal(0, await fresh.WithDbAsync(db => db.Terms.CountAsync()));
    }
}
