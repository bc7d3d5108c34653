using CommerceGuard.Features.Glossary.Versions;

namespace CommerceGuard.Tests.Glossary.Versions;

/// <summary>"Cite this term" names the version read and its permanent address, in four styles.</summary>
public sealed class CitationTests
{
    [Fact]
    public async Task A_term_page_cites_its_current_version_in_apa_mla_chicago_and_bibtex()
    {
        using var app = new GlossaryApp().With("Accounts:PublicUrl", "https://commerceguard.example");

        var cite = (await app.Browser().GetPageAsync("/glossary/therapeutic-relationship")).QuerySelector("#cite")!;

        const string Address = "https://commerceguard.example/glossary/therapeutic-relationship/v/1";
        Assert.Equal(Address, cite.QuerySelector("p a")!.GetAttribute("href"));
        Assert.Equal(["APA", "MLA", "Chicago", "BibTeX"], cite.QuerySelectorAll("dt").Select(dt => dt.Text()));
        Assert.Equal(
            $"Commerce Accountability Project. (2024, April 30). Therapeutic Relationship (Version 1). In CommerceGuard glossary. {Address}",
            cite.QuerySelector("#citation-apa")!.Text());
        Assert.Equal("CommerceGuard glossary", cite.QuerySelector("#citation-apa i")!.Text());
        Assert.Equal(
            "\u201CTherapeutic Relationship.\u201D CommerceGuard glossary, Commerce Accountability Project, version 1, 30 Apr. 2024, commerceguard.example/glossary/therapeutic-relationship/v/1.",
            cite.QuerySelector("#citation-mla")!.Text());
        Assert.Equal(
            $"Commerce Accountability Project. \u201CTherapeutic Relationship.\u201D Version 1. CommerceGuard glossary. April 30, 2024. {Address}.",
            cite.QuerySelector("#citation-chicago")!.Text());
        Assert.Equal(
            string.Join('\n',
                "@misc{commerceguard:therapeutic-relationship:v1,",
                "  author       = {{Commerce Accountability Project}},",
                "  title        = {Therapeutic Relationship},",
                "  howpublished = {CommerceGuard glossary},",
                "  version      = {1},",
                "  year         = {2024},",
                "  month        = apr,",
                "  url          = {" + Address + "},",
                "}"),
            cite.QuerySelector("#citation-bibtex")!.TextContent);
        // Each has a copy button, shown by script, carrying the plain text.
        Assert.Equal(cite.QuerySelector("#citation-apa")!.Text(), cite.QuerySelector("[data-copy=citation-apa]")!.GetAttribute("data-text"));
    }

    [Fact]
    public async Task An_earlier_version_is_cited_at_its_own_address_and_date()
    {
        using var app = new GlossaryApp().With("Accounts:PublicUrl", "https://commerceguard.example");
        await app.EditAsync("therapeutic-relationship", content => content with { Conclusion = "A later conclusion." });

        var cite = (await app.Browser().GetPageAsync("/glossary/therapeutic-relationship/v/1")).QuerySelector("#cite")!;

        Assert.StartsWith("Commerce Accountability Project. (2024, April 30). Therapeutic Relationship (Version 1).", cite.QuerySelector("#citation-apa")!.Text(), StringComparison.Ordinal);
        var current = (await app.Browser().GetPageAsync("/glossary/therapeutic-relationship")).QuerySelector("#citation-apa")!.Text();
        Assert.Contains("(Version 2)", current, StringComparison.Ordinal);
        Assert.EndsWith("/glossary/therapeutic-relationship/v/2", current, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fees & charges: 10% off_now {sic} #1 $5", @"Fees \& charges: 10\% off\_now \{sic\} \#1 \$5")]
    [InlineData(@"back\slash ~ ^", @"back\textbackslash{}slash \textasciitilde{} \textasciicircum{}")]
    public void Bibtex_escapes_the_characters_it_would_otherwise_read_as_commands(string title, string escaped)
    {
        var bibtex = Citations.BibTex(new CitedTerm(title, 3, new DateTime(2025, 9, 3), "https://example.org/glossary/x/v/3", "Org", "Glossary", "x"));

        Assert.Contains($"title        = {{{escaped}}},", bibtex.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mla_abbreviates_long_month_names_as_its_handbook_does()
    {
        var mla = Citations.Mla(new CitedTerm("Fee", 2, new DateTime(2025, 9, 3), "https://example.org/glossary/fee/v/2", "Org", "Glossary", "fee"));

        Assert.Equal("\u201CFee.\u201D Glossary, Org, version 2, 3 Sept. 2025, example.org/glossary/fee/v/2.", mla.Text);
    }
}
