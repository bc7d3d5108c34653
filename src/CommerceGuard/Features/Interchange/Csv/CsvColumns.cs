namespace CommerceGuard.Features.Interchange.Csv;

/// <summary>
/// The columns of the CSV format, one row per term, in the order an export writes them. An import
/// needs <c>title</c> and <c>definition</c>; the others may be left out, in any order. Categories
/// travel beside the terms, in <c>{name}.categories.csv</c> (slug, name, description).
/// </summary>
public static class CsvColumns
{
    public const string Title = "title";
    public const string Slug = "slug";
    public const string Language = "language";
    public const string TranslationOf = "translation_of";
    public const string Status = "status";
    public const string Definition = "definition";
    public const string Examples = "examples";
    public const string Misuse = "misuse";
    public const string Benefits = "benefits";
    public const string Conclusion = "conclusion";
    public const string Related = "related";
    public const string Aliases = "aliases";
    public const string Categories = "categories";
    public const string AutoLink = "auto_link";
    public const string Modified = "modified";
    public const string Sources = "sources";
    public const string EditorNote = "editor_note";

    public static readonly string[] All =
    [
        Title, Slug, Language, TranslationOf, Status, Definition, Examples, Misuse, Benefits, Conclusion,
        Related, Aliases, Categories, AutoLink, Modified, Sources, EditorNote,
    ];

    public static readonly string[] Required = [Title, Definition];

    /// <summary>
    /// The columns of the categories file. A category's name in another language has columns of
    /// its own, named for the language: <c>name:es</c>, <c>slug:es</c>, <c>description:es</c>.
    /// </summary>
    public static readonly string[] CategoryColumns = ["slug", "name", "description"];

    /// <summary>A column of the categories file: one of <see cref="CategoryColumns"/>, or one of them in a language ("name:es").</summary>
    public static bool IsCategoryColumn(string header) =>
        CategoryColumns.Contains(header)
        || (header.Split(':') is [var column, var language] && CategoryColumns.Contains(column) && language.Length == 2 && language.All(char.IsAsciiLetterLower));

    /// <summary>The column of a category field in a language: "name" in Spanish is "name:es".</summary>
    public static string InLanguage(string column, string language) => $"{column}:{language}";

    /// <summary>Where the categories of <paramref name="termsPath"/> are: "glossary.csv" has "glossary.categories.csv".</summary>
    public static string CategoriesPath(string termsPath) =>
        Path.Combine(Path.GetDirectoryName(termsPath) ?? "", Path.GetFileNameWithoutExtension(termsPath) + ".categories.csv");
}
