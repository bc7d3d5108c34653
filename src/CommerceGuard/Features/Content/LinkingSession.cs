namespace CommerceGuard.Features.Content;

/// <summary>Whether a term is linked at its first mention on the page, or in each section.</summary>
public enum AutoLinkScope
{
    Page,
    Section,
}

/// <summary>
/// The links made so far while rendering one page: a term is linked at its first mention only,
/// and never on its own page.
/// </summary>
public sealed class LinkingSession(TermLinks links, string? selfSlug = null, AutoLinkScope scope = AutoLinkScope.Page)
{
    private readonly HashSet<string> linked = new(StringComparer.Ordinal);

    public TermLinks Links { get; } = links;

    /// <summary>Takes the right to link to a term here; false when it is this page or already linked.</summary>
    public bool Claim(string slug) => slug != selfSlug && linked.Add(slug);

    /// <summary>Marks a term as linked by the author, so no automatic link repeats it.</summary>
    public void Note(string slug) => linked.Add(slug);

    /// <summary>Called as each section of the page begins.</summary>
    public void BeginSection()
    {
        if (scope == AutoLinkScope.Section)
        {
            linked.Clear();
        }
    }
}
