using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>One language's A–Z index: every published term under its heading, in order.</summary>
public sealed class AlphabetListing(IReadOnlyList<LetterGroup<TermLink>> groups, long version) : IGlossarySnapshot
{
    private readonly Dictionary<string, LetterGroup<TermLink>> byHeading = groups.ToDictionary(group => group.Heading, StringComparer.Ordinal);

    public long Version { get; } = version;

    /// <summary>The headings that have terms, in jump-bar order.</summary>
    public IReadOnlyList<LetterGroup<TermLink>> Groups { get; } = groups;

    public int TermCount { get; } = groups.Sum(group => group.Items.Count);

    /// <summary>The headings that have terms, for the jump bar.</summary>
    public ISet<string> Filed => byHeading.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The terms under a heading; none when no term files there.</summary>
    public IReadOnlyList<TermLink> Under(string heading) => byHeading.TryGetValue(heading, out var group) ? group.Items : [];
}

/// <summary>
/// Keeps each language's <see cref="AlphabetListing"/>, so that a letter's page at 100,000 terms
/// is a slice of a list already sorted, not a query and a sort of every title. The titles are
/// sorted here rather than in SQL because the index files "École" under E beside "ecology",
/// which neither database's collation does by default.
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
        // In slug order, so that terms of the same title keep one order from build to build (the sort is stable).
        var terms = await db.Published(language)
            .OrderBy(term => term.Slug)
            .Select(term => new TermLink(term.Slug, term.Title, language))
            .ToListAsync();
        return new AlphabetListing(AlphabetIndex.For(language).Group(terms, term => term.Title), version);
    }
}
