using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Interchange;

/// <summary>
/// <c>import</c> of a folder of Markdown files, with the real HealthCare.gov glossary of 2013 as
/// a Jekyll site kept it: 227 English files (three drafts), 227 Spanish in <c>es/</c> (fourteen
/// drafts, one empty), scripts in many bodies.
/// </summary>
public sealed class MarkdownImportTests
{
    private static readonly string HealthcareGov = Path.Combine(AppContext.BaseDirectory, "Interchange", "Datasets", "healthcare-gov-glossary");

    private static Task<(int ExitCode, string Output)> RunAsync(GlossaryApp app, params string[] args) =>
        app.RunCommandAsync(["import", .. args]);

    /// <summary>The counts on a report's first line, by name ("created" → 218).</summary>
    private static Dictionary<string, int> Counts(string output) =>
        System.Text.RegularExpressions.Regex.Matches(output.Split('\n')[0], @"(?<name>[a-z]+): (?<count>\d+)")
            .ToDictionary(match => match.Groups["name"].Value, match => int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A folder of term files written for one test.</summary>
    private static string Folder(params (string Name, string Text)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("import-").FullName;
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }
        return folder;
    }

    private static string Term(string title, string definition, string extra = "") => $"---\ntitle: {title}\n{extra}---\n{definition}\n";

