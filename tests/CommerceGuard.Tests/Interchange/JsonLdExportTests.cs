using System.Text.Json;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Interchange;

/// <summary><c>export --format jsonld</c>: the published glossary as a schema.org DefinedTermSet, for other sites to read.</summary>
public sealed class JsonLdExportTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Fact]
    public async Task Every_published_term_is_a_defined_term_with_its_page_names_and_plain_definition()
    {
        var draft = await app.WithDbAsync(async db =>
        {
            var term = await db.Terms.OrderBy(term => term.Id).Skip(1).FirstAsync();
            term.Status = TermStatus.Draft;
            var withAlias = await db.Terms.OrderBy(term => term.Id).FirstAsync(term => term.Status == TermStatus.Published && term.Aliases.Count > 0);
            withAlias.Definition = "A **bold** claim with [a link](https://example.org).";
            await db.SaveChangesAsync();
            return term.Slug;
        });
        var published = await app.WithDbAsync(db => db.Terms.Where(term => term.Status == TermStatus.Published).ToListAsync());
        var path = Path.Combine(Directory.CreateTempSubdirectory("jsonld-").FullName, "glossary.jsonld");

        var (exitCode, output) = await app.RunCommandAsync("export", path, "--format", "jsonld");

        Assert.True(exitCode == 0, output);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        var set = document.RootElement;
        Assert.Equal("https://schema.org", set.GetProperty("@context").GetString());
        Assert.Equal("DefinedTermSet", set.GetProperty("@type").GetString());
        var terms = set.GetProperty("hasDefinedTerm").EnumerateArray().ToList();
        Assert.Equal(published.Count, terms.Count);
        Assert.DoesNotContain(terms, term => term.GetProperty("termCode").GetString() == draft);
        var withAlias = published.OrderBy(term => term.Id).First(term => term.Aliases.Count > 0);
        var written = terms.Single(term => term.GetProperty("termCode").GetString() == withAlias.Slug);
        Assert.Equal("DefinedTerm", written.GetProperty("@type").GetString());
        Assert.Equal(withAlias.Title, written.GetProperty("name").GetString());
        Assert.EndsWith($"/glossary/{withAlias.Slug}", written.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(withAlias.Aliases, written.GetProperty("alternateName").EnumerateArray().Select(alias => alias.GetString()));
        Assert.Equal(set.GetProperty("@id").GetString(), written.GetProperty("inDefinedTermSet").GetString());
        Assert.Equal("A bold claim with a link.", written.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Json_ld_cannot_be_imported_and_the_command_says_which_formats_can()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("jsonld-").FullName, "glossary.jsonld");
        await File.WriteAllTextAsync(path, "{}");

        var (exitCode, output) = await app.RunCommandAsync("import", path, "--format", "jsonld");

        Assert.Equal(2, exitCode);
        Assert.Contains("--format must be one of: markdown, json, csv, turtle, rdfxml.", output, StringComparison.Ordinal);
    }
}
