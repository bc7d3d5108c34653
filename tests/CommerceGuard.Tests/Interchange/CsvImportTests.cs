using System.Text;
using CommerceGuard.Features.Cli;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Interchange;

/// <summary>Importing the CSV format: good files in any column order, and bad files of every kind refused with a line number and nothing written.</summary>
public sealed class CsvImportTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private const string Header = "title,slug,definition,examples,related,aliases,auto_link,modified,sources";

    private Task<(int ExitCode, string Output, int Added)> ImportAsync(byte[] bytes, params string[] options) =>
        ImportRuns.ImportAsync(app, "glossary.csv", bytes, options);

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static string Row(string slug, string definition = "Fine.", string related = "") =>
        $"Term {slug},{slug},{definition},,{related},,,,";

    [Fact]
    public async Task A_good_file_is_imported_with_its_lists_dates_and_sources()
    {
        var (exitCode, output, added) = await ImportAsync(Csv(
            "Definition ,TITLE,examples,aliases,auto_link,modified,sources,related",
            "\"A fee, charged \"\"late\"\".\",Late fee csv,\"One; two \\; still two\",LF; Late charge,no,2024-02-29,Rules | https://example.gov/r | Agency | 2025-01-31; Second source,late-fee-csv-b",
            "Another.,Late fee csv b,,,,,,"));

        Assert.True(exitCode == 0, output);
        Assert.Equal(2, added);
        var term = await app.WithDbAsync(db => db.Terms.SingleAsync(term => term.Slug == "late-fee-csv"));
        Assert.Equal("A fee, charged \"late\".", term.Definition);
        Assert.Equal(["One", "two ; still two"], term.Examples);
        Assert.Equal(["LF", "Late charge"], term.Aliases);
        Assert.False(term.AutoLink);
        Assert.Equal(new DateOnly(2024, 2, 29), DateOnly.FromDateTime(term.ModifiedAt));
        Assert.Equal(["Rules", "Second source"], term.Sources.Select(source => source.Title));
        Assert.Equal(new DateOnly(2025, 1, 31), term.Sources[0].Accessed);
        Assert.Equal(["late-fee-csv-b"], term.RelatedSlugs);
    }

    [Fact]
    public async Task A_source_cell_carries_kind_citation_date_published_and_the_part_it_supports()
    {
        var (exitCode, output, _) = await ImportAsync(Csv(Header,
            "Debt collector csv,debt-collector-csv,Fine.,,,,,,Fair Debt Collection Practices Act | https://example.gov/fdcpa | Congress | | Statute | 15 U.S.C. § 1692 | 1977-09-20 | Misuse"));

        Assert.True(exitCode == 0, output);
        var source = Assert.Single(await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "debt-collector-csv").Select(term => term.Sources).SingleAsync()));
        Assert.Equal(new TermSource
        {
            Title = "Fair Debt Collection Practices Act", Address = "https://example.gov/fdcpa", Publisher = "Congress",
            Kind = SourceKind.Statute, Citation = "15 U.S.C. § 1692", Published = new DateOnly(1977, 9, 20), Supports = SourceSections.Misuse,
        }, source);
    }

    [Fact]
    public async Task A_cell_marked_as_text_is_imported_without_its_mark()
    {
        var (exitCode, output, _) = await ImportAsync(Csv(Header, Row("marked-formula", "'=1+1 is how a spreadsheet adds.")));

        Assert.True(exitCode == 0, output);
        Assert.Equal("=1+1 is how a spreadsheet adds.", await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "marked-formula").Select(term => term.Definition).SingleAsync()));
    }

    [Fact]
    public async Task Control_characters_pasted_into_a_cell_are_dropped()
    {
        var (exitCode, output, _) = await ImportAsync(Csv(Header, Row("pasted-control", "Pasted\u0001 from a\u000B PDF.")));

        Assert.True(exitCode == 0, output);
        Assert.Equal("Pasted from a PDF.", await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "pasted-control").Select(term => term.Definition).SingleAsync()));
    }

    [Fact]
    public async Task Terms_related_to_each_other_in_a_circle_are_fine()
    {
        var (exitCode, output, added) = await ImportAsync(Csv(Header, Row("circle-a", related: "circle-b"), Row("circle-b", related: "circle-c"), Row("circle-c", related: "circle-a")));

        Assert.True(exitCode == 0, output);
        Assert.Equal(3, added);
    }

    [Fact]
    public async Task A_related_term_written_nowhere_is_kept_when_the_import_allows_it()
    {
        var (exitCode, output, added) = await ImportAsync(Csv(Header, Row("has-unwritten", related: "not-written-yet")), "--allow-unwritten-related");

        Assert.True(exitCode == 0, output);
        Assert.Equal(1, added);
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "empty", [], "glossary.csv, line 1: The file is empty." },
        { "only a byte-order mark", [0xEF, 0xBB, 0xBF], "glossary.csv, line 1: The file is empty" },
        { "truncated inside a quote", Csv(Header, Row("fine-one"), "Cut off,cut-off,\"This definition never"), "glossary.csv, line 3: The CSV is malformed here" },
        { "utf-16", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Header)], "glossary.csv, line 1: The file is UTF-16; save it as UTF-8." },
        { "utf-16 without a byte-order mark", Encoding.Unicode.GetBytes(Header), "The file is UTF-16 or UTF-32; save it as UTF-8." },
        { "latin-1", Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(Csv(Header, Row("cafe-latin", "Café.")))), "glossary.csv, line 2: Its text is not UTF-8 (Latin-1, perhaps)" },
        { "latin-1 with a bom", [0xEF, 0xBB, 0xBF, .. Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(Csv(Header, Row("cafe-latin", "Café."))))], "Its text is not UTF-8 (Latin-1, perhaps)" },
        { "unknown column", Csv("title,definiton", "X,y"), "glossary.csv, line 1: Unknown column(s) \"definiton\"" },
        { "missing column", Csv("title,slug", "X,x"), "glossary.csv, line 1: The column(s) definition are missing" },
        { "repeated column", Csv("title,definition,title", "X,y,z"), "The column(s) title appear more than once." },
        { "a row with too many cells", Csv(Header, Row("fine-two"), Row("too-many") + ",extra"), "glossary.csv, line 3: The CSV is malformed here" },
        { "duplicate slugs", Csv(Header, Row("twice"), Row("twice")), "glossary.csv, line 3: The slug \"twice\" was already used in glossary.csv, line 2." },
        { "a formula", Csv(Header, Row("formula", "\"=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"")), "glossary.csv, line 2: The definition cell starts with \"=\", which a spreadsheet would run as a formula" },
        { "a formula in a list", Csv(Header, "Term x,formula-list,Fine.,@SUM(A1:A9),,,,,"), "The examples cell starts with \"@\"" },
        { "a related term written nowhere", Csv(Header, Row("lonely", related: "nowhere-term")), "glossary.csv, line 2: \"Term lonely\" names related term(s) that neither the glossary nor this import has: nowhere-term." },
        { "a term related to itself", Csv(Header, Row("selfish", related: "selfish")), "\"Term selfish\" is related to itself" },
        { "over its limit", Csv(Header, $"{new string('t', 201)},long-title,x,,,,,,"), "Keep the title to 200 characters." },
        { "a bad date", Csv(Header, "Dated,dated,x,,,,,30/02/2024,"), "The modified cell is \"30/02/2024\"; write a date as YYYY-MM-DD." },
        { "a bad yes or no", Csv(Header, "Linked,linked,x,,,,maybe,,"), "The auto_link cell is \"maybe\"; write true or false." },
        { "a source with too many parts", Csv(Header, "Sourced,sourced,x,,,,,,a | b | c | d | statute | f | | misuse | i"), "The source \"a | b | c | d | statute | f | | misuse | i\" should be: title | address | publisher | date accessed | kind | citation | date published | part supported" },
        { "a source of an unknown kind", Csv(Header, "Sourced,sourced,x,,,,,,Act | | | | law"), "The source \"Act\" is of the kind \"law\"; name one of: statute, regulation, court-decision" },
        { "a source supporting no part of a term", Csv(Header, "Sourced,sourced,x,,,,,,Act | | | | statute | | | footnote"), "\"Act\" supports \"footnote\", which is not a part of a term" },
        { "a source published in the future", Csv(Header, "Sourced,sourced,x,,,,,,Act | | | | | | 2999-01-01"), "The date \"Act\" was published must be a real date, not in the future." },
        { "a source with a bad date published", Csv(Header, "Sourced,sourced,x,,,,,,Act | | | | | | 1977"), "The source \"Act\" has the date \"1977\"; write it as YYYY-MM-DD." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_reason_and_nothing_is_written(string kind, byte[] bytes, string reason)
    {
        var (exitCode, output, added) = await ImportAsync(bytes);

        Assert.True(exitCode == 1, $"{kind}: {output}");
        Assert.True(output.Contains(reason, StringComparison.Ordinal), $"{kind}: {output}");
        Assert.Equal(0, added);
    }

    [Fact]
    public async Task Export_marks_cells_that_a_spreadsheet_would_run()
    {
        await app.WithDbAsync(async db =>
        {
            var term = await db.Terms.OrderBy(term => term.Id).FirstAsync();
            term.Misuse = "=HYPERLINK(\"https://evil.example\",\"Click\")";
            await db.SaveChangesAsync();
        });
        var path = Path.Combine(Directory.CreateTempSubdirectory("csv-export-").FullName, "out.csv");
        using var output = new StringWriter();

        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["export", path, "--format", "csv"], output, new StringReader("")));

        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "out.categories.csv")));
    }
}
