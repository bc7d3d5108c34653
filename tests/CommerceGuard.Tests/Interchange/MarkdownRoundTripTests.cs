using CommerceGuard.Features.Cli;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Interchange;

/// <summary><c>export --format markdown</c> then <c>import</c> into a glossary with no terms gives back the same glossary.</summary>
public sealed class MarkdownRoundTripTests
{
    private static async Task<string> RunAsync(GlossaryApp app, params string[] args)
    {
        using var output = new StringWriter();
        app.Browser();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, args, output, new StringReader("")));
        return output.ToString();
    }

    /// <summary>Every term as text, field by field, with what readers see of its state and date.</summary>
    private static Task<Dictionary<string, string>> GlossaryOf(GlossaryApp app) => app.WithDbAsync(async db =>
    {
        var terms = await db.Terms.AsNoTracking().Include(term => term.Categories).ToListAsync();
        var names = await db.Categories.ToDictionaryAsync(category => category.Id, category => category.Slug);
        return terms.ToDictionary(term => term.Slug, term =>
            string.Join("\n|", TermFields.All.Select(field => TermFields.Text(TermContent.Of(term), field, names)))
            + $"\n|{term.Status == TermStatus.Published}|{DateOnly.FromDateTime(term.ModifiedAt)}");
    });

    [Fact]
    public async Task Exporting_then_importing_gives_back_every_term_as_it_was()
    {
        using var source = new GlossaryApp();
        await source.WithDbAsync(async db =>
        {
            // Fields the starter glossary does not use, so that they travel too.
            var term = await db.Terms.OrderBy(term => term.Id).FirstAsync();
            term.Sources = [new TermSource { Title = "A \"quoted\" report: part 1", Address = "https://example.gov/r?a=1&b=2", Publisher = "Agency", Accessed = new DateOnly(2025, 4, 30) }];
            term.EditorNote = "Check: the figures\nnext year.";
            term.AutoLink = false;
            await db.SaveChangesAsync();
        });
        var folder = Directory.CreateTempSubdirectory("export-").FullName;

        var exported = await RunAsync(source, "export", folder, "--format", "markdown");
        using var target = new GlossaryApp();
        await target.WithDbAsync(db => db.Terms.ExecuteDeleteAsync());
        await RunAsync(target, "import", folder);

        var before = await GlossaryOf(source);
        var after = await GlossaryOf(target);
        Assert.StartsWith($"Exported {before.Count} terms", exported, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (slug, text) in before)
        {
            Assert.Equal(text, after[slug]);
        }
    }
}
