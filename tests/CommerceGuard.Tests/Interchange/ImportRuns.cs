using CommerceGuard.Features.Cli;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Interchange;

/// <summary>Runs <c>import</c> on a file as someone at the command line would.</summary>
internal static class ImportRuns
{
    /// <summary>Writes the bytes to a fresh folder as <paramref name="fileName"/> and imports them.</summary>
    /// <returns>The exit code, what the command printed, and how many terms the glossary gained.</returns>
    public static async Task<(int ExitCode, string Output, int Added)> ImportAsync(
        GlossaryApp app, string fileName, byte[] bytes, params string[] options)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("import-").FullName, fileName);
        await File.WriteAllBytesAsync(path, bytes);
        using var output = new StringWriter();
        app.Browser();
        var before = await app.WithDbAsync(db => db.Terms.CountAsync());
        var exitCode = await CommandLine.RunAsync(app.Services, ["import", path, .. options], output, new StringReader(""));
        return (exitCode, output.ToString(), await app.WithDbAsync(db => db.Terms.CountAsync()) - before);
    }
}
