using System.CommandLine;
using CommerceGuard.Features.Interchange;
using CommerceGuard.Features.Interchange.Exporting;

namespace CommerceGuard.Features.Cli;

/// <summary><c>export &lt;path&gt;</c>: writes the whole glossary out in a format other tools (and <c>import</c>) read.</summary>
internal static class ExportCommand
{
    public static Command Create(IServiceProvider services)
    {
        var path = new Argument<string>("path") { Description = "The folder (markdown) or file to write" };
        var format = new Option<string>("--format")
        {
            Description = string.Join("; ", InterchangeFormat.All.Select(format => $"{format.Name}: {format.Label}")),
            DefaultValueFactory = _ => InterchangeFormat.Markdown.Name,
        };
        var command = new Command("export", "Export every term and category.") { path, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (InterchangeFormat.Named(parse.GetValue(format)) is not { } chosen)
            {
                output.WriteLine($"--format must be one of: {string.Join(", ", InterchangeFormat.All.Select(format => format.Name))}.");
                return 2;
            }
            await using var scope = services.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<GlossaryExporter>();
            int count;
            using (var progress = ProgressDisplay.For(parse.InvocationConfiguration.Error))
            {
                exporter.Progress = progress;
                count = await exporter.ExportAsync(chosen, parse.GetValue(path)!, cancellationToken);
            }
            output.WriteLine($"Exported {count} terms to {parse.GetValue(path)}.");
            return 0;
        });
        return command;
    }
}
