using System.Diagnostics;
using System.Globalization;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Search;

namespace CommerceGuard.Benchmarks;

/// <summary>
/// Search at 100,000 terms, measured in-process: full rebuild time, index size, latency
/// percentiles of 1,000 mixed searches and 1,000 suggestions after warm-up, and process memory.
/// Run: dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- search [terms]
/// </summary>
internal static class SearchBench
{
    public static async Task RunAsync(int termCount)
    {
        var random = new Random(42);
        var words = SyntheticGlossary.Vocabulary(20_000, seed: 5);
        var titles = new List<string>(termCount);
        var folder = Directory.CreateTempSubdirectory("commerceguard-search-bench-").FullName;
        try
        {
            using var index = new SearchIndex();
            index.Open(folder);
            var markdown = new MarkdownRenderer();
            var timer = Stopwatch.StartNew();
            // Terms are generated as they are indexed and not kept, so memory is the index's, not the generator's.
            index.Replace(GenerateTerms(words, termCount, random, titles).Select(term => SearchDocument.From(term, markdown)), 1);
            var rebuild = timer.Elapsed;
            var size = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);

            var search = new GlossarySearch(index, null!);
            var suggestions = new Suggestions(index, null!);
            var queries = MixedQueries(titles, words, random, 1_200);
            var prefixes = Prefixes(titles, random, 1_200);

            var searchTimes = await MeasureAsync(queries, query => search.SearchAsync(query, 1));
            var suggestTimes = await MeasureAsync(prefixes, prefix => suggestions.ForAsync(prefix));
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var process = Process.GetCurrentProcess();

            Report($"terms: {termCount:N0}");
            Report($"full rebuild: {rebuild.TotalSeconds:F1} s; index on disk: {size / 1024.0 / 1024.0:F1} MB");
            Report($"search, 1,000 mixed queries: {Percentiles(searchTimes)}");
            string[] kinds = ["exact title", "title with a typo", "quoted title", "two common words", "no hit"];
            for (var kind = 0; kind < kinds.Length; kind++)
            {
                // The counted queries start at index 200, so query i's kind is i % 5 as generated.
                Report($"  {kinds[kind]}: {Percentiles([.. searchTimes.Where((_, i) => (i + 200) % 5 == kind)])}");
            }
            Report($"suggest, 1,000 prefixes: {Percentiles(suggestTimes)}");
            Report($"process memory after loading and querying: working set {process.WorkingSet64 / 1024 / 1024} MB, managed heap {GC.GetTotalMemory(false) / 1024 / 1024} MB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<double>> MeasureAsync<T>(List<string> inputs, Func<string, Task<T>> run)
    {
        // The first 200 warm the JIT and the index's caches and are not counted.
        foreach (var input in inputs.Take(200))
        {
            await run(input);
        }
        var times = new List<double>();
        foreach (var input in inputs.Skip(200))
        {
            var start = Stopwatch.GetTimestamp();
            await run(input);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return times;
    }

    private static string Percentiles(List<double> measured)
    {
        var times = measured.Order().ToList();
        string At(double share) => times[(int)Math.Min(times.Count - 1, share * times.Count)].ToString("F2", CultureInfo.InvariantCulture);
        return $"p50 {At(0.50)} ms, p95 {At(0.95)} ms, p99 {At(0.99)} ms, max {times[^1].ToString("F1", CultureInfo.InvariantCulture)} ms";
    }

    private static void Report(string line) => Console.WriteLine(line);

    /// <summary>Terms of realistic length: titles of one to four words, a definition of about 60 words, sections of 30 to 50.</summary>
    private static IEnumerable<Term> GenerateTerms(string[] words, int count, Random random, List<string> titles)
    {
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        string Sentences(int n) => string.Join(". ", Enumerable.Range(0, Math.Max(1, n / 12)).Select(_ => Words(12))) + ".";
        var seen = new HashSet<string>();
        while (titles.Count < count)
        {
            var title = Words(random.Next(1, 5));
            if (!seen.Add(title))
            {
                continue;
            }
            title = char.ToUpperInvariant(title[0]) + title[1..];
            titles.Add(title);
            yield return new Term
            {
                Title = title,
                Slug = $"term-{titles.Count}",
                Status = TermStatus.Published,
                Definition = Sentences(60),
                Examples = [Sentences(30), Sentences(30)],
                Misuse = Sentences(50),
                Benefits = Sentences(40),
                Conclusion = Sentences(30),
                Aliases = random.Next(3) == 0 ? [Words(2)] : [],
            };
        }
    }

    /// <summary>Exact titles, typos, phrases, several words, and queries that find nothing, in equal parts.</summary>
    private static List<string> MixedQueries(List<string> titles, string[] words, Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var title = titles[random.Next(titles.Count)];
            return (i % 5) switch
            {
                0 => title,
                1 => Typo(title, random),
                2 => $"\"{title}\"",
                3 => $"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}",
                _ => $"zq{random.Next(100_000)}xv",
            };
        })];

    private static List<string> Prefixes(List<string> titles, Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var title = titles[random.Next(titles.Count)];
            var prefix = title[..Math.Min(title.Length, random.Next(2, 8))];
            return i % 4 == 0 ? Typo(prefix, random) : prefix;
        })];

    private static string Typo(string text, Random random)
    {
        if (text.Length < 4)
        {
            return text;
        }
        var at = random.Next(1, text.Length - 1);
        return text[..at] + (char)('a' + random.Next(26)) + text[(at + 1)..];
    }
}
