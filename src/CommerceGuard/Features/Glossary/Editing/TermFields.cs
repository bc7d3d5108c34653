using System.Globalization;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>
/// The fields of <see cref="TermContent"/> by name, each as plain text: what a revision lists as
/// changed, and what a comparison of two revisions sets side by side.
/// </summary>
public static class TermFields
{
    public const string Title = "title";
    public const string Slug = "slug";
    public const string Definition = "definition";
    public const string Examples = "examples";
    public const string Misuse = "misuse";
    public const string Benefits = "benefits";
    public const string Conclusion = "conclusion";
    public const string Related = "related";
    public const string Aliases = "aliases";
    public const string Categories = "categories";
    public const string Sources = "sources";
    public const string EditorNote = "editor-note";
    public const string AutoLink = "auto-link";

    /// <summary>In the editor form's order.</summary>
    public static readonly IReadOnlyList<string> All =
        [Title, Slug, Definition, Examples, Misuse, Benefits, Conclusion, Related, Aliases, Categories, Sources, EditorNote, AutoLink];

    /// <summary>
    /// The field as text. Items of a list are separated by a blank line (examples, whose text may
    /// span lines) or a line break. Categories are shown by name when <paramref name="categoryNames"/> knows them.
    /// </summary>
    public static string Text(TermContent content, string field, IReadOnlyDictionary<int, string>? categoryNames = null) => field switch
    {
        Title => content.Title,
        Slug => content.Slug,
        Definition => content.Definition,
        Examples => string.Join("\n\n", content.Examples),
        Misuse => content.Misuse ?? "",
        Benefits => content.Benefits ?? "",
        Conclusion => content.Conclusion ?? "",
        Related => string.Join('\n', content.RelatedSlugs),
        Aliases => string.Join('\n', content.Aliases),
        Categories => string.Join('\n', content.CategoryIds.Select(id =>
            categoryNames?.GetValueOrDefault(id) ?? id.ToString(CultureInfo.InvariantCulture))),
        Sources => string.Join('\n', content.Sources.Select(SourceLine)),
        EditorNote => content.EditorNote ?? "",
        AutoLink => content.AutoLink ? "yes" : "no",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a term field."),
    };

    /// <summary>The field's name as a sentence uses it: "editor's note".</summary>
    public static string Label(string field) => field switch
    {
        Related => "related terms",
        Aliases => "other names",
        EditorNote => "editor's note",
        AutoLink => "automatic linking",
        _ => field,
    };

    private static string SourceLine(TermSource source) =>
        string.Join(" · ", new[]
        {
            source.Kind is { } kind ? SourceKinds.Of(kind) : null,
            source.Title, source.Citation, source.Publisher, source.Address,
            source.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            source.Accessed is { } accessed ? "accessed " + accessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            source.Supports is { } section ? "supports the " + section : null,
        }.Where(part => !string.IsNullOrEmpty(part)));
}
