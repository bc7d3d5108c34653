using System.Globalization;
using System.Text;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Interchange.Importing;
using CsvHelper;

namespace CommerceGuard.Features.Interchange.Csv;

/// <summary>
/// Reads a glossary in the CSV format (<see cref="CsvColumns"/>) a row at a time, so that a file
/// of any size is read in bounded memory; and its categories from the file beside it, when there
/// is one. Each row is reported by the line it starts on. A file that is not UTF-8, whose quoting
/// is broken, or whose header names a column we do not know is one rejected line, not a crash.
/// </summary>
public static class CsvGlossaryReader
{
    /// <summary>Far larger than any term may be; a row growing past it is a quote never closed.</summary>
    private const int MaxRowBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Throws on bytes that are not UTF-8. Its preamble makes the reader skip a UTF-8 byte-order
    /// mark; detecting the encoding from the mark instead would swap in a lenient decoder.
    /// </summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MaxRecordSize = MaxRowBytes,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static IEnumerable<SourceItem> Read(string path)
    {
        var categories = CsvColumns.CategoriesPath(path);
        if (File.Exists(categories))
        {
            var categoriesFile = Path.GetFileName(categories);
            foreach (var row in Rows(categories, CsvColumns.IsCategoryColumn, CsvColumns.CategoryColumns, ["name"]))
            {
                yield return row.Cells is null
                    ? new SourceItem(categoriesFile, row.Line, null, row.Problem)
                    : CategoryOf(categoriesFile, row.Line, row.Cells);
            }
        }
        var file = Path.GetFileName(path);
        foreach (var row in Rows(path, CsvColumns.All.Contains, CsvColumns.All, CsvColumns.Required))
        {
            yield return row.Cells is null ? new SourceItem(file, row.Line, null, row.Problem) : TermOf(file, row.Line, row.Cells);
        }
    }

    /// <summary>A row's cells by column name, or (ending the file) why the file cannot be read on.</summary>
    private sealed record Row(int Line, Dictionary<string, string>? Cells, string? Problem = null);

