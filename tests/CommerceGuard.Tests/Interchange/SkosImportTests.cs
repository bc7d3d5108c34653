using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Interchange;

/// <summary>Importing SKOS in Turtle and RDF/XML: vocabularies written by other tools, and bad files refused with a line and nothing written.</summary>
public sealed class SkosImportTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private const string Prefixes = """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix ex: <https://vocab.example.org/terms/> .

        """;

    private Task<(int ExitCode, string Output, int Added)> ImportAsync(string fileName, byte[] bytes, params string[] options) =>
        ImportRuns.ImportAsync(app, fileName, bytes, options);

    private static byte[] Turtle(string body) => Encoding.UTF8.GetBytes(Prefixes + body);

    private static string Concept(string name, string definition = "Fine.", string more = "") =>
        $"ex:{name} a skos:Concept ; skos:prefLabel \"Term {name}\"@en ; skos:definition \"{definition}\"@en {more}.\n";

    [Fact]
    public async Task A_vocabulary_from_another_tool_is_imported_in_the_language_asked_for()
    {
        var turtle = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            BASE <https://vocab.example.org/>
            # A thesaurus as other tools write it: relative IRIs, labels in two languages, a collection.
            <terms/prior-authorization-skos>
                a skos:Concept ;
                skos:prefLabel "Prior authorization"@en, "Autorización previa"@es ;
                skos:altLabel "Pre-approval"@en-US, "PA" ;
                skos:definition '''Approval an insurer requires
            before it pays for a treatment.'''@en ;
                skos:example "An MRI is \"on hold\" until the insurer approves it."@en ;
                skos:related <terms/step-therapy-skos> ;
                skos:broader <terms/utilization-review> .
            <terms/step-therapy-skos> a skos:Concept ; skos:prefLabel "Step therapy"@en ;
                skos:definition "Trying cheaper drugs first."@en .
            <collections/coverage-rules> a skos:Collection ;
                skos:prefLabel "Coverage rules"@en ;
                skos:member <terms/prior-authorization-skos>, <terms/step-therapy-skos> .
            """;

        var (exitCode, output, added) = await ImportAsync("vocabulary.ttl", Encoding.UTF8.GetBytes(turtle));

        Assert.True(exitCode == 0, output);
        Assert.Equal(2, added);
        var term = await app.WithDbAsync(db => db.Terms.Include(term => term.Categories).SingleAsync(term => term.Slug == "prior-authorization-skos"));
        Assert.Equal("Prior authorization", term.Title);
        Assert.Equal(["Pre-approval", "PA"], term.Aliases);
        Assert.Equal("Approval an insurer requires\nbefore it pays for a treatment.", term.Definition);
        Assert.Equal(["An MRI is \"on hold\" until the insurer approves it."], term.Examples);
        Assert.Equal(["step-therapy-skos"], term.RelatedSlugs);
        Assert.Equal(["coverage-rules"], term.Categories.Select(category => category.Slug));
    }

    [Fact]
    public async Task Rdf_xml_in_the_styles_other_tools_write_is_imported()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#"
                     xml:base="https://vocab.example.org/terms/" xml:lang="en">
              <rdf:Description rdf:about="balance-billing-xml">
                <rdf:type rdf:resource="http://www.w3.org/2004/02/skos/core#Concept"/>
                <skos:prefLabel>Balance billing</skos:prefLabel>
                <skos:definition>A bill for what the insurer did not pay &amp; the patient never agreed to.</skos:definition>
                <skos:related rdf:resource="surprise-bill-xml"/>
              </rdf:Description>
              <skos:Concept rdf:about="surprise-bill-xml" skos:prefLabel="Surprise bill">
                <skos:definition xml:lang="es">Una factura inesperada.</skos:definition>
                <skos:definition>An unexpected bill.</skos:definition>
              </skos:Concept>
            </rdf:RDF>
            """;

        var (exitCode, output, added) = await ImportAsync("vocabulary.rdf", Encoding.UTF8.GetBytes(xml));

        Assert.True(exitCode == 0, output);
        Assert.Equal(2, added);
        var terms = await app.WithDbAsync(db => db.Terms.Where(term => term.Slug.EndsWith("-xml")).OrderBy(term => term.Slug).ToListAsync());
        Assert.Equal("A bill for what the insurer did not pay & the patient never agreed to.", terms[0].Definition);
        Assert.Equal(["surprise-bill-xml"], terms[0].RelatedSlugs);
        Assert.Equal(("Surprise bill", "An unexpected bill."), (terms[1].Title, terms[1].Definition));
    }

    [Fact]
    public async Task When_one_language_is_asked_for_a_concept_labelled_only_in_another_is_skipped_with_a_reason()
    {
        var (exitCode, output, added) = await ImportAsync("es.ttl", Turtle("ex:deducible a skos:Concept ; skos:prefLabel \"Deducible\"@es ; skos:definition \"Lo que paga.\"@es .\n"), "--language", "en");

        Assert.True(exitCode == 0, output);
        Assert.Equal(0, added);
        Assert.Contains("es.ttl, line 3: \"Deducible\" is in language \"es\"; this import takes \"en\".", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concept_labelled_in_english_and_spanish_is_a_term_and_its_translation()
    {
        var (exitCode, output, added) = await ImportAsync("both.ttl", Turtle(
            "ex:skos-deductible a skos:Concept ; skos:prefLabel \"Skos deductible\"@en, \"Deducible skos\"@es ; " +
            "skos:definition \"What you pay first.\"@en, \"Lo que paga primero.\"@es-US ; skos:altLabel \"Excess\"@en .\n"));

        Assert.True(exitCode == 0, output);
        Assert.True(added == 2, output);
        var spanish = await app.WithDbAsync(db => db.Terms.SingleAsync(term => term.Language == "es" && term.Slug == "deducible-skos"));
        var english = await app.WithDbAsync(db => db.Terms.SingleAsync(term => term.Language == "en" && term.Slug == "skos-deductible"));
        Assert.Equal(english.Id, spanish.TranslationOfId);
        Assert.Equal("Lo que paga primero.", spanish.Definition);
        // An alternative label in English only is not made a Spanish one.
        Assert.Empty(spanish.Aliases);
    }

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#">
          <skos:Concept rdf:about="https://x.example/laugh"><skos:prefLabel>&lol9;</skos:prefLabel><skos:definition>x</skos:definition></skos:Concept>
        </rdf:RDF>
        """;

    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE r [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#">
          <skos:Concept rdf:about="https://x.example/secret"><skos:prefLabel>&secret;</skos:prefLabel><skos:definition>x</skos:definition></skos:Concept>
        </rdf:RDF>
        """;

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    public static TheoryData<string, string, byte[], string> BadFiles() => new()
    {
        { "empty turtle", "g.ttl", [], "g.ttl, line 1: The file is empty." },
        { "truncated turtle", "g.ttl", Turtle(Concept("whole") + "ex:cut a skos:Concept ; skos:prefLabel \"Cut"), "g.ttl, line 4: A string is never closed." },
        { "turtle missing its full stop", "g.ttl", Turtle("ex:nodot a skos:Concept"), "g.ttl, line 3: The file ends where \".\" was expected." },
        { "utf-16 turtle", "g.ttl", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Prefixes)], "g.ttl, line 1: The file is UTF-16; save it as UTF-8." },
        { "latin-1 turtle", "g.ttl", Latin1(Prefixes + Concept("cafe", "Café.")), "g.ttl, line 3: Its text is not UTF-8" },
        { "latin-1 turtle with a bom", "g.ttl", [0xEF, 0xBB, 0xBF, .. Latin1(Prefixes + Concept("cafe", "Café."))], "g.ttl, line 3: Its text is not UTF-8" },
        { "an undeclared prefix", "g.ttl", Turtle("nope:x a skos:Concept .\n"), "g.ttl, line 3: The prefix \"nope:\" is used but never declared." },
        { "10,000 nested collections", "g.ttl", Turtle($"ex:deep skos:note {new string('(', 10_000)}{new string(')', 10_000)} .\n"), "nest more than 32 deep" },
        { "duplicate slugs", "g.ttl", Turtle(Concept("twice") + "<https://other.example/twice> a skos:Concept ; skos:prefLabel \"Again\"@en ; skos:definition \"x\"@en .\n"), "g.ttl, line 4: The slug \"twice\" was already used in g.ttl, line 3." },
        { "a related term written nowhere", "g.ttl", Turtle(Concept("lonely", more: "; skos:related ex:nowhere-skos ")), "\"Term lonely\" names related term(s) that neither the glossary nor this import has: nowhere-skos." },
        { "a term related to itself", "g.ttl", Turtle(Concept("selfish", more: "; skos:related ex:selfish ")), "\"Term selfish\" is related to itself" },
        { "two preferred labels", "g.ttl", Turtle("ex:two a skos:Concept ; skos:prefLabel \"One\"@en, \"Two\"@en ; skos:definition \"x\"@en .\n"), "has two skos:prefLabels with one language tag" },
        { "a relative base", "g.ttl", Encoding.UTF8.GetBytes("@base <terms/> .\n"), "g.ttl, line 1: The base <terms/> is not an absolute IRI." },
        { "an escape beyond unicode", "g.ttl", Turtle("ex:x skos:prefLabel \"\\UFFFFFFFF\" .\n"), "g.ttl, line 3: A \\u or \\U escape needs hexadecimal digits naming a character." },
        { "10,000 nested resources", "g.rdf", Encoding.UTF8.GetBytes($"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"https://x.example/\"><rdf:Description rdf:about=\"https://x.example/deep\">{string.Concat(Enumerable.Repeat("<ex:p rdf:parseType=\"Resource\">", 10_000))}{string.Concat(Enumerable.Repeat("</ex:p>", 10_000))}</rdf:Description></rdf:RDF>"), "Nodes nest more than 64 deep." },
        { "over its limit", "g.ttl", Turtle(Concept("long", new string('d', 20_001))), "g.ttl, line 3: \"Term long\": Keep each text to 20,000 characters." },
        { "empty rdf/xml", "g.rdf", [], "g.rdf, line 1: The file is empty." },
        { "billion laughs", "g.rdf", Encoding.UTF8.GetBytes(BillionLaughs), "g.rdf, line 1: The file declares a document type (DTD)" },
        { "an external entity", "g.rdf", Encoding.UTF8.GetBytes(ExternalEntity), "The file declares a document type (DTD)" },
        { "truncated rdf/xml", "g.rdf", Encoding.UTF8.GetBytes(BillionLaughs[BillionLaughs.IndexOf("<rdf:RDF", StringComparison.Ordinal)..^20]), "g.rdf, line 2: The file is not well-formed XML" },
        { "latin-1 rdf/xml", "g.rdf", Latin1("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description rdf:about=\"https://x.example/caf\u00e9\"/>\n</rdf:RDF>"), "g.rdf, line 3: The file is not well-formed XML" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_reason_and_nothing_is_written(string kind, string fileName, byte[] bytes, string reason)
    {
        var (exitCode, output, added) = await ImportAsync(fileName, bytes);

        Assert.True(exitCode == 1, $"{kind}: {output}");
        Assert.True(output.Contains(reason, StringComparison.Ordinal), $"{kind}: {output}");
        Assert.Equal(0, added);
    }
}
