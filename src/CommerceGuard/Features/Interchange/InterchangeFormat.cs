using CommerceGuard.Features.Interchange.Csv;
using CommerceGuard.Features.Interchange.Exporting;
using CommerceGuard.Features.Interchange.Importing;
using CommerceGuard.Features.Interchange.Json;
using CommerceGuard.Features.Interchange.Skos;

namespace CommerceGuard.Features.Interchange;

/// <summary>
/// A format a glossary travels in. The command line and the back office both choose from
/// <see cref="All"/>, so a format added here is offered everywhere.
/// </summary>
/// <param name="Name">What <c>--format</c> takes.</param>
/// <param name="Label">What a person choosing a format reads.</param>
/// <param name="Extension">The file's extension, or null for a folder.</param>
/// <param name="Read">Reads a file or folder into records, in the languages asked for, or null when the format is export only.</param>
/// <param name="Write">Writes the whole glossary to a file or folder; returns how many terms it wrote.</param>
public sealed record InterchangeFormat(
    string Name, string Label, string? Extension,
    Func<string, SourceLanguages, IEnumerable<SourceItem>>? Read,
    Func<GlossaryExporter, string, CancellationToken, Task<int>> Write)
{
    public static readonly InterchangeFormat Markdown = new("markdown",
        "Markdown folder: categories.json and terms/{slug}.md with YAML front matter", null,
        MarkdownFolderSource.Read, (exporter, path, cancel) => exporter.ExportMarkdownAsync(path, cancel));

    public static readonly InterchangeFormat Json = new("json",
        "JSON, as glossary.schema.json describes", ".json",
        (path, _) => JsonGlossaryReader.Read(path), (exporter, path, cancel) => exporter.ExportJsonAsync(path, cancel));

    public static readonly InterchangeFormat Csv = new("csv",
        "CSV, one row per term, with the categories in {name}.categories.csv", ".csv",
        (path, _) => CsvGlossaryReader.Read(path), (exporter, path, cancel) => exporter.ExportCsvAsync(path, cancel));

    public static readonly InterchangeFormat Turtle = new("turtle",
        "SKOS in Turtle: a concept per term, a collection per category", ".ttl",
        (path, languages) => SkosSource.ReadTurtle(path, languages.Only), (exporter, path, cancel) => exporter.ExportTurtleAsync(path, cancel));

    public static readonly InterchangeFormat RdfXml = new("rdfxml",
        "SKOS in RDF/XML: a concept per term, a collection per category", ".rdf",
        (path, languages) => SkosSource.ReadRdfXml(path, languages.Only), (exporter, path, cancel) => exporter.ExportRdfXmlAsync(path, cancel));

    public static readonly InterchangeFormat JsonLd = new("jsonld",
        "JSON-LD: the published terms as a schema.org DefinedTermSet (export only)", ".jsonld",
        null, (exporter, path, cancel) => exporter.ExportJsonLdAsync(path, cancel));

    public static readonly IReadOnlyList<InterchangeFormat> All = [Markdown, Json, Csv, Turtle, RdfXml, JsonLd];

    public bool CanImport => Read is not null;

    public bool IsFolder => Extension is null;

    /// <summary>Whether an import reads the whole file into memory (SKOS), so that a smaller size limit applies.</summary>
    public bool ReadsWhole => ReferenceEquals(this, Turtle) || ReferenceEquals(this, RdfXml);

    public static InterchangeFormat? Named(string? name) =>
        All.FirstOrDefault(format => format.Name.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The importable format a path's kind or extension suggests: a folder is Markdown, "x.csv" is CSV.</summary>
    public static InterchangeFormat? Guess(string path) =>
        Directory.Exists(path)
            ? Markdown
            : All.FirstOrDefault(format => format.CanImport && format.Extension is { } extension
                && string.Equals(Path.GetExtension(path), extension, StringComparison.OrdinalIgnoreCase));
}
