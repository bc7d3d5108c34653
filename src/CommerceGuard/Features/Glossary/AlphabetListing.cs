using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>
/// One language's published terms A–Z, as the lists show them: under the A–Z index's headings,
/// and by category.
/// </summary>
public sealed class AlphabetListing : IGlossarySnapshot
{
    private readonly Dictionary<string, LetterGroup<TermLink>> byHeading;
    private readonly Dictionary<int, List<TermLink>> byCategory;

    /// <param name="language">The language whose alphabet heads the groups.</param>
    /// <param name="terms">Every published term, A–Z.</param>
    /// <param name="categories">Each term's categories, by slug.</param>
    /// <param name="version">The change the terms were read at.</param>
    public AlphabetListing(string language, IReadOnlyList<TermLink> terms, ILookup<string, int> categories, long version)
    {
        Version = version;
        Groups = AlphabetIndex.For(language).Group(terms, term => term.Title);
        byHeading = Groups.ToDictionary(group => group.Heading, StringComparer.Ordinal);
        byCategory = [];
        foreach (var term in terms)
        {
            foreach (var category in categories[term.Slug])
            {
                (byCategory.TryGetValue(category, out var listed) ? listed : byCategory[category] = []).Add(term);
            }
        }
        TermCount = terms.Count;
    }

    public long Version { get; }

    /// <summary>The headings that have terms, in jump-bar order.</summary>
    public IReadOnlyList<LetterGroup<TermLink>> Groups { get; }

    public int TermCount { get; }

    /// <summary>The headings that have terms, for the jump bar.</summary>
    public ISet<string> Filed => byHeading.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The terms under a heading; none when no term files there.</summary>
    public IReadOnlyList<TermLink> Under(string heading) => byHeading.TryGetValue(heading, out var group) ? group.Items : [];

    /// <summary>The terms in a category, A–Z; none when it has none.</summary>
    public IReadOnlyList<TermLink> InCategory(int categoryId) => byCategory.TryGetValue(categoryId, out var terms) ? terms : [];
}

/// <summary>
/// Keeps each language's <see cref="AlphabetListing"/>, so that a letter's or a category's page
/// at 100,000 terms is a slice of a list already sorted, not a query and a sort of thousands of
/// titles on each request.
/// </summary>
public sealed class AlphabetListings(
    IServiceScopeFactory scopes,
    TermChanges changes,
    IHttpContextAccessor requests,
    ILogger<AlphabetListings> logger) : GlossarySnapshots<AlphabetListing>(changes, requests, logger)
{
    public ValueTask<AlphabetListing> ListingAsync(string language, CancellationToken cancellationToken = default) =>
        SnapshotAsync(language, cancellationToken);

    protected override async Task<AlphabetListing> BuildAsync(string language, long version)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        var terms = await db.Published(language).AlphabeticalAsync(language, CancellationToken.None);
        var categories = await db.Published(language)
            .SelectMany(term => term.Categories, (term, category) => new { term.Slug, CategoryId = category.Id })
            .ToListAsync();
        return new AlphabetListing(language, terms, categories.ToLookup(pair => pair.Slug, pair => pair.CategoryId, StringComparer.Ordinal), version);
    }
}
