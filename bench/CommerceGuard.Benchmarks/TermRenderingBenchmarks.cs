using BenchmarkDotNet.Attributes;
using CommerceGuard.Features.Content;

namespace CommerceGuard.Benchmarks;

/// <summary>
/// Rendering a 1,000-word definition through the whole content pipeline (Markdown, term links,
/// automatic links, sanitizing) against glossaries of 100, 10,000 and 100,000 terms.
/// The target: at 100,000 terms within 2x of the time at 100, and under 1 ms a definition.
/// <see cref="RenderDefinition"/> holds the text's mentions fixed (20 mentions of 20 terms that
/// every glossary size has), so only the size of the glossary changes: that is the target's measure.
/// Many names start with an everyday word of the text ("health" in "health savings account"),
/// so the bigger the glossary, the more of the text's words step into the trie before failing.
/// <see cref="RenderDenseDefinition"/> draws every word from the term names' own vocabulary, so a
/// larger glossary also means more of the text's words are terms and more links come out.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class TermRenderingBenchmarks
{
    private readonly MarkdownRenderer renderer = new();
    private TermLinks links = null!;
    private string definition = null!;
    private string denseDefinition = null!;

    [Params(100, 10_000, 100_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (links, definition, denseDefinition) = SyntheticGlossary.WithTexts(Terms);
    }

    [Benchmark(Baseline = true)]
    public string RenderDefinition() => renderer.Render(definition, new LinkingSession(links)).ToString()!;

    [Benchmark]
    public string RenderDenseDefinition() => renderer.Render(denseDefinition, new LinkingSession(links)).ToString()!;
}

/// <summary>A made-up glossary whose names share words, as real ones do ("health savings account", "health plan").</summary>
internal static class SyntheticGlossary
{
    /// <summary>
    /// A glossary of <paramref name="terms"/> names and two 1,000-word texts: one of everyday
    /// words mentioning 20 terms every size has, one made of the names' own words.
    /// </summary>
    public static (TermLinks Links, string Definition, string DenseDefinition) WithTexts(int terms)
    {
        var termWords = Vocabulary(3_000, seed: 7);
        var plainWords = Vocabulary(3_000, seed: 8).Except(termWords).ToArray();
        var targets = Targets(termWords, plainWords, terms);
        return (
            new TermLinks(targets),
            Definition(plainWords, [.. targets.Take(20).Select(target => target.Title)], wordCount: 1_000),
            Definition(termWords, [], wordCount: 1_000));
    }

    public static string[] Vocabulary(int size, int seed)
    {
        var random = new Random(seed);
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        return [.. Enumerable.Range(0, size)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 10)).Select(_ => letters[random.Next(letters.Length)])]))
            .Distinct()];
    }

    /// <summary>
    /// Names of one to three words from <paramref name="words"/>; half the longer ones start with
    /// an everyday word. The same seed gives every size the same first names.
    /// </summary>
    public static List<LinkTarget> Targets(string[] words, string[] everyday, int count)
    {
        var random = new Random(11);
        var names = new List<string>();
        var seen = new HashSet<string>();
        while (names.Count < count)
        {
            var length = random.Next(1, 4);
            var first = length > 1 && random.Next(2) == 0 ? everyday[random.Next(everyday.Length)] : words[random.Next(words.Length)];
            var name = string.Join(' ', [first, .. Enumerable.Range(1, length - 1).Select(_ => words[random.Next(words.Length)])]);
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }
        return [.. names.Select((name, i) => new LinkTarget($"term-{i}", name, $"The summary of {name}.", [name]))];
    }

    /// <summary>1,000 words in sentences and paragraphs with a little Markdown, a mention every 50 words.</summary>
    public static string Definition(string[] words, string[] mentions, int wordCount)
    {
        var random = new Random(13);
        var text = new System.Text.StringBuilder();
        for (var written = 0; written < wordCount; written++)
        {
            text.Append(mentions.Length > 0 && written % 50 == 25 ? mentions[written / 50 % mentions.Length] : words[random.Next(words.Length)]);
            text.Append(written % 12 == 11 ? ". " : written % 97 == 50 ? " **bold** " : " ");
            if (written % 150 == 149)
            {
                text.Append("\n\n");
            }
        }
        return text.ToString();
    }
}
