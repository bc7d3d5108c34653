using System.Text.RegularExpressions;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>
/// A record read from an import source (a term, or a category), or the reason a part of it could
/// not be read; with a note for the report when the source had to decide something for it.
/// </summary>
public sealed record SourceItem(string File, int Line, TermRecord? Record, string? Problem = null, CategoryRecord? Category = null, string? Note = null);

/// <summary>A category as an interchange file carries it, with its name in other languages.</summary>
public sealed record CategoryRecord(string Slug, string Name, string? Description, IReadOnlyList<CategoryNameRecord>? Translations = null);

/// <summary>What an import reads: <paramref name="Only"/> one language (null for every one), of those the site is <paramref name="Offered"/> in.</summary>
public sealed record SourceLanguages(string? Only, IReadOnlyCollection<string> Offered);

/// <summary>A category's name, slug and description in a language other than English.</summary>
public sealed record CategoryNameRecord(string Language, string Slug, string Name, string? Description);

/// <summary>
/// A folder of Markdown files with YAML front matter, as Jekyll, Hugo and Docusaurus sites keep
/// glossaries, and as this site's starter glossary is written. A file without a slug takes it
/// from its name, without Jekyll's date ("2013-06-05-fee.md" is "fee"). README files are not terms.
/// </summary>
/// <remarks>
/// A folder named by a language code holds that language's terms: "es/2013-06-05-fee.md" is in
/// Spanish and translates "2013-06-05-fee.md" beside the "es" folder, when there is one (front
/// matter's <c>translationof</c> says so otherwise). A translation without a slug takes one from
/// its own title, since its file is named for the original; and its links to the source site's
/// pages in its language ("/es/glossary/fee") lead to the translation of the term named.
/// </remarks>
public static partial class MarkdownFolderSource
{
    /// <param name="folder">The folder, read with its subfolders.</param>
    /// <param name="languages">The languages imported: files in others are passed on unread, to be skipped. Only a folder named by an offered language's code is that language's.</param>
    public static IEnumerable<SourceItem> Read(string folder, SourceLanguages languages)
    {
        var language = languages.Only;
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
            .Order(StringComparer.Ordinal)
            .ToList();
        string? LanguageFolderOf(string path) => MarkdownFolderSource.LanguageFolderOf(path, languages.Offered);
        var translationSlugs = TranslationSlugs(files, LanguageFolderOf, out var renamed);
        foreach (var path in files)
        {
            var item = ReadOne(Path.GetRelativePath(folder, path), path, language, LanguageFolderOf(path), translationSlugs);
            yield return renamed.TryGetValue(path, out var note) ? item with { Note = note } : item;
        }
    }

