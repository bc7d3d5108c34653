using BenchmarkDotNet.Attributes;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Search;

namespace CommerceGuard.Benchmarks;

/// <summary>
/// Finding the terms a 1,000-word text mentions, the automatic links' own step without Markdown or
/// sanitizing, against glossaries of 100, 10,000 and 100,000 terms (the text of
/// <see cref="TermRenderingBenchmarks.RenderDefinition"/>: 20 mentions, the rest everyday words).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class AutoLinkBenchmarks
{
    private TermLinks links = null!;
    private string definition = null!;

    [Params(100, 10_000, 100_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup() => (links, definition, _) = SyntheticGlossary.WithTexts(Terms);

    [Benchmark]
    public int FindMentions() => links.Matcher.Find(definition).Count();
}

/// <summary>A slug for each of 1,000 generated titles, as the editor and importers make them.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class SlugBenchmarks
{
    private List<string> titles = null!;

    [GlobalSetup]
    public void Setup() => titles = new GeneratedGlossary(1_000, seed: 1).Titles;

    [Benchmark]
    public int SlugsOfAThousandTitles()
    {
        var length = 0;
        foreach (var title in titles)
        {
            length += Slug.FromTitle(title).Length;
        }
        return length;
    }
}

/// <summary>Filing a whole glossary under the A–Z index's headings, in title order, as the index's listing is built after a change.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class AlphabetGroupingBenchmarks
{
    private List<TermLink> terms = null!;

    [Params(1_000, 100_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var glossary = new GeneratedGlossary(Terms, seed: 1);
        terms = [.. glossary.Titles.Zip(glossary.Slugs, (title, slug) => new TermLink(slug, title, "en"))];
    }

    [Benchmark]
    public int GroupByLetter() => AlphabetIndex.For("en").Group(terms, term => term.Title).Count;
}

/// <summary>
/// One search and one suggestion against an index of 100,000 generated terms, the queries drawn
/// as <see cref="SearchBench"/> draws them (exact titles, typos, quoted titles, two common words,
/// words no term has; prefixes of 2–7 letters, a quarter with a typo), taken in turn.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class SearchQueryBenchmarks : IDisposable
{
    private string folder = null!;
    private SearchIndex index = null!;
    private GlossarySearch search = null!;
    private Suggestions suggestions = null!;
    private List<string> queries = null!;
    private List<string> prefixes = null!;
    private int next;

    [Params(100_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var glossary = new GeneratedGlossary(Terms, seed: 1);
        folder = Directory.CreateTempSubdirectory("commerceguard-search-micro-").FullName;
        index = new SearchIndex();
        index.Open(folder);
        var markdown = new MarkdownRenderer();
        index.Replace(glossary.Terms(), term => SearchDocument.From(term, markdown), 1, DateTime.UtcNow);
        var random = new Random(42);
        queries = SearchBench.MixedQueries(glossary.Titles, glossary.Vocabulary, random, 1_000);
        prefixes = SearchBench.Prefixes(glossary.Titles, random, 1_000);
        // Neither needs the database while the index is ready.
        search = new GlossarySearch(index, null!);
        suggestions = new Suggestions(index, null!);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            index.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Benchmark]
    public async Task<int> Search() => (await search.SearchAsync(queries[next++ % queries.Count], 1)).Total;

    [Benchmark]
    public async Task<int> Suggest() => (await suggestions.ForAsync(prefixes[next++ % prefixes.Count])).Count;
}
