namespace CommerceGuard.Features.Content;

/// <summary>Whether a term is linked at its first mention on the page, or in each section.</summary>
public enum AutoLinkScope
{
    Page,
    Section,
}

/// <summary>
/// The links made so far while rendering one page: a term is linked at its first mention only,
/// and never on its own page. It also keeps what the page linked to and what it named in vain,
/// for <see cref="LinkCheck"/>.
/// </summary>
public sealed class LinkingSession(TermLinks links, string? selfSlug = null, AutoLinkScope scope = AutoLinkScope.Page)
{
    private readonly HashSet<string> linkedHere = new(StringComparer.Ordinal);
    private readonly HashSet<string> linked = new(StringComparer.Ordinal);
    private readonly List<string> missing = [];

    public TermLinks Links { get; } = links;

    /// <summary>Every term the page links to, by hand or automatically.</summary>
    public IReadOnlyCollection<string> Linked => linked;

    /// <summary>The names and slugs the page links to that no published term has.</summary>
    public IReadOnlyList<string> Missing => missing;

    /// <summary>Takes the right to link to a term here; false when it is this page or already linked.</summary>
    public bool Claim(string slug)
    {
        if (slug == selfSlug || !linkedHere.Add(slug))
        {
            return false;
        }
        linked.Add(slug);
        return true;
    }

    /// <summary>Marks a term as linked by the author, so no automatic link repeats it.</summary>
    public void Note(string slug)
    {
        linkedHere.Add(slug);
        if (slug != selfSlug)
        {
            linked.Add(slug);
        }
    }

    /// <summary>Records a link to a term that does not exist.</summary>
    public void NoteMissing(string name) => missing.Add(name);

    /// <summary>Called as each section of the page begins.</summary>
    public void BeginSection()
    {
        if (scope == AutoLinkScope.Section)
        {
            linkedHere.Clear();
        }
    }
}