    private static SourceItem ReadOne(string file, string path, string? language, string? folderLanguage, Dictionary<string, string> translationSlugs)
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
            var record = MarkdownTermFile.Read(file, Text(bytes), language);
            return new SourceItem(file, 1, folderLanguage is not null
                ? AsTranslation(record, path, folderLanguage, translationSlugs)
                : record.Slug is null ? record with { Slug = SlugFromFileName(path) } : record);
        }
        catch (InterchangeException error)
        {
            return new SourceItem(error.File, error.Line, null, error.Reason);
        }
    }

    private static string Text(byte[] bytes) =>
        System.Text.Encoding.UTF8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);

    /// <summary>A record from a language's folder: in that language, paired with its original, its links led to translations.</summary>
    private static TermRecord AsTranslation(TermRecord record, string path, string folderLanguage, Dictionary<string, string> translationSlugs)
    {
        var language = record.Language ?? folderLanguage;
        var original = OriginalOf(path);
        var relinked = Relink(record, text => LanguageLink().Replace(text, match =>
            match.Groups["language"].Value != language
                ? match.Value
                : $"](/glossary/{translationSlugs.GetValueOrDefault(TranslationKey(Path.Combine(Path.GetDirectoryName(path)!, match.Groups["slug"].Value), language), match.Groups["slug"].Value)})"));
        return relinked with
        {
            Language = language,
            Slug = record.Slug ?? translationSlugs.GetValueOrDefault(TranslationKey(FileKey(path), language)) ?? SlugFromFileName(path),
            SlugMadeUp = record.Slug is null,
            TranslationOf = record.TranslationOf ?? (File.Exists(original) ? SlugOfFile(original) : null),
        };
    }

    /// <summary>
    /// The slug each translation will have, by its language and the slug of the file it is named
    /// for, so that links to it by the original's name can be led to it. A slug made from a title
    /// that another translation's already took gets a number ("-2"), and a note for the report:
    /// translators sometimes give two terms one name.
    /// </summary>
    private static Dictionary<string, string> TranslationSlugs(List<string> files, Func<string, string?> languageFolderOf, out Dictionary<string, string> renamed)
    {
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<(string Language, string Slug)>();
        renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            if (languageFolderOf(path) is not { } folderLanguage)
            {
                continue;
            }
            try
            {
                var record = MarkdownTermFile.Read(path, File.ReadAllText(path));
                var language = record.Language ?? folderLanguage;
                if (record.DraftInSource || record.EmptyInSource || (record.Slug is null && record.Title.Length == 0))
                {
                    continue;
                }
                var slug = record.Slug ?? Slug.FromTitle(record.Title);
                if (record.Slug is null && !taken.Add((language, slug)))
                {
                    var numbered = Enumerable.Range(2, int.MaxValue - 2).Select(number => $"{slug}-{number}").First(candidate => taken.Add((language, candidate)));
                    renamed[path] = $"\"{record.Title}\" has the title of another term in \"{language}\", so its slug is \"{numbered}\", not \"{slug}\".";
                    slug = numbered;
                }
                taken.Add((language, slug));
                slugs.TryAdd(TranslationKey(FileKey(path), language), slug);
            }
            catch (Exception error) when (error is InterchangeException or IOException or System.Text.DecoderFallbackException)
            {
                // Reported in its turn, when the file is read to be imported.
            }
        }
        return slugs;
    }

    private static string TranslationKey(string folderAndSlug, string language) => $"{language}|{folderAndSlug}";

    /// <summary>A file by its folder and the slug its name gives: what links by name find.</summary>
    private static string FileKey(string path) => Path.Combine(Path.GetDirectoryName(path)!, SlugFromFileName(path));

    /// <summary>The offered language, other than English, a file's folder names ("…/es/fee.md" is "es"), or null.</summary>
    private static string? LanguageFolderOf(string path, IReadOnlyCollection<string> offered)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        return folder is not null && folder != Languages.Default && offered.Contains(folder) ? folder : null;
    }

    /// <summary>An original's slug: its front matter's, or its file name's, as its import gives it.</summary>
    private static string SlugOfFile(string path)
    {
        try
        {
            return MarkdownTermFile.Read(path, File.ReadAllText(path)).Slug ?? SlugFromFileName(path);
        }
        catch (Exception error) when (error is InterchangeException or IOException or System.Text.DecoderFallbackException)
        {
            return SlugFromFileName(path);
        }
    }

    /// <summary>"…/es/fee.md" is the translation of "…/fee.md".</summary>
    private static string OriginalOf(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path)!)!, Path.GetFileName(path));

    private static TermRecord Relink(TermRecord record, Func<string, string> relink) => record with
    {
        Definition = relink(record.Definition),
        Examples = [.. record.Examples.Select(relink)],
        Misuse = record.Misuse is null ? null : relink(record.Misuse),
        Benefits = record.Benefits is null ? null : relink(record.Benefits),
        Conclusion = record.Conclusion is null ? null : relink(record.Conclusion),
    };

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

    /// <summary>The end of a Markdown link to a glossary page of a language: "](/es/glossary/fee)".</summary>
    [GeneratedRegex(@"\]\(/(?<language>[a-z]{2})/glossary/(?<slug>[A-Za-z0-9_-]+)/?\)")]
    private static partial Regex LanguageLink();
}
