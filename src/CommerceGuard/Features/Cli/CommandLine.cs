using System.CommandLine;
using CommerceGuard.Data;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Search;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Cli;

/// <summary>
/// The app's verbs. With no verb (only settings such as <c>--urls</c>) the app serves; with a
/// verb it runs that command against the same configuration and database, and exits.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["glossary", "search", "users", "import", "export", "db"];

    /// <summary>Whether the arguments name a verb; anything else is the web host's own settings.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>The <c>db</c> commands look after the schema themselves; nothing migrates before them.</summary>
    public static bool ManagesSchema(string[] args) => args.Length > 0 && args[0] == "db";

    public static Task<int> RunCommandAsync(this WebApplication app, string[] args) => RunAsync(app.Services, args);

    /// <summary>Runs one command line; output goes to the console unless a writer is given (tests), input comes from the console unless a reader is given.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextReader? input = null)
    {
        var root = new RootCommand("CommerceGuard: the glossary site and its tools. Run with no verb to serve the site.");
        root.Subcommands.Add(GlossaryCommand(services));
        root.Subcommands.Add(SearchCommand(services));
        root.Subcommands.Add(UsersCommands.Create(services, input ?? Console.In));
        root.Subcommands.Add(ImportCommand.Create(services));
        root.Subcommands.Add(ExportCommand.Create(services));
        root.Subcommands.Add(DatabaseCommands.Create(services));
        var configuration = new InvocationConfiguration();
        if (output is not null)
        {
            configuration.Output = output;
            configuration.Error = output;
        }
        return await root.Parse(args).InvokeAsync(configuration);
    }

    private static Command SearchCommand(IServiceProvider services)
    {
        var reindex = new Command("reindex",
            "Rebuild the search index from scratch on every server: running servers within a second, others when they start.");
        reindex.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var sequence = await SearchIndexer.RequestRebuildAsync(
                scope.ServiceProvider.GetRequiredService<GlossaryDb>(), services.GetRequiredService<TimeProvider>(), cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine(
                $"Asked every server to rebuild its search index (change {sequence}). Running servers do it within a second; others when they start.");
            return 0;
        });
        return new Command("search", "Work on the servers' search indexes.") { reindex };
    }

    private static Command GlossaryCommand(IServiceProvider services)
    {
        var language = new Option<string>("--language") { Description = "The language to check", DefaultValueFactory = _ => Languages.Default };
        var check = new Command("check", "Report related terms listed one way only, orphans, and links to terms that do not exist. Exits 1 when links are broken.")
        {
            language,
        };
        check.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<LinkCheck>().RunAsync(parse.GetValue(language)!, cancellationToken);
            LinkReportWriter.Write(report, parse.GetValue(language)!, parse.InvocationConfiguration.Output);
            return report.Broken.Count > 0 ? 1 : 0;
        });
        return new Command("glossary", "Work on the glossary's content.") { check };
    }
}

/// <summary>Writes a <see cref="LinkReport"/> for people to read.</summary>
internal static class LinkReportWriter
{
    public static void Write(LinkReport report, string language, TextWriter output)
    {
        output.WriteLine($"Checked {report.TermCount} terms ({language}).");
        output.WriteLine();
        output.WriteLine($"Related terms listed one way only (A lists B, B does not list A): {report.OneWay.Count}");
        foreach (var (from, to) in report.OneWay)
        {
            output.WriteLine($"  {from} -> {to}");
        }
        output.WriteLine($"Orphans (no other term links to them): {report.Orphans.Count}");
        foreach (var orphan in report.Orphans)
        {
            output.WriteLine($"  {orphan}");
        }
        output.WriteLine($"Links to terms that do not exist: {report.Broken.Count}");
        foreach (var link in report.Broken)
        {
            output.WriteLine($"  {link.From} ({link.Where}) -> {link.Target}");
        }
    }
}
