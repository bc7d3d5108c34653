using CommerceGuard.Features.Cli;

namespace CommerceGuard.Tests;

/// <summary>The app's command line, run against a test app's database and settings.</summary>
public static class CommandRuns
{
    /// <summary>Runs a verb as an operator would (no input), with the exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(this GlossaryApp app, params string[] args)
    {
        app.Browser(); // starts the app: migrations and the starter glossary, as on a real install
        using var output = new StringWriter();
        var exitCode = await CommandLine.RunAsync(app.Services, args, output, new StringReader(""));
        return (exitCode, output.ToString());
    }
}
