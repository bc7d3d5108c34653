using BenchmarkDotNet.Attributes;
using CommerceGuard.Features.Content;

namespace CommerceGuard.Benchmarks;

/// <summary>
/// Rendering a 1,000-word definition through the whole content pipeline (Markdown, term links,
/// automatic links, sanitizing) against glossaries of 100, 10,000 and 100,000 terms. The target:
/// the time at 100,000 terms within 2x of the time at 100, and under 1 ms a definition.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class TermRenderingBenchmarks
{
    private readonly MarkdownRenderer renderer = new();
    private TermLinks links = null!;
    private string definition = null!;

    [Params(100, 10_000, 100_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var words = SyntheticGlossary.Vocabulary(3_000);
        links = new TermLinks(SyntheticGlossary.Targets(words, Terms));
        definition = SyntheticGlossary.Definition(words, wordCount: 1_000);
    }

    [Benchmark]
    public string RenderDefinition() => renderer.Render(definition, new LinkingSession(links)).ToString()!;
}

/// <summary>A made-up glossary whose names share words, as real ones do ("health savings account", "health plan").</summary>
internal static class SyntheticGlossary
{
    public static string[] Vocabulary(int size)
    {
        var random = new Random(7);
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        return [.. Enumerable.Range(0, size)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 10)).Select(_ => letters[random.Next(letters.Length)])]))
            .Distinct()];
    }

    public static List<LinkTarget> Targets(string[] words, int count)
    {
        var random = new Random(11);
        var names = new HashSet<string>();
        while (names.Count < count)
        {
            names.Add(string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)])));
        }
        return [.. names.Select((name, i) => new LinkTarget($"term-{i}", name, $"The summary of {name}.", [name]))];
    }

    /// <summary>Plain words, with a term name every few sentences and some Markdown, 1,000 words in all.</summary>
    public static string Definition(string[] words, int wordCount)
    {
        var random = new Random(13);
        var text = new System.Text.StringBuilder();
        for (var written = 0; written < wordCount; written++)
        {
            text.Append(words[random.Next(words.Length)]);
            text.Append(written % 12 == 11 ? ". " : written % 97 == 50 ? " **bold** " : " ");
            if (written % 150 == 149)
            {
                text.Append("\n\n");
            }
        }
        return text.ToString();
    }
}
