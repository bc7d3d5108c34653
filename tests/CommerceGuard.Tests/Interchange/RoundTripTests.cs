using CommerceGuard.Features.Cli;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Interchange;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Interchange;

/// <summary><c>export</c> then <c>import</c> into an empty glossary (no terms, no categories) gives back the same glossary, in every format.</summary>
public sealed class RoundTripTests
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
        var slugs = terms.ToDictionary(term => term.Id, term => term.Slug);
        // Keyed by language and slug; a translation names its original.
        return terms.ToDictionary(term => $"{term.Language}/{term.Slug}", term =>
            string.Join("\n|", TermFields.All.Select(field => TermFields.Text(TermContent.Of(term), field, names)))
            + $"\n|{term.Status}|{DateOnly.FromDateTime(term.ModifiedAt)}|{(term.TranslationOfId is { } original ? slugs[original] : "")}");
    });

    private static async Task<List<string>> CategoriesOf(GlossaryApp app)
    {
        var categories = await app.WithDbAsync(db => db.Categories.OrderBy(category => category.DisplayOrder).ToListAsync());
        return [.. categories.Select(category => category.Slug + "|" + category.Name + "|" + category.Description + "|"
            + string.Join("|", category.Translations.OrderBy(translation => translation.Language).Select(translation => $"{translation.Language}:{translation.Slug}:{translation.Name}:{translation.Description}")))];
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("turtle")]
    [InlineData("rdfxml")]
    public async Task Exporting_then_importing_gives_back_every_term_as_it_was(string format)
    {
        using var source = new GlossaryApp();
        await source.WithDbAsync(async db =>
        {
            // Fields the starter glossary does not use, so that they travel too.
            var term = await db.Terms.OrderBy(term => term.Id).FirstAsync();
            term.Sources =
            [
                new TermSource
                {
                    Title = "A \"quoted\" report: part 1", Kind = SourceKind.AgencyGuidance, Citation = "12 CFR § 1006.14(b) | part",
                    Address = "https://example.gov/r?a=1&b=2", Publisher = "Agency", Published = new DateOnly(1977, 9, 20),
                    Accessed = new DateOnly(2025, 4, 30), Supports = SourceSections.Misuse,
                },
                // Only the first and last parts, so that the empty ones between must travel as empty.
                new TermSource { Title = "Smith v. Jones", Supports = SourceSections.Definition },
            ];
            term.EditorNote = "Check: the figures\nnext year.";
            term.AutoLink = false;
            // Text that CSV cells and lists must carry whole: separators, escapes, formula-like starts.
            term.Examples = [.. term.Examples, "Fees; charges | costs \\; and a back\\slash\\", "- a list item", "'quoted"];
            term.Misuse = "=SUM(A1) is text here, not a formula.";
            term.Aliases = ["@handle", "+plus"];
            // Every status travels, not only published and draft.
            var others = await db.Terms.OrderBy(other => other.Id).Skip(1).Take(3).ToListAsync();
            (others[0].Status, others[1].Status, others[2].Status) = (TermStatus.InReview, TermStatus.Unpublished, TermStatus.Draft);
            await db.SaveChangesAsync();
        });
        var folder = Directory.CreateTempSubdirectory("export-").FullName;
        var path = InterchangeFormat.Named(format)!.Extension is { } extension ? Path.Combine(folder, "glossary" + extension) : folder;

        var exported = await RunAsync(source, "export", path, "--format", format);
        using var target = new GlossaryApp();
        await target.WithDbAsync(async db =>
        {
            await db.Terms.ExecuteDeleteAsync();
            await db.Categories.ExecuteDeleteAsync();
        });
        await RunAsync(target, "import", path);

        var before = await GlossaryOf(source);
        var after = await GlossaryOf(target);
        Assert.StartsWith($"Exported {before.Count} terms", exported, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (slug, text) in before)
        {
            Assert.Equal(text, after[slug]);
        }
        Assert.Equal(await CategoriesOf(source), await CategoriesOf(target));
    }
}
