using System.Text;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Interchange;
using CommerceGuard.Features.Interchange.Importing;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Fuzzing;

/// <summary>
/// Every importer, given a file mangled at random (pieces cut, repeated or replaced, markup and
/// bytes that are not UTF-8 dropped in), answers with a report, never an exception. The files
/// start as good ones of each format, so the mangling reaches deep into each parser.
/// </summary>
public sealed class ImporterProperties(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private const string Csv = "title,slug,definition,examples,related,aliases,categories,status\r\n"
        + "Fuzz premium,fuzz-premium,\"What a policy costs, paid **monthly**.\",\"One example|Another\",fuzz-copay,\"FP|Premia\",insurance,published\r\n"
        + "Fuzz copay,fuzz-copay,A fixed share of a bill.,,fuzz-premium,,,draft\r\n";

    private const string Json = """
        { "terms": [
          { "title": "Fuzz premium", "slug": "fuzz-premium", "definition": "What a policy costs.", "examples": ["One", "Two"],
            "related": ["fuzz-copay"], "aliases": ["FP"], "categories": ["insurance"], "status": "published", "modified": "2024-04-30",
            "sources": [{ "title": "A source", "address": "https://example.org/a", "accessed": "2024-01-02" }] },
          { "title": "Prima fuzz", "slug": "prima-fuzz", "language": "es", "translationOf": "fuzz-premium", "definition": "Lo que cuesta." }
        ],
          "categories": [{ "slug": "insurance", "name": "Insurance", "translations": [{ "language": "es", "slug": "seguros", "name": "Seguros" }] }] }
        """;

    private const string Turtle = """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix ex: <https://vocab.example.org/terms/> .
        ex:fuzz-premium a skos:Concept ; skos:prefLabel "Fuzz premium"@en, "Prima fuzz"@es ;
            skos:altLabel "FP" ; skos:definition '''What a policy
        costs.'''@en ; skos:example "An \"example\"."@en ; skos:related ex:fuzz-copay .
        ex:fuzz-copay a skos:Concept ; skos:prefLabel "Fuzz copay"@en ; skos:definition "A share."@en .
        <https://vocab.example.org/c/rules> a skos:Collection ; skos:prefLabel "Rules"@en ; skos:member ex:fuzz-premium .
        """;

    private const string RdfXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#"
                 xml:base="https://vocab.example.org/terms/">
          <skos:Concept rdf:about="fuzz-premium">
            <skos:prefLabel xml:lang="en">Fuzz premium</skos:prefLabel>
            <skos:definition xml:lang="en">What a policy costs.</skos:definition>
            <skos:related rdf:resource="fuzz-copay"/>
          </skos:Concept>
          <skos:Concept rdf:about="fuzz-copay" skos:prefLabel="Fuzz copay"><skos:definition>A share.</skos:definition></skos:Concept>
        </rdf:RDF>
        """;

    private const string MarkdownTerm = """
        ---
        title: Fuzz premium
        slug: fuzz-premium
        aliases: [FP, "Premia"]
        categories: [insurance]
        related: [fuzz-copay]
        modified: 2024-04-30
        sources:
          - title: A source
            address: https://example.org/a
        ---
        What a policy costs, paid **monthly**.

        ## Examples

        1. One example.
        2. Another.

        ## Misuse

        Calling a fee a [[premium]].
        """;

    private const string Categories = """[{ "slug": "insurance", "name": "Insurance", "description": "Cover." }]""";

    /// <summary>One change to a file: where (a fraction of its length), what, and with what.</summary>
    private sealed record Edit(double At, int Kind, string Piece, int Length);

    private static readonly Gen<Edit[]> Edits =
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, 4], FuzzInputs.Text, Gen.Int[0, 40], (at, kind, piece, length) => new Edit(at, kind, piece, length))
            .Array[1, 8];

    [Fact]
    public Task Csv_mangled_at_random_is_answered_with_a_report() => CheckFileAsync(InterchangeFormat.Csv, ".csv", Csv);

    [Fact]
    public Task Json_mangled_at_random_is_answered_with_a_report() => CheckFileAsync(InterchangeFormat.Json, ".json", Json);

    [Fact]
    public Task Turtle_mangled_at_random_is_answered_with_a_report() => CheckFileAsync(InterchangeFormat.Turtle, ".ttl", Turtle);

    [Fact]
    public Task Rdf_xml_mangled_at_random_is_answered_with_a_report() => CheckFileAsync(InterchangeFormat.RdfXml, ".rdf", RdfXml);

    [Fact]
    public Task A_markdown_folder_with_a_term_and_categories_mangled_at_random_is_answered_with_a_report() =>
        Started(Gen.Select(Edits, Edits)).SampleAsync(async (termEdits, categoryEdits) =>
        {
            var folder = Directory.CreateTempSubdirectory("commerceguard-fuzz-").FullName;
            try
            {
                Directory.CreateDirectory(Path.Combine(folder, "terms", "es"));
                await File.WriteAllBytesAsync(Path.Combine(folder, "terms", "fuzz-premium.md"), Mangled(MarkdownTerm, termEdits));
                await File.WriteAllBytesAsync(Path.Combine(folder, "terms", "es", "prima-fuzz.md"), Mangled(MarkdownTerm, categoryEdits));
                await File.WriteAllBytesAsync(Path.Combine(folder, "categories.json"), Mangled(Categories, categoryEdits));
                await ReportOfAsync(InterchangeFormat.Markdown, folder);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });

    private Task CheckFileAsync(InterchangeFormat format, string extension, string good) =>
        Started(Edits).SampleAsync(async edits =>
        {
            var file = Path.Combine(Path.GetTempPath(), $"commerceguard-fuzz-{Guid.NewGuid():N}{extension}");
            try
            {
                await File.WriteAllBytesAsync(file, Mangled(good, edits));
                await ReportOfAsync(format, file);
            }
            finally
            {
                File.Delete(file);
            }
        });

    /// <summary>
    /// The inputs, once the app is started (migrations, starter glossary): the samples run on
    /// several threads at once, and each would otherwise start it.
    /// </summary>
    private Gen<T> Started<T>(Gen<T> inputs)
    {
        _ = app.Services;
        return inputs;
    }

    /// <summary>Checks the file as the import command's --dry-run does: read, checked against the glossary, nothing written.</summary>
    private async Task ReportOfAsync(InterchangeFormat format, string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<GlossaryImporter>();
        var report = await importer.ImportAsync(format, path, new ImportOptions { DryRun = true }, new StaffMember(null, "fuzz", CanPublish: true));
        Assert.NotNull(report);
        Assert.False(report.Written);
    }

    /// <summary>The good text with the edits made, as bytes; an edit of kind 4 drops in bytes that are not UTF-8, and U+FFFE.</summary>
    private static byte[] Mangled(string good, Edit[] edits)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(good));
        foreach (var edit in edits)
        {
            var at = (int)(edit.At * bytes.Count);
            var length = Math.Min(edit.Length, bytes.Count - at);
            switch (edit.Kind)
            {
                case 0: bytes.InsertRange(at, Encoding.UTF8.GetBytes(edit.Piece)); break;
                case 1: bytes.RemoveRange(at, length); break;
                case 2: bytes.InsertRange(at, bytes.GetRange(at, length)); break;
                case 3: bytes.RemoveRange(at, length); bytes.InsertRange(at, Encoding.UTF8.GetBytes(edit.Piece)); break;
                default: bytes.InsertRange(at, [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xEF, 0xBF, 0xBE]); break;
            }
        }
        return [.. bytes];
    }
}
