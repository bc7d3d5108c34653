using System.Text;
using CommerceGuard.Features.Cli;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Interchange;

/// <summary>Bad files in a Markdown folder: each is one rejected line naming the file, and nothing is written.</summary>
public sealed class MarkdownBadFileTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly byte[] Good = Encoding.UTF8.GetBytes("---\ntitle: Good markdown term\nslug: good-markdown-term\n---\nFine.\n");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "empty", [], "bad.md, line 1: The file is empty." },
        { "truncated front matter", Utf8("---\ntitle: Cut off\nslug: cut"), "bad.md, line 3: The front matter is never closed" },
        { "utf-16", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("---\ntitle: Wide\n---\nText.\n")], "bad.md, line 1: The file is UTF-16; save it as UTF-8." },
        { "latin-1", Latin1("---\ntitle: Caf\u00e9\n---\nText.\n"), "bad.md, line 2: Its text is not UTF-8" },
        { "latin-1 with a bom", [0xEF, 0xBB, 0xBF, .. Latin1("---\ntitle: T\n---\nCaf\u00e9.\n")], "bad.md, line 4: Its text is not UTF-8" },
        { "over its limit", Utf8($"---\ntitle: {new string('t', 201)}\n---\nText.\n"), "Keep the title to 200 characters." },
        { "a related term written nowhere", Utf8("---\ntitle: Lonely md\nrelated: [nowhere-md]\n---\nText.\n"), "names related term(s) that neither the glossary nor this import has: nowhere-md." },
        { "a term related to itself", Utf8("---\ntitle: Selfish md\nslug: selfish-md\nrelated: [selfish-md]\n---\nText.\n"), "\"Selfish md\" is related to itself" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_reason_and_nothing_is_written(string kind, byte[] bytes, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("markdown-bad-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "good.md"), Good);
        await File.WriteAllBytesAsync(Path.Combine(folder, "bad.md"), bytes);
        using var output = new StringWriter();
        app.Browser();
        var before = await app.WithDbAsync(db => db.Terms.CountAsync());

        var exitCode = await CommandLine.RunAsync(app.Services, ["import", folder], output, new StringReader(""));

        Assert.True(exitCode == 1, $"{kind}: {output}");
        Assert.True(output.ToString().Contains(reason, StringComparison.Ordinal), $"{kind}: {output}");
        Assert.Equal(before, await app.WithDbAsync(db => db.Terms.CountAsync()));
    }
}
