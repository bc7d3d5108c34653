using System.Text;

namespace CommerceGuard.Tests.Interchange;

/// <summary>Importing the JSON format: bad files of every kind get a clear report line and change nothing.</summary>
public sealed class JsonImportTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private const string Good = """{ "title": "Good term", "slug": "good-term-x", "definition": "Fine." }""";

    private Task<(int ExitCode, string Output, int Added)> ImportAsync(byte[] bytes) =>
        ImportRuns.ImportAsync(app, "glossary.json", bytes);

    private static byte[] Glossary(params string[] terms) =>
        Encoding.UTF8.GetBytes($"{{\n  \"format\": \"commerceguard-glossary\",\n  \"version\": 1,\n  \"terms\": [\n{string.Join(",\n", terms)}\n  ]\n}}\n");

    [Fact]
    public async Task A_good_file_is_imported()
    {
        var (exitCode, output, added) = await ImportAsync(Glossary(Good.Replace("good-term-x", "good-term-y", StringComparison.Ordinal)));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Created: 1,", output, StringComparison.Ordinal);
        Assert.Equal(1, added);
    }

    [Fact]
    public async Task A_file_larger_than_the_read_window_is_read_whole_and_lines_are_counted_across_it()
    {
        // About 600 KB: the reader's window (64 KB) slides and grows across it many times.
        var terms = Enumerable.Range(0, 2000)
            .Select(i => $$"""{ "title": "Bulk term {{i}}", "slug": "bulk-term-{{i}}", "definition": "{{new string('x', 250)}}" }""")
            .Append("""{ "title": "Last", "definition": "x", "colour": "red" }""")
            .ToArray();

        var (exitCode, output, _) = await ImportAsync(Glossary(terms));

        // The last term starts on line 5 + 2000: the header takes four lines, each term one.
        Assert.Equal(1, exitCode);
        Assert.Contains("Nothing was written: 1 record(s) rejected. 2000 were fine", output, StringComparison.Ordinal);
        Assert.Contains("glossary.json, line 2005: Term 2001: The JSON property 'colour' could not be mapped", output, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "empty", [], "glossary.json, line 1: The file is empty." },
        { "truncated", Glossary(Good)[..60], "The file is not valid JSON" },
        { "utf-16", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{}")], "The file is UTF-16; save it as UTF-8." },
        { "latin-1", Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(Glossary(Good.Replace("Fine.", "Café.", StringComparison.Ordinal)))), "Term 1: Its text is not UTF-8" },
        { "latin-1 with a bom", [0xEF, 0xBB, 0xBF, .. Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(Glossary(Good.Replace("Fine.", "Café.", StringComparison.Ordinal))))], "Term 1: Its text is not UTF-8" },
        { "nested 10,000 deep", Glossary(Good, $"{{ \"title\": \"Deep\", \"definition\": \"x\", \"aliases\": {new string('[', 10_000)}{new string(']', 10_000)} }}"), "The file is not valid JSON" },
        { "unknown property", Glossary(Good, """{ "title": "Typo", "definiton": "x", "definition": "y" }"""), "glossary.json, line 6: Term 2: The JSON property 'definiton' could not be mapped" },
        { "missing definition", Glossary(Good, """{ "title": "No text" }"""), "glossary.json, line 6: Term 2: " },
        { "over its limit", Glossary(Good, $$"""{ "title": "{{new string('t', 201)}}", "definition": "x" }"""), "Keep the title to 200 characters." },
        { "a related term written nowhere", Glossary("""{ "title": "Lonely", "definition": "x", "related": ["nowhere-json"] }"""), "glossary.json, line 5: \"Lonely\" names related term(s) that neither the glossary nor this import has: nowhere-json." },
        { "a term related to itself", Glossary("""{ "title": "Selfish json", "definition": "x", "related": ["selfish-json"] }"""), "\"Selfish json\" is related to itself" },
        { "not a glossary", Encoding.UTF8.GetBytes("""{ "@context": "https://schema.org", "@type": "DefinedTermSet", "hasDefinedTerm": [] }"""), "glossary.json, line 1: The file has no \"terms\" list" },
        { "a source of an unknown kind", Glossary(Good, """{ "title": "Kinded", "definition": "x", "sources": [{ "title": "Act", "kind": "law" }] }"""), "glossary.json, line 6: Term 2: The value of sources[0].kind is not one it can take; glossary.schema.json lists what each field takes." },
        { "a source supporting no part", Glossary(Good, """{ "title": "Parted", "definition": "x", "sources": [{ "title": "Act", "supports": "footnote" }] }"""), "\"Act\" supports \"footnote\", which is not a part of a term" },
        { "duplicate slugs", Glossary(Good, Good), "glossary.json, line 6: The slug \"good-term-x\" was already used in glossary.json, line 5." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_reason_and_nothing_is_written(string kind, byte[] bytes, string reason)
    {
        var (exitCode, output, added) = await ImportAsync(bytes);

        Assert.True(exitCode == 1, $"{kind}: {output}");
        Assert.True(output.Contains(reason, StringComparison.Ordinal), output);
        Assert.Equal(0, added);
    }
}
