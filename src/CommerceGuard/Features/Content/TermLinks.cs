namespace CommerceGuard.Features.Content;

/// <summary>
/// The published terms of one language as links see them: by slug, by name, and a matcher for
/// finding their mentions. Built once per change to the terms and shared by every request.
/// </summary>
public sealed class TermLinks : Caching.IGlossarySnapshot
{
    private readonly Dictionary<string, LinkTarget> bySlug;
    private readonly Dictionary<string, LinkTarget> byName = new(StringComparer.Ordinal);

    public TermLinks(IReadOnlyCollection<LinkTarget> targets, long version = 0)
    {
        Version = version;
        bySlug = targets.ToDictionary(target => target.Slug, StringComparer.Ordinal);
        foreach (var target in targets)
        {
            foreach (var name in target.Names)
            {
                byName.TryAdd(NameKey(name), target);
            }
        }
        Matcher = new TermMatcher(targets);
    }

    /// <summary>The <see cref="Data.TermChanges"/> version it was built from.</summary>
    public long Version { get; }

    public TermMatcher Matcher { get; }

    public int Count => bySlug.Count;

    public LinkTarget? BySlug(string slug) => bySlug.GetValueOrDefault(slug);

    /// <summary>A term by its title or an alias, as a wiki link names it; a slug works too.</summary>
    public LinkTarget? ByName(string name) =>
        byName.GetValueOrDefault(NameKey(name)) ?? bySlug.GetValueOrDefault(name.Trim().ToLowerInvariant());

    private static string NameKey(string name) => string.Join(' ', TermTokens.Keys(name));
}
