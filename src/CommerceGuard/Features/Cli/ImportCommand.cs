using System.CommandLine;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Interchange.Importing;
using CommerceGuard.Features.Interchange;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Cli;

/// <summary><c>import &lt;path&gt;</c>: brings a glossary in, all or nothing, with a report of every record left out and why.</summary>
internal static class ImportCommand
{
    public static Command Create(IServiceProvider services)
    {
        var path = new Argument<string>("path") { Description = "A folder of Markdown files with YAML front matter, or a file in one of the formats" };
        var format = new Option<string?>("--format") { Description = $"{Readable()}; by default, markdown for a folder, otherwise the file's extension says" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be created, updated and skipped; write nothing" };
        var status = new Option<string?>("--status") { Description = "draft or published for every term, whatever the source says" };
        var category = new Option<string?>("--category") { Description = "A category (slug or name) every imported term joins" };
        var onConflict = new Option<OnConflict>("--on-conflict") { Description = "When a slug exists already: update (the default), skip or fail", DefaultValueFactory = _ => OnConflict.Update };
        var language = new Option<string?>("--language") { Description = "The one language to import, records in others skipped; every language the site is offered in when left out" };
        var linkBase = new Option<string?>("--link-base") { Description = "The source site's address, to keep links to its pages that are not terms (otherwise they are dropped, their text kept)" };
        var unwritten = new Option<bool>("--allow-unwritten-related") { Description = "Keep related terms that neither the glossary nor the import has, as terms not written yet" };
        var command = new Command("import", "Import terms, all or nothing. Exits 1 when any record is rejected, and then writes nothing.")
        {
            path, format, dryRun, status, category, onConflict, language, linkBase, unwritten,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var source = parse.GetValue(path)!;
            var named = parse.GetValue(format);
            var chosen = named is null ? InterchangeFormat.Guess(source) : InterchangeFormat.Named(named);
            if (chosen is not { CanImport: true })
            {
                output.WriteLine(named is null
                    ? $"Say which format {source} is in: --format {Readable()}."
                    : $"--format must be one of: {Readable()}.");
                return 2;
            }
            if (chosen.IsFolder ? !Directory.Exists(source) : !File.Exists(source))
            {
                output.WriteLine(chosen.IsFolder ? $"There is no folder {source}." : $"There is no file {source}.");
                return 2;
            }
            if (services.GetRequiredService<IOptions<InterchangeOptions>>().Value.SizeProblem(source, chosen) is { } tooLarge)
            {
                output.WriteLine(tooLarge);
                return 1;
            }
            var options = new ImportOptions
            {
                DryRun = parse.GetValue(dryRun),
                Status = parse.GetValue(status)?.ToLowerInvariant(),
                Category = parse.GetValue(category),
                OnConflict = parse.GetValue(onConflict),
                Language = parse.GetValue(language),
                LinkBase = parse.GetValue(linkBase),
                AllowUnwrittenRelated = parse.GetValue(unwritten),
            };
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<GlossaryImporter>();
            var who = new StaffMember(null, AuditLog.CommandLine, CanPublish: true);
            ImportReport report;
            using (var progress = ProgressDisplay.For(parse.InvocationConfiguration.Error))
            {
                report = await importer.ImportAsync(chosen, source, options, who, progress, cancellationToken);
            }
            ImportReportWriter.Write(report, output);
            return report.Succeeded ? 0 : 1;
        });
        return command;
    }

    private static string Readable() => string.Join(", ", InterchangeFormat.All.Where(format => format.CanImport).Select(format => format.Name));
}

/// <summary>Writes an <see cref="ImportReport"/> for people to read: counts first, then every line that needs a look.</summary>
internal static class ImportReportWriter
{
    public static void Write(ImportReport report, TextWriter output)
    {
        if (!report.Succeeded)
        {
            output.WriteLine($"Nothing was written: {report.Rejected.Count} record(s) rejected. {report.Acceptable} were fine, " +
                $"{report.Skipped.Count} skipped, {report.Warnings.Count} warning(s).");
        }
        else
        {
            var verb = report.DryRun ? "Dry run, nothing written. Would be created" : "Created";
            output.WriteLine($"{verb}: {report.Created.Count}, updated: {report.Updated.Count}, unchanged: {report.Unchanged.Count}, " +
                $"skipped: {report.Skipped.Count}, warnings: {report.Warnings.Count}." +
                (report.CategoriesCreated > 0 ? $" New categories: {report.CategoriesCreated}." : ""));
        }
        Section("Rejected", report.Rejected);
        Section("Skipped", report.Skipped);
        Section("Warnings", report.Warnings);

        void Section(string heading, List<ImportLine> lines)
        {
            if (lines.Count == 0)
            {
                return;
            }
            output.WriteLine($"{heading}:");
            foreach (var line in lines)
            {
                output.WriteLine(line.File.Length == 0 ? $"  {line.Message}" : $"  {line.File}, line {line.Line}: {line.Message}");
            }
        }
    }
}