    [Fact]
    public async Task The_healthcare_gov_glossary_comes_in_published_in_both_languages_without_its_drafts_or_scripts()
    {
        using var app = new GlossaryApp();
        var before = await app.WithDbAsync(db => db.Terms.CountAsync());

        var (exitCode, output) = await RunAsync(app, HealthcareGov);
        var imported = await app.WithDbAsync(db => db.Terms.CountAsync()) - before;

        var counts = Counts(output.Replace("Created", "created", StringComparison.Ordinal));

        // 224 English terms and 212 Spanish; the starter glossary shares a few slugs with it, and
        // those terms are updated, the rest created.
        Assert.Equal(0, exitCode);
        Assert.Equal(436, counts["created"] + counts["updated"]);
        Assert.Equal(counts["created"], imported);
        // Drafts in both languages, and a Spanish file with a title and no text.
        Assert.Equal(18, counts["skipped"]);
        foreach (var draft in new[] { "0100-01-01-affordable-care-act.md", "0100-01-01-individual-responsibility.md", "2013-06-07-deductible.md", "es/2013-06-05-fee.md" })
        {
            Assert.Contains($"{draft}, line 1: ", output, StringComparison.Ordinal);
        }
        Assert.Contains("es/0100-01-01-affordable-insurance-exchange.md, line 1: \"Intercambio del Seguro Asequible\" has a title and no text", output, StringComparison.Ordinal);
        Assert.Contains("2013-06-05-fee.md, line 1: Links to /what-if-someone-doesnt-have-health-coverage-in-2014, a page that is not a term", output, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Definition.Contains("<script"))));
    }

    [Fact]
    public async Task Each_spanish_term_is_paired_with_the_english_file_of_its_name_and_the_rest_are_reported()
    {
        using var app = new GlossaryApp();

        var (_, output) = await RunAsync(app, HealthcareGov);
        // The Spanish terms the import wrote (it updates a few of the starter glossary's): each has a revision saying so.
        var spanish = await app.WithDbAsync(db => db.Terms
            .Where(term => term.Language == "es" && db.Revisions.Any(revision => revision.TermId == term.Id && revision.Summary.StartsWith("Imported from es/")))
            .Select(term => new { term.Slug, Original = db.Terms.Where(original => original.Id == term.TranslationOfId).Select(original => original.Slug).FirstOrDefault() })
            .ToListAsync());

        Assert.Equal(212, spanish.Count);
        Assert.Equal(210, spanish.Count(term => term.Original is not null));
        Assert.Contains(spanish, term => term.Slug == "cantidad-autorizada" && term.Original == "allowed-amount");
        // A translation whose file has no English file of its name, and one whose original is a draft.
        Assert.Contains("es/2013-06-17-outpatient-hospital-care.md, line 1: \"Cuidado hospitalario para pacientes ambulatorios\" (es) is paired with no English term: imported on its own.", output, StringComparison.Ordinal);
        Assert.Contains("es/0100-01-01-affordable-care-act.md, line 1: \"Ley del Cuidado de Salud a Bajo Precio\" (es) translates \"affordable-care-act\", which neither the glossary nor this import has", output, StringComparison.Ordinal);
        // English terms with no Spanish one are named too.
        Assert.Contains("2013-06-05-fee.md, line 1: \"Fee\" has no translation into \"es\": it is shown in English only.", output, StringComparison.Ordinal);
        // Translators gave two terms one title: the second's slug is numbered, and the report says so.
        Assert.Contains(spanish, term => term.Slug == "servicios-de-rehabilitacion-2" && term.Original == "rehabilitative-rehabilitation-services");
        Assert.Contains("es/0100-01-01-rehabilitative-rehabilitation-services.md, line 1: \"Servicios de rehabilitación\" has the title of another term in \"es\", so its slug is \"servicios-de-rehabilitacion-2\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imported_terms_link_to_each_other_and_their_pages_carry_no_script()
    {
        using var app = new GlossaryApp();
        await RunAsync(app, HealthcareGov);

        var allowed = await app.Browser().GetPageAsync("/glossary/allowed-amount");
        var grandfathered = await app.Browser().GetAsync(new Uri("/glossary/grandfathered", UriKind.Relative));
        var revision = await app.WithDbAsync(db => db.Revisions.Join(db.Terms.Where(term => term.Slug == "allowed-amount"),
            revision => revision.TermId, term => term.Id, (revision, term) => revision.Summary).SingleAsync());

        Assert.NotNull(allowed.QuerySelector(".term-definition a[href='/glossary/balance-billing']"));
        Assert.DoesNotContain("<script>$(", await grandfathered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Imported from 0100-01-01-allowed-amount.md (markdown)", revision);
    }

    [Fact]
    public async Task Importing_the_same_folder_twice_changes_nothing_the_second_time()
    {
        using var app = new GlossaryApp();
        await RunAsync(app, HealthcareGov);
        var revisions = await app.WithDbAsync(db => db.Revisions.CountAsync());

        var (exitCode, output) = await RunAsync(app, HealthcareGov);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Created: 0, updated: 0, unchanged: 436,", output, StringComparison.Ordinal);
        Assert.Equal(revisions, await app.WithDbAsync(db => db.Revisions.CountAsync()));
    }

    [Fact]
    public async Task A_dry_run_reports_and_writes_nothing()
    {
        using var app = new GlossaryApp();
        var before = await app.WithDbAsync(db => db.Terms.CountAsync());

        var (exitCode, output) = await RunAsync(app, HealthcareGov, "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Dry run, nothing written.", output, StringComparison.Ordinal);
        Assert.Equal(436, Counts(output)["created"] + Counts(output)["updated"]);
        Assert.Equal(before, await app.WithDbAsync(db => db.Terms.CountAsync()));
    }

    [Fact]
    public async Task One_bad_record_and_nothing_is_written_with_the_file_line_and_reason()
    {
        using var app = new GlossaryApp();
        var folder = Folder(
            ("good.md", Term("Good term", "Fine.")),
            ("bad.md", "---\ntitle: Bad term\n---\nText.\n\n## Footnotes\n\nNot a section.\n"),
            ("untitled.md", "---\nslug: untitled\n---\nText.\n"));
        var before = await app.WithDbAsync(db => db.Terms.CountAsync());

        var (exitCode, output) = await RunAsync(app, folder);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Nothing was written: 2 record(s) rejected. 1 were fine", output, StringComparison.Ordinal);
        Assert.Contains("bad.md, line 6: '## Footnotes' is not a section of a term", output, StringComparison.Ordinal);
        Assert.Contains("untitled.md, line 2: The front matter has no title.", output, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Terms.CountAsync()));
    }

    [Fact]
    public async Task Two_files_with_one_slug_are_refused_naming_the_first()
    {
        using var app = new GlossaryApp();
        var folder = Folder(("a.md", Term("Copay", "One.", "slug: copay-x\n")), ("b.md", Term("Copay again", "Two.", "slug: copay-x\n")));

        var (exitCode, output) = await RunAsync(app, folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("b.md, line 1: The slug \"copay-x\" was already used in a.md, line 1.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_slug_is_updated_skipped_or_refused_as_asked()
    {
        using var app = new GlossaryApp();
        await RunAsync(app, Folder(("t.md", Term("Coinsurance", "First text.", "slug: coinsurance-x\n"))));
        var changed = Folder(("t.md", Term("Coinsurance", "Second text.", "slug: coinsurance-x\n")));

        var (failCode, failOutput) = await RunAsync(app, changed, "--on-conflict", "fail");
        var (_, skipOutput) = await RunAsync(app, changed, "--on-conflict", "skip");
        var afterSkip = await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "coinsurance-x").Select(term => term.Definition).SingleAsync());
        var (_, updateOutput) = await RunAsync(app, changed);
        var afterUpdate = await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "coinsurance-x").Select(term => term.Definition).SingleAsync());

        Assert.Equal(1, failCode);
        Assert.Contains("already has a term with the slug \"coinsurance-x\"", failOutput, StringComparison.Ordinal);
        Assert.Contains("left as it is", skipOutput, StringComparison.Ordinal);
        Assert.Equal("First text.", afterSkip);
        Assert.StartsWith("Created: 0, updated: 1,", updateOutput, StringComparison.Ordinal);
        Assert.Equal("Second text.", afterUpdate);
    }

    [Fact]
    public async Task Status_and_category_options_apply_to_every_term()
    {
        using var app = new GlossaryApp();
        var category = await app.WithDbAsync(db => db.Categories.Select(category => category.Name).FirstAsync());

        var (exitCode, _) = await RunAsync(app, Folder(("t.md", Term("Stop loss", "Text.", "slug: stop-loss-x\n"))), "--status", "draft", "--category", category);
        var term = await app.WithDbAsync(db => db.Terms.Include(term => term.Categories).SingleAsync(term => term.Slug == "stop-loss-x"));

        Assert.Equal(0, exitCode);
        Assert.Equal(CommerceGuard.Features.Glossary.TermStatus.Draft, term.Status);
        Assert.Equal([category], term.Categories.Select(joined => joined.Name));
    }
}
