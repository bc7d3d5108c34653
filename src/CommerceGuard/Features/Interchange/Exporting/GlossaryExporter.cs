using System.Text.Json;
using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Interchange.Exporting;

/// <summary>
/// Writes the whole glossary out. Terms are read a page at a time, so a large glossary is
/// exported in bounded memory. A published term is exported as readers see it (a next version
/// still being written stays behind); any other term as it stands.
/// </summary>
public sealed class GlossaryExporter(GlossaryDb db)
{
    private const int PageSize = 500;

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    /// <summary>Writes the glossary in the format to the path (a folder for Markdown, a file otherwise).</summary>
    /// <returns>How many terms were written.</returns>
    public Task<int> ExportAsync(InterchangeFormat format, string path, CancellationToken cancellationToken = default) =>
        format.Write(this, path, cancellationToken);

    /// <summary>
    /// The Markdown folder format, laid out as the starter glossary is: <c>categories.json</c>, and
    /// <c>terms/{slug}.md</c> (<c>terms/{language}/{slug}.md</c> for other languages).
    /// </summary>
    /// <returns>How many terms were written.</returns>
    public async Task<int> ExportMarkdownAsync(string folder, CancellationToken cancellationToken = default)
    {
        var termsFolder = Path.Combine(folder, "terms");
        Directory.CreateDirectory(termsFolder);
        var categories = (await CategoriesAsync(cancellationToken)).Select(category => new { category.Slug, category.Name, category.Description });
        await File.WriteAllTextAsync(Path.Combine(folder, "categories.json"), JsonSerializer.Serialize(categories, Indented), cancellationToken);
        var count = 0;
        await foreach (var term in AllTermsAsync(cancellationToken))
        {
            var languageFolder = term.Language == Languages.Default ? termsFolder : Path.Combine(termsFolder, term.Language);
            Directory.CreateDirectory(languageFolder);
            await File.WriteAllTextAsync(Path.Combine(languageFolder, $"{term.Slug}.md"), MarkdownTermWriter.Write(RecordOf(term)), cancellationToken);
            count++;
        }
        return count;
    }

    /// <summary>The JSON format of <c>glossary.schema.json</c>, in one file.</summary>
    /// <returns>How many terms were written.</returns>
    public async Task<int> ExportJsonAsync(string path, CancellationToken cancellationToken = default)
    {
        var categories = await CategoriesAsync(cancellationToken);
        await using var stream = File.Create(path);
        return await Json.JsonGlossaryWriter.WriteAsync(stream, categories, RecordsAsync(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The CSV format, one row per term, in <paramref name="path"/>; the categories beside it in
    /// <c>{name}.categories.csv</c> (see <see cref="Csv.CsvColumns"/>).
    /// </summary>
    /// <returns>How many terms were written.</returns>
    public async Task<int> ExportCsvAsync(string path, CancellationToken cancellationToken = default)
    {
        await using (var categoriesFile = File.Create(Csv.CsvColumns.CategoriesPath(path)))
        {
            Csv.CsvGlossaryWriter.WriteCategories(categoriesFile, await CategoriesAsync(cancellationToken));
        }
        await using var stream = File.Create(path);
        return await Csv.CsvGlossaryWriter.WriteTermsAsync(stream, RecordsAsync(cancellationToken), cancellationToken);
    }

    private Task<List<Category>> CategoriesAsync(CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().OrderBy(category => category.DisplayOrder).ThenBy(category => category.Name).ToListAsync(cancellationToken);

    private async IAsyncEnumerable<TermRecord> RecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var term in AllTermsAsync(cancellationToken))
        {
            yield return RecordOf(term);
        }
    }

    private async IAsyncEnumerable<Term> AllTermsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = 0;
        while (true)
        {
            var page = await db.Terms.AsNoTracking().Include(term => term.Categories)
                .Where(term => term.Id > last).OrderBy(term => term.Id).Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var term in page)
            {
                yield return term;
            }
            if (page.Count < PageSize)
            {
                yield break;
            }
            last = page[^1].Id;
        }
    }

    /// <summary>A stored term in the shape every export format writes from.</summary>
    public static TermRecord RecordOf(Term term) => new()
    {
        Title = term.Title,
        Slug = term.Slug,
        Language = term.Language,
        Status = term.Status == TermStatus.Published ? "published" : "draft",
        Categories = [.. term.Categories.OrderBy(category => category.DisplayOrder).Select(category => category.Slug)],
        Aliases = term.Aliases,
        Related = term.RelatedSlugs,
        AutoLink = term.AutoLink,
        Modified = DateOnly.FromDateTime(term.ModifiedAt),
        Definition = term.Definition,
        Examples = term.Examples,
        Misuse = term.Misuse,
        Benefits = term.Benefits,
        Conclusion = term.Conclusion,
        Sources = term.Sources,
        EditorNote = term.EditorNote,
    };
}
