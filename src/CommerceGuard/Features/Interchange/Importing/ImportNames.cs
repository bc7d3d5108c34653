using CommerceGuard.Features.Glossary.Editing;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>
/// The titles and other names an import's records must not pass for, by language and skeleton:
/// the glossary's (read once per import, see <see cref="ExistingTerms.Names"/>) and those of the
/// records accepted so far. A record that updates a term never meets that term's own names; the
/// names such a term is losing still count against the other records, which can refuse a
/// record a moment early but never lets a look-alike in.
/// </summary>
internal sealed class ImportNames(ExistingTerms existing)
{
    private readonly Dictionary<(string Language, string Skeleton), List<KnownName>> accepted = [];
    private readonly Dictionary<(string Language, string Slug), string> acceptedTitles = [];

    /// <summary>
    /// Why a record's title or other name passes for another term of its language, or null: it is
    /// written to look like that term's slug, or just like one of its names.
    /// </summary>
    public string? ProblemWith(TermContent content, string language, int? existingId)
    {
        foreach (var (name, isTitle) in content.Aliases.Select(alias => (alias, false)).Prepend((content.Title, true)))
        {
            if (TitleLookalikes.PassesFor(name) is { } look && look != content.Slug && TitleAt(language, look, existingId) is { } title)
            {
                return TitleLookalikes.Impersonates(name, isTitle, title, look);
            }
            if (TitleLookalikes.Resembles(name, Candidates(language, name, existingId)) is { } other)
            {
                return TitleLookalikes.LooksLike(name, isTitle, other);
            }
        }
        return null;
    }

    /// <summary>Counts an accepted record's title and other names against the records after it.</summary>
    public void Add(TermContent content, string language)
    {
        foreach (var name in content.Aliases.Prepend(content.Title))
        {
            var key = (language, TermName.KeyOf(name));
            (accepted.TryGetValue(key, out var names) ? names : accepted[key] = []).Add(new KnownName(name, content.Title, content.Slug));
        }
        acceptedTitles[(language, content.Slug)] = content.Title;
    }

    /// <summary>The names that share the name's skeleton (as far as it is kept), but for those of the term the record updates.</summary>
    private IEnumerable<KnownName> Candidates(string language, string name, int? existingId)
    {
        var key = (language, TermName.KeyOf(name));
        var glossary = existing.Names.GetValueOrDefault(key) ?? [];
        return glossary.Where(entry => entry.TermId != existingId)
            .Select(entry => new KnownName(entry.Name, existing.TitleOf[entry.TermId], existing.SlugOf[entry.TermId]))
            .Concat(accepted.GetValueOrDefault(key) ?? []);
    }

    /// <summary>The title of the term with this slug, in the import or else in the glossary (but for the one the record updates).</summary>
    private string? TitleAt(string language, string slug, int? existingId) =>
        acceptedTitles.TryGetValue((language, slug), out var title) ? title
        : existing.BySlug.TryGetValue((language, slug), out var id) && id != existingId ? existing.TitleOf[id]
        : null;
}
