using System.Diagnostics;
using System.Globalization;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Search;

namespace CommerceGuard.Benchmarks;

/// <summary>
/// Search at 100,000 terms, measured in-process: full rebuild time, index size, latency
/// percentiles of 1,000 mixed searches and 1,000 suggestions after warm-up, and process memory.
/// Run: dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- search [terms] [--keep-index folder]
/// </summary>
internal static class SearchBench
{
    /// <param name="termCount">How many terms to generate and index.</param>
    /// <param name="keptIndex">A folder to keep the index in between runs; a run that finds one there skips the rebuild.</param>
    /// <param name="databaseFile">
    /// A database made by <c>generate</c> with the same size and seed 1: the index is then built
    /// from it exactly as the site builds it, rather than from terms generated in memory.
    /// </param>
    public static async Task RunAsync(int termCount, string? keptIndex, string? databaseFile)
    {
        var random = new Random(42);
        var glossary = new GeneratedGlossary(termCount, seed: 1);
        var (titles, words) = (glossary.Titles, glossary.Vocabulary);
        var folder = keptIndex ?? Directory.CreateTempSubdirectory("commerceguard-search-bench-").FullName;
        try
        {
            using var index = new SearchIndex();
            index.Open(folder);
            var markdown = new MarkdownRenderer();
            var timer = Stopwatch.StartNew();
            var terms = glossary.Terms();
            if (index.Sequence > 0)
            {
                index.Confirm();
                Report("(index kept from an earlier run: no rebuild)");
            }
            else if (databaseFile is not null)
            {
                await using var app = await GenerateCommand.OpenAsync(databaseFile);
                var count = await GenerateCommand.WithDbAsync(app, db => SearchIndexer.RebuildAsync(index, db, markdown, CancellationToken.None));
                Report($"(built from {databaseFile} as the site builds it: {count:N0} terms)");
            }
            else
            {
                // Terms are generated as they are indexed and not kept, so memory is the index's, not the generator's.
                index.Replace(terms, term => SearchDocument.From(term, markdown), 1, DateTime.UtcNow);
            }
            var rebuild = timer.Elapsed;
            var size = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);

            var search = new GlossarySearch(index, null!);
            var suggestions = new Suggestions(index, null!);
            // Warm-up inputs are drawn like the counted ones but are not the same, so no answer is merely remembered.
            var (warmQueries, queries) = (MixedQueries(titles, words, random, 3_000), MixedQueries(titles, words, random, 1_000));
            var (warmPrefixes, prefixes) = (Prefixes(titles, random, 3_000), Prefixes(titles, random, 1_000));
            var searched = await MeasureAsync(warmQueries, queries, query => search.SearchAsync(query, 1));
            var suggested = await MeasureAsync(warmPrefixes, prefixes, prefix => suggestions.ForAsync(prefix));
            static List<string> ExactTitles(List<string> mixed) => [.. mixed.Where((_, i) => i % 5 == 0)];
            var bare = await MeasureAsync(ExactTitles(warmQueries), ExactTitles(queries), title => Task.FromResult(BareLucene(index, title)));
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var process = Process.GetCurrentProcess();

            Report($"terms: {termCount:N0}");
            Report($"full rebuild: {rebuild.TotalSeconds:F1} s; index on disk: {size / 1024.0 / 1024.0:F1} MB");
            var (searchTimes, suggestTimes) = (searched.Times, suggested.Times);
            Report($"search, 1,000 mixed queries: {Percentiles(searchTimes)}");
            Report($"  ({searched.Collected})");
            string[] kinds = ["exact title", "title with a typo", "quoted title", "two common words", "no hit"];
            for (var kind = 0; kind < kinds.Length; kind++)
            {
                Report($"  {kinds[kind]}: {Percentiles([.. searchTimes.Where((_, i) => i % 5 == kind)])}");
            }
            Report($"  baseline, bare Lucene: the exact titles as title-word term queries, top 20 loaded: {Percentiles(bare.Times)}");
            Report($"suggest, 1,000 prefixes: {Percentiles(suggestTimes)}");
            Report($"  ({suggested.Collected})");
            Report($"  with a typo: {Percentiles([.. suggestTimes.Where((_, i) => i % 4 == 0)])}");
            foreach (var length in new[] { 2, 3, 4, 5, 6, 7 })
            {
                Report($"  {length} letters, as typed: {Percentiles([.. suggestTimes.Where((_, i) => i % 4 != 0 && prefixes[i].Length == length)])}");
            }
            Report($"process memory after loading and querying: working set {process.WorkingSet64 / 1024 / 1024} MB, managed heap {GC.GetTotalMemory(false) / 1024 / 1024} MB");
        }
        finally
        {
            if (keptIndex is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Times each counted input after a warm-up of at least 3,000 other inputs and 5 seconds, so
    /// the JIT has compiled its optimized code and the index's files are in memory, as on a
    /// server that has been up a while.
    /// </summary>
    private static async Task<Timings> MeasureAsync<T>(List<string> warmUp, List<string> counted, Func<string, Task<T>> run)
    {
        var warming = Stopwatch.StartNew();
        do
        {
            foreach (var input in warmUp)
            {
                await run(input);
            }
        }
        while (warming.Elapsed < TimeSpan.FromSeconds(5));
        var times = new List<double>(counted.Count);
        var (collections, paused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
        foreach (var input in counted)
        {
            var start = Stopwatch.GetTimestamp();
            await run(input);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return new Timings(times, GC.CollectionCount(0) - collections, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
    }

    /// <summary>The least a search can do: every title word in the title field, the top 20 documents read.</summary>
    private static int BareLucene(SearchIndex index, string title) => index.TrySearch(searcher =>
    {
        var query = new Lucene.Net.Search.BooleanQuery();
        foreach (var word in title.ToLowerInvariant().Split(' '))
        {
            query.Add(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(SearchFields.TitlePlain, word)), Lucene.Net.Search.Occur.MUST);
        }
        var top = searcher.Search(query, 20);
        return top.ScoreDocs.Sum(score => searcher.Doc(score.Doc).Fields.Count);
    }, out var fields) ? fields : throw new InvalidOperationException("The index did not answer.");

    /// <summary>Each timed call's milliseconds, and the garbage collections that happened meanwhile.</summary>
    private sealed record Timings(List<double> Times, int Collections, double PausedMilliseconds)
    {
        public string Collected => $"{Times.Count:N0} timed calls: {Collections} garbage collections, {PausedMilliseconds:F1} ms paused in all";
    }

    private static string Percentiles(List<double> measured)
    {
        var times = measured.Order().ToList();
        string At(double share) => times[(int)Math.Min(times.Count - 1, share * times.Count)].ToString("F2", CultureInfo.InvariantCulture);
        return $"p50 {At(0.50)} ms, p95 {At(0.95)} ms, p99 {At(0.99)} ms, max {times[^1].ToString("F1", CultureInfo.InvariantCulture)} ms";
    }

    private static void Report(string line) => Console.WriteLine(line);

    /// <summary>Exact titles, typos, phrases, several words, and queries that find nothing, in equal parts.</summary>
    internal static List<string> MixedQueries(List<string> titles, IReadOnlyList<string> words, Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var title = titles[random.Next(titles.Count)];
            return (i % 5) switch
            {
                0 => title,
                1 => Typo(title, random),
                2 => $"\"{title}\"",
                3 => $"{words[random.Next(words.Count)]} {words[random.Next(words.Count)]}",
                _ => $"zq{random.Next(100_000)}xv",
            };
        })];

    internal static List<string> Prefixes(List<string> titles, Random random, int count) =>
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
