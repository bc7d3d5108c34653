namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>
/// Everything an editor writes about a term, whole: what the editor form holds, what a revision
/// keeps, what two revisions are compared by. Categories are named by id so that renaming one
/// does not change old revisions' meaning.
/// </summary>
public sealed record TermContent
{
    public string Title { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Definition { get; init; } = "";
    public IReadOnlyList<string> Examples { get; init; } = [];
    public string? Misuse { get; init; }
    public string? Benefits { get; init; }
    public string? Conclusion { get; init; }
    public IReadOnlyList<string> RelatedSlugs { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<int> CategoryIds { get; init; } = [];
    public IReadOnlyList<TermSource> Sources { get; init; } = [];
    public string? EditorNote { get; init; }
    public bool AutoLink { get; init; } = true;

    public static TermContent Of(Term term) => new()
    {
        Title = term.Title,
        Slug = term.Slug,
        Definition = term.Definition,
        Examples = [.. term.Examples],
        Misuse = term.Misuse,
        Benefits = term.Benefits,
        Conclusion = term.Conclusion,
        RelatedSlugs = [.. term.RelatedSlugs],
        Aliases = [.. term.Aliases],
        CategoryIds = [.. term.Categories.Select(category => category.Id).Order()],
        Sources = [.. term.Sources],
        EditorNote = term.EditorNote,
        AutoLink = term.AutoLink,
    };

    /// <summary>Writes this content into the term; <paramref name="categories"/> are the ones <see cref="CategoryIds"/> name.</summary>
    public void ApplyTo(Term term, IEnumerable<Category> categories)
    {
        term.Title = Title;
        term.Slug = Slug;
        term.Definition = Definition;
        term.Examples = [.. Examples];
        term.Misuse = Misuse;
        term.Benefits = Benefits;
        term.Conclusion = Conclusion;
        term.RelatedSlugs = [.. RelatedSlugs];
        term.Aliases = [.. Aliases];
        term.Sources = [.. Sources];
        term.EditorNote = EditorNote;
        term.AutoLink = AutoLink;
        var wanted = categories.Where(category => CategoryIds.Contains(category.Id)).ToList();
        term.Categories.RemoveAll(category => !wanted.Contains(category));
        term.Categories.AddRange(wanted.Where(category => !term.Categories.Contains(category)));
    }

    /// <summary>The fields that differ from <paramref name="before"/>, in the form's order.</summary>
    public IReadOnlyList<string> ChangedFrom(TermContent before) =>
        [.. TermFields.All.Where(field => TermFields.Text(this, field) != TermFields.Text(before, field))];
}
