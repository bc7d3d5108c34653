using System.Text.RegularExpressions;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>A record read from an import source (a term, or a category), or the reason a part of it could not be read.</summary>
public sealed record SourceItem(string File, int Line, TermRecord? Record, string? Problem = null, CategoryRecord? Category = null);

/// <summary>A category as an interchange file carries it.</summary>
public sealed record CategoryRecord(string Slug, string Name, string? Description);

/// <summary>
/// A folder of Markdown files with YAML front matter, as Jekyll, Hugo and Docusaurus sites keep
/// glossaries, and as this site's starter glossary is written. A file without a slug takes it
/// from its name, without Jekyll's date ("2013-06-05-fee.md" is "fee"). README files are not terms.
/// </summary>
public static partial class MarkdownFolderSource
{
    /// <param name="folder">The folder, read with its subfolders.</param>
    /// <param name="language">The language imported: files in others are passed on unread, to be skipped.</param>
    public static IEnumerable<SourceItem> Read(string folder, string language)
    {
        // An exported folder (and the starter glossary) lists its categories beside the terms.
        var categoriesFile = Path.Combine(folder, "categories.json");
        if (File.Exists(categoriesFile))
        {
            foreach (var item in ReadCategories(categoriesFile))
            {
                yield return item;
            }
        }
        var files = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            yield return ReadOne(Path.GetRelativePath(folder, path), path, language);
        }
    }

    private static SourceItem ReadOne(string file, string path, string language)
    {
        var bytes = File.ReadAllBytes(path);
        if (TextEncodingCheck.StartProblem(bytes) is { } encoding)
        {
            return new SourceItem(file, 1, null, encoding);
        }
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new SourceItem(file, TextEncodingCheck.FirstInvalidLine(bytes), null, TextEncodingCheck.NotUtf8);
        }
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);
            var record = MarkdownTermFile.Read(file, text, language);
            return new SourceItem(file, 1, record.Slug is null ? record with { Slug = SlugFromFileName(path) } : record);
        }
        catch (InterchangeException error)
        {
            return new SourceItem(error.File, error.Line, null, error.Reason);
        }
    }

    private static List<SourceItem> ReadCategories(string path)
    {
        try
        {
            var categories = System.Text.Json.JsonSerializer.Deserialize<List<CategoryRecord>>(File.ReadAllText(path), System.Text.Json.JsonSerializerOptions.Web) ?? [];
            return [.. categories.Select((category, index) => new SourceItem("categories.json", index + 1, null, Category: category))];
        }
        catch (System.Text.Json.JsonException error)
        {
            return [new SourceItem("categories.json", (int)(error.LineNumber ?? 0) + 1, null, $"The categories are not valid JSON: {error.Message}")];
        }
    }

    private static string SlugFromFileName(string path) =>
        JekyllDate().Replace(Path.GetFileNameWithoutExtension(path), "").ToLowerInvariant();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-")]
    private static partial Regex JekyllDate();
}
