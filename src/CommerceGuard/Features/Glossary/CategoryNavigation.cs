using CommerceGuard.Data;
using CommerceGuard.Features.Caching;

namespace CommerceGuard.Features.Glossary;

/// <summary>One language's categories in navigation order, as the row on every page lists them.</summary>
public sealed class CategoryLinks(IReadOnlyList<CategoryLink> links, long version) : IGlossarySnapshot
{
    public long Version { get; } = version;

    public IReadOnlyList<CategoryLink> Links { get; } = links;
}

/// <summary>
/// Keeps each language's <see cref="CategoryLinks"/>: every page shows them, and reading them
/// per page was a query on every request that the page cache does not hold (search results,
/// a term page not yet cached). A category's change is in the change feed, like a term's.
/// </summary>
public sealed class CategoryNavigation(
    IServiceScopeFactory scopes,
    TermChanges changes,
    IHttpContextAccessor requests,
    ILogger<CategoryNavigation> logger) : GlossarySnapshots<CategoryLinks>(changes, requests, logger)
{
    public async ValueTask<IReadOnlyList<CategoryLink>> LinksAsync(string language, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(language, cancellationToken)).Links;

    protected override async Task<CategoryLinks> BuildAsync(string language, long version)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        return new CategoryLinks(await db.CategoryLinksAsync(language, CancellationToken.None), version);
    }
}
