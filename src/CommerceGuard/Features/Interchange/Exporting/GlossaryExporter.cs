using System.Text;
using System.Text.Json;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Interchange.Skos;
using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Interchange.Exporting;

/// <summary>
/// Writes the whole glossary out. Terms are read a page at a time, so a large glossary is
/// exported in bounded memory. A published term is exported as readers see it (a next version
/// still being written stays behind); any other term as it stands.
/// </summary>
public sealed class GlossaryExporter(GlossaryDb db, IOptions<AccountOptions> site, MarkdownRenderer markdown)
{
    private const int PageSize = 500;

    /// <summary>What the exported glossary is called where a format asks for a name.</summary>
    private const string SchemeTitle = "CommerceGuard glossary";

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    /// <summary>Told of each page of terms written, when set (the command line shows it).</summary>
    public IWorkProgress? Progress { get; set; }

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
        var categories = (await CategoriesAsync(cancellationToken)).Select(Importing.CategoryRecords.Of);
        await File.WriteAllTextAsync(Path.Combine(folder, "categories.json"), JsonSerializer.Serialize(categories, Indented), cancellationToken);
        var count = 0;
        await foreach (var record in RecordsAsync(cancellationToken))
        {
            var language = record.Language ?? Languages.Default;
            var languageFolder = language == Languages.Default ? termsFolder : Path.Combine(termsFolder, language);
            Directory.CreateDirectory(languageFolder);
            await File.WriteAllTextAsync(Path.Combine(languageFolder, $"{record.Slug}.md"), MarkdownTermWriter.Write(record), cancellationToken);
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

    /// <summary>SKOS in Turtle: a concept per term, a collection per category (see <see cref="SkosStatements"/>).</summary>
    /// <returns>How many terms were written.</returns>
    public async Task<int> ExportTurtleAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
        using var writer = new TurtleWriter(file);
        return await ExportSkosAsync(writer, cancellationToken);
    }

    /// <summary>SKOS in RDF/XML, the same statements as <see cref="ExportTurtleAsync"/>.</summary>
    /// <returns>How many terms were written.</returns>
    public async Task<int> ExportRdfXmlAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.Create(path);
        using var writer = new RdfXmlWriter(file);
        return await ExportSkosAsync(writer, cancellationToken);
    }

    /// <summary>The published terms as a schema.org DefinedTermSet in JSON-LD (see <see cref="JsonLd.DefinedTermSetWriter"/>).</summary>
    /// <returns>How many terms were written.</returns>
    public async Task<int> ExportJsonLdAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.Create(path);
        return await new JsonLd.DefinedTermSetWriter(markdown, site.Value.PublicUrl).WriteAsync(stream, SchemeTitle, RecordsAsync(cancellationToken), cancellationToken);
    }

    private async Task<int> ExportSkosAsync(RdfWriter writer, CancellationToken cancellationToken)
    {
        var statements = new SkosStatements(site.Value.PublicUrl);
        writer.Write(statements.ForScheme(SchemeTitle));
        foreach (var category in await CategoriesAsync(cancellationToken))
        {
            writer.Write(statements.ForCategory(category));
        }
        var count = 0;
        await foreach (var term in RecordsAsync(cancellationToken))
        {
            writer.Write(statements.ForTerm(term));
            count++;
        }
        return count;
    }

    private Task<List<Category>> CategoriesAsync(CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().OrderBy(category => category.DisplayOrder).ThenBy(category => category.Name).ToListAsync(cancellationToken);

    private async IAsyncEnumerable<TermRecord> RecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A translation names its original by slug; the originals are few beside the terms.
        var originals = await db.Terms.AsNoTracking()
            .Where(original => db.Terms.Any(translation => translation.TranslationOfId == original.Id))
            .ToDictionaryAsync(original => original.Id, original => original.Slug, cancellationToken);
        await foreach (var term in AllTermsAsync(cancellationToken))
        {
            yield return RecordOf(term) with { TranslationOf = term.TranslationOfId is { } id ? originals.GetValueOrDefault(id) : null };
        }
    }

    private async IAsyncEnumerable<Term> AllTermsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int? total = Progress is null ? null : await db.Terms.CountAsync(cancellationToken);
        var done = 0;
        var last = 0;
        while (true)
        {
            // Split, so the categories are read for this page's terms alone: a single query joins
            // the whole term-category table for every page, and slows as the glossary grows.
            var page = await db.Terms.AsNoTracking().Include(term => term.Categories).AsSplitQuery()
                .Where(term => term.Id > last).OrderBy(term => term.Id).Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var term in page)
            {
                yield return term;
            }
            if (page.Count > 0)
            {
                Progress?.Report("Exporting", done += page.Count, total);
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
        Status = TermStatusNames.Of(term.Status),
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
