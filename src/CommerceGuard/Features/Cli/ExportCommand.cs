using System.CommandLine;
using CommerceGuard.Features.Interchange.Exporting;

namespace CommerceGuard.Features.Cli;

/// <summary><c>export &lt;path&gt;</c>: writes the whole glossary out in a format other tools (and <c>import</c>) read.</summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["markdown", "json"];

    public static Command Create(IServiceProvider services)
    {
        var path = new Argument<string>("path") { Description = "The folder (markdown) or file (json) to write" };
        var format = new Option<string>("--format") { Description = "markdown: categories.json and terms/{slug}.md; json: one file, as glossary.schema.json describes", DefaultValueFactory = _ => "markdown" };
        var command = new Command("export", "Export every term and category.") { path, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var chosen = parse.GetValue(format)!.ToLowerInvariant();
            if (!Formats.Contains(chosen))
            {
                output.WriteLine($"--format must be one of: {string.Join(", ", Formats)}.");
                return 2;
            }
            await using var scope = services.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<GlossaryExporter>();
            var count = chosen == "json"
                ? await exporter.ExportJsonAsync(parse.GetValue(path)!, cancellationToken)
                : await exporter.ExportMarkdownAsync(parse.GetValue(path)!, cancellationToken);
            output.WriteLine($"Exported {count} terms to {parse.GetValue(path)}.");
            return 0;
        });
        return command;
    }
}