    private static IEnumerable<Row> Rows(string path, Func<string, bool> isKnown, string[] known, string[] required)
    {
        if (TextEncodingCheck.StartProblem(TextEncodingCheck.FirstBytes(path)) is { } encoding)
        {
            yield return new Row(1, null, encoding);
            yield break;
        }
        using var text = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false);
        using var csv = CsvReader.Create(text, Options);
        var (headers, problem) = Step(csv, path, 0, reader => HeaderOf(reader, isKnown, known, required));
        if (problem is not null)
        {
            yield return problem;
            yield break;
        }
        var line = 1;
        while (true)
        {
            var (more, failed) = Step(csv, path, line, reader => reader.Read());
            if (failed is not null)
            {
                yield return failed;
                yield break;
            }
            if (!more)
            {
                yield break;
            }
            line = (int)csv.LineNumber;
            var cells = new Dictionary<string, string>(headers!.Length, StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                cells[headers[i]] = csv.GetString(i);
            }
            yield return new Row(line, cells);
        }
    }

    /// <summary>Runs one step of the reader, turning what can go wrong in a file into a rejected line.</summary>
    private static (T? Value, Row? Problem) Step<T>(CsvReader csv, string path, int lastLine, Func<CsvReader, T> step)
    {
        try
        {
            return (step(csv), null);
        }
        catch (CsvFormatException error)
        {
            var line = error.LineNumber > 0 ? (int)error.LineNumber : lastLine + 1;
            return (default, new Row(line, null, $"The CSV is malformed here ({error.Message.TrimEnd('.')}); nothing after it was read."));
        }
        catch (DecoderFallbackException)
        {
            // Text is decoded a block ahead of the rows, so the file says where the bad byte is.
            return (default, new Row(TextEncodingCheck.FirstInvalidLine(path), null, TextEncodingCheck.NotUtf8));
        }
        catch (InvalidDataException error)
        {
            return (default, new Row(lastLine + 1, null, error.Message));
        }
    }

    private static string[] HeaderOf(CsvReader csv, Func<string, bool> isKnown, string[] known, string[] required)
    {
        csv.ReadHeader();
        var headers = csv.Headers.Select(header => header.Trim().ToLowerInvariant()).ToArray();
        if (headers.Length == 0 || headers.All(header => header.Length == 0))
        {
            throw new InvalidDataException("The file is empty: the first line should name the columns.");
        }
        var unknown = headers.Where(header => !isKnown(header)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"Unknown column(s) {string.Join(", ", unknown.Select(name => $"\"{name}\""))}; the columns are {string.Join(", ", known)}.");
        }
        var repeated = headers.GroupBy(header => header).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new InvalidDataException($"The column(s) {string.Join(", ", repeated)} appear more than once.");
        }
        var missing = required.Where(column => !headers.Contains(column)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"The column(s) {string.Join(", ", missing)} are missing; the first line should name the columns.");
        }
        return headers;
    }

    private static SourceItem TermOf(string file, int line, Dictionary<string, string> cells)
    {
        var problems = new List<string>();
        var cell = new Cells(cells, problems);
        var record = new TermRecord
        {
            Title = cell.Text(CsvColumns.Title) ?? "",
            Slug = cell.Text(CsvColumns.Slug),
            Language = cell.Text(CsvColumns.Language),
            TranslationOf = cell.Text(CsvColumns.TranslationOf),
            Status = cell.Text(CsvColumns.Status),
            Definition = cell.Text(CsvColumns.Definition) ?? "",
            Examples = cell.List(CsvColumns.Examples),
            Misuse = cell.Text(CsvColumns.Misuse),
            Benefits = cell.Text(CsvColumns.Benefits),
            Conclusion = cell.Text(CsvColumns.Conclusion),
            Related = cell.List(CsvColumns.Related),
            Aliases = cell.List(CsvColumns.Aliases),
            Categories = cell.List(CsvColumns.Categories),
            AutoLink = cell.YesNo(CsvColumns.AutoLink) ?? true,
            Modified = cell.Date(CsvColumns.Modified),
            Sources = [.. cell.List(CsvColumns.Sources).Select(cell.Source).OfType<TermSource>()],
            EditorNote = cell.Text(CsvColumns.EditorNote),
        };
        return problems.Count > 0
            ? new SourceItem(file, line, null, string.Join(" ", problems))
            : new SourceItem(file, line, record);
    }

    private static SourceItem CategoryOf(string file, int line, Dictionary<string, string> cells)
    {
        var problems = new List<string>();
        var cell = new Cells(cells, problems);
        var languages = cells.Keys.Select(column => column.Split(':')).Where(parts => parts.Length == 2).Select(parts => parts[1]).Distinct().Order(StringComparer.Ordinal);
        var translations = languages
            .Where(language => cell.Text(CsvColumns.InLanguage("name", language)) is not null)
            .Select(language => new CategoryNameRecord(language, cell.Text(CsvColumns.InLanguage("slug", language)) ?? "",
                cell.Text(CsvColumns.InLanguage("name", language))!, cell.Text(CsvColumns.InLanguage("description", language))))
            .ToList();
        var category = new CategoryRecord(cell.Text("slug") ?? "", cell.Text("name") ?? "", cell.Text("description"), translations.Count == 0 ? null : translations);
        return problems.Count > 0
            ? new SourceItem(file, line, null, string.Join(" ", problems))
            : new SourceItem(file, line, null, Category: category);
    }

    /// <summary>A row's cells read as the format says, gathering what is wrong with them.</summary>
    private sealed class Cells(Dictionary<string, string> cells, List<string> problems)
    {
        public string? Text(string column)
        {
            if (!cells.TryGetValue(column, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }
            var value = CsvCells.Unprotect(raw, out var problem);
            if (problem is not null)
            {
                problems.Add($"The {column} cell {problem}.");
            }
            return value;
        }

        public List<string> List(string column) => Text(column) is { } text ? CsvCells.SplitList(text) : [];

        public bool? YesNo(string column) => Text(column)?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            var other => Wrong<bool?>($"The {column} cell is \"{other}\"; write true or false."),
        };

        public DateOnly? Date(string column) => Text(column)?.Trim() switch
        {
            null => null,
            var text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
            var other => Wrong<DateOnly?>($"The {column} cell is \"{other}\"; write a date as YYYY-MM-DD."),
        };

        /// <summary>
        /// A source: title | address | publisher | date accessed | kind | citation | date published | part supported,
        /// all but the title optional, and those after the last one written may be left off.
        /// </summary>
        public TermSource? Source(string item)
        {
            var parts = CsvCells.SplitParts(item);
            if (parts.Count > 8 || parts[0].Length == 0)
            {
                return Wrong<TermSource?>($"The source \"{item}\" should be: title | address | publisher | date accessed | kind | citation | date published | part supported.");
            }
            string? Part(int index) => parts.Count > index && parts[index].Length > 0 ? parts[index] : null;
            var (accessed, published) = (SourceDate(parts[0], Part(3)), SourceDate(parts[0], Part(6)));
            var kind = Part(4) is { } kindName ? SourceKinds.Parse(kindName) : null;
            if (Part(4) is { } unknown && kind is null)
            {
                return Wrong<TermSource?>($"The source \"{parts[0]}\" is of the kind \"{unknown}\"; name one of: {SourceKinds.Listed}.");
            }
            if (accessed.Wrong || published.Wrong)
            {
                return null;
            }
            return new TermSource
            {
                Title = parts[0],
                Address = Part(1),
                Publisher = Part(2),
                Accessed = accessed.Date,
                Kind = kind,
                Citation = Part(5),
                Published = published.Date,
                // A part not named as a term has it is reported by the term's checks, with the others.
                Supports = Part(7),
            };
        }

        private (DateOnly? Date, bool Wrong) SourceDate(string title, string? text)
        {
            if (text is null)
            {
                return (null, false);
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (date, false);
            }
            problems.Add($"The source \"{title}\" has the date \"{text}\"; write it as YYYY-MM-DD.");
            return (null, true);
        }

        private T Wrong<T>(string problem)
        {
            problems.Add(problem);
            return default!;
        }
    }
}
