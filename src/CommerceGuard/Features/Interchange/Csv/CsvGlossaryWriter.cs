using System.Globalization;
using CommerceGuard.Features.Glossary;
using CsvHelper;

namespace CommerceGuard.Features.Interchange.Csv;

/// <summary>
/// Writes a glossary in the CSV format (<see cref="CsvColumns"/>): RFC 4180, UTF-8 with a
/// byte-order mark so that spreadsheets read accents right, every cell a spreadsheet would run as
/// a formula marked as text (<see cref="CsvCells.Protect"/>), a row at a time.
/// </summary>
public static class CsvGlossaryWriter
{
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <returns>How many terms were written.</returns>
    public static async Task<int> WriteTermsAsync(Stream stream, IAsyncEnumerable<TermRecord> terms, CancellationToken cancellationToken)
    {
        using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        csv.WriteRecord(CsvColumns.All);
        var count = 0;
        await foreach (var term in terms.WithCancellation(cancellationToken))
        {
            csv.WriteRecord(Cells(term));
            count++;
        }
        return count;
    }

    /// <summary>The categories, with three columns more for each language any of them is named in.</summary>
    public static void WriteCategories(Stream stream, IReadOnlyCollection<Category> categories)
    {
        using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        var languages = categories.SelectMany(category => category.Translations).Select(translation => translation.Language).Distinct().Order(StringComparer.Ordinal).ToList();
        csv.WriteRecord([.. CsvColumns.CategoryColumns, .. languages.SelectMany(language => CsvColumns.CategoryColumns.Select(column => CsvColumns.InLanguage(column, language)))]);
        foreach (var category in categories)
        {
            var translated = languages.Select(language => category.Translations.FirstOrDefault(translation => translation.Language == language));
            string?[] cells = [category.Slug, category.Name, category.Description, .. translated.SelectMany(named => new[] { named?.Slug, named?.Name, named?.Description })];
            csv.WriteRecord([.. cells.Select(cell => CsvCells.Protect(cell ?? ""))]);
        }
    }

    /// <summary>The term's cells in the order of <see cref="CsvColumns.All"/>.</summary>
    private static string[] Cells(TermRecord term)
    {
        string?[] cells =
        [
            term.Title,
            term.Slug,
            term.Language,
            term.TranslationOf,
            term.Status,
            term.Definition,
            CsvCells.JoinList(term.Examples),
            term.Misuse,
            term.Benefits,
            term.Conclusion,
            CsvCells.JoinList(term.Related),
            CsvCells.JoinList(term.Aliases),
            CsvCells.JoinList(term.Categories),
            term.AutoLink ? "true" : "false",
            term.Modified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CsvCells.JoinList(term.Sources.Select(SourceCell)),
            term.EditorNote,
        ];
        return [.. cells.Select(cell => CsvCells.Protect(cell ?? ""))];
    }

    /// <summary>The source's parts in the reader's order, the empty ones at the end left off.</summary>
    private static string SourceCell(TermSource source)
    {
        List<string?> parts =
        [
            source.Title, source.Address, source.Publisher, Date(source.Accessed),
            source.Kind is { } kind ? SourceKinds.Of(kind) : null, source.Citation, Date(source.Published), source.Supports,
        ];
        while (parts.Count > 1 && string.IsNullOrEmpty(parts[^1]))
        {
            parts.RemoveAt(parts.Count - 1);
        }
        return CsvCells.JoinParts(parts);
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
