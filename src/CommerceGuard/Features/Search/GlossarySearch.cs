using System.Text.RegularExpressions;
using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using LuceneTerm = Lucene.Net.Index.Term;

namespace CommerceGuard.Features.Search;

/// <summary>One search result: the term, its categories, and a snippet with the matched words marked.</summary>
public sealed record SearchHit(string Slug, string Title, string Categories, string SnippetHtml);

/// <summary>A page of results, and the closest titles when nothing matched.</summary>
public sealed record SearchResults(string Query, int Total, int Page, IReadOnlyList<SearchHit> Hits, IReadOnlyList<TermLink> DidYouMean)
{
    public const int PageSize = 20;
    public int PageCount => Math.Min(GlossarySearch.MaxPage, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Finds the terms a reader means. An exact title or alias comes first; then title words, aliases,
/// the definition and the other sections. Words are stemmed; one typo is forgiven in words of 4 to
/// 7 letters and two from 8; "quoted phrases" match as phrases. Readers only ever find published terms.
/// </summary>
public sealed partial class GlossarySearch(SearchIndex index, GlossaryDb db)
{
    public const int MaxQueryLength = 200;

    /// <summary>The last page shown (10,000 results): a page asks the index for every result before it, so the number is capped.</summary>
    public const int MaxPage = 500;

    /// <summary>How many near spellings a typo may stand for; the closest are kept.</summary>
    private const int FuzzyExpansions = 10;

    /// <summary>The words (or quoted phrases) of a query that count; a 200-character query rarely has more.</summary>
    internal const int MaxWords = 16;

    public async Task<SearchResults> SearchAsync(string? text, int page, string language = Languages.Default, CancellationToken cancellationToken = default)
    {
        var query = Clean(text);
        page = Math.Clamp(page, 1, MaxPage);
        if (query.Length == 0)
        {
            return new SearchResults(query, 0, page, [], []);
        }
        // Until the index is built (or while a damaged one is rebuilt), titles are searched in the database.
        return index.TrySearch(searcher => Search(searcher, query, page, language), out var results)
            ? results
            : await SearchTitlesAsync(query, page, language, cancellationToken);
    }

    private static SearchResults Search(IndexSearcher searcher, string query, int page, string language)
    {
        // Exact words first; typos are only forgiven when the exact words find nothing.
        var luceneQuery = Build(query, language, forgiveTypos: false);
        var top = searcher.Search(luceneQuery, page * SearchResults.PageSize);
        if (top.TotalHits == 0)
        {
            luceneQuery = Build(query, language, forgiveTypos: true, searcher.IndexReader);
            top = searcher.Search(luceneQuery, page * SearchResults.PageSize);
        }
        // Past the last page, the last page: the results asked for include it.
        page = Math.Min(page, Math.Max(1, (top.TotalHits + SearchResults.PageSize - 1) / SearchResults.PageSize));
        // Snippets mark the query's own words only, not the near spellings a typo stood for.
        var searchedFor = SearchAnalyzers.Words(SearchAnalyzers.Stemmed(language), SearchFields.Definition, query.Replace("\"", " ", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var hits = top.ScoreDocs.Skip((page - 1) * SearchResults.PageSize).Select(score =>
        {
            var document = searcher.Doc(score.Doc);
            var snippet = Snippet.Html(Stored(document, SearchFields.Definition), searchedFor, language);
            return new SearchHit(Stored(document, SearchFields.Slug), Stored(document, SearchFields.Title), Stored(document, SearchFields.Categories), snippet);
        }).ToList();
        // With one word, the fuzzy pass above already tried every near title: nothing is closer.
        var severalWords = QueryParts().Count(query) > 1;
        var didYouMean = top.TotalHits == 0 && severalWords ? Closest(searcher, query, language) : [];
        return new SearchResults(query, top.TotalHits, page, hits, didYouMean);
    }

    /// <summary>Trimmed, with runs of spaces made one; over 200 characters it is cut, not refused.</summary>
    public static string Clean(string? text)
    {
        var query = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return query.Length <= MaxQueryLength ? query : query[..MaxQueryLength].TrimEnd();
    }

    internal static Query Build(string query, string language, bool forgiveTypos, Lucene.Net.Index.IndexReader? reader = null)
    {
        var match = new BooleanQuery
        {
            { new TermQuery(new LuceneTerm(SearchFields.Exact, SearchDocument.ExactKey(query))) { Boost = 100 }, Occur.SHOULD },
        };
        var words = new BooleanQuery();
        foreach (Match part in QueryParts().Matches(query))
        {
            if (part.Groups["phrase"].Success)
            {
                AddRequired(words, Phrase(part.Groups["phrase"].Value, language));
                continue;
            }
            // "non-disclosure" is two words to the index, and both are required, as if typed apart.
            var stems = SearchAnalyzers.Words(SearchAnalyzers.Stemmed(language), SearchFields.Title, part.Value);
            var plains = SearchAnalyzers.Words(SearchAnalyzers.Plain, SearchFields.TitlePlain, part.Value);
            for (var i = 0; i < stems.Count; i++)
            {
                AddRequired(words, Word(stems[i], forgiveTypos ? plains[i] : null, reader));
            }
        }
        if (words.Clauses.Count > 0)
        {
            match.Add(words, Occur.SHOULD);
        }
        return PublicSearch.Only(match, language);
    }

    /// <summary>
    /// Adds one required part of the query. Parts that hold no word (a lone "&amp;") are left out
    /// rather than required, and past <see cref="MaxWords"/> parts the rest are left out too, so no
    /// query outgrows what Lucene accepts.
    /// </summary>
    private static void AddRequired(BooleanQuery words, BooleanQuery part)
    {
        if (part.Clauses.Count > 0 && words.Clauses.Count < MaxWords)
        {
            words.Add(part, Occur.MUST);
        }
    }

    /// <summary>One word of the query, in every field by its weight; with its plain form, also its near spellings.</summary>
    private static BooleanQuery Word(string stem, string? plainForTypos, Lucene.Net.Index.IndexReader? reader)
    {
        var any = new BooleanQuery
        {
            { new TermQuery(new LuceneTerm(SearchFields.Title, stem)) { Boost = 8 }, Occur.SHOULD },
            { new TermQuery(new LuceneTerm(SearchFields.Aliases, stem)) { Boost = 5 }, Occur.SHOULD },
            { new TermQuery(new LuceneTerm(SearchFields.Definition, stem)) { Boost = 2 }, Occur.SHOULD },
            { new TermQuery(new LuceneTerm(SearchFields.Body, stem)) { Boost = 1 }, Occur.SHOULD },
        };
        if (plainForTypos is not null && reader is not null)
        {
            TitleWords.AddNearSpellings(any, reader, plainForTypos, asPrefix: false, FuzzyExpansions, titleBoost: 8, aliasBoost: 6);
        }
        return any;
    }

    /// <summary>A quoted phrase, in every field by its weight; empty when the quotes hold no word.</summary>
    private static BooleanQuery Phrase(string phrase, string language)
    {
        var any = new BooleanQuery();
        foreach (var (field, boost) in new[] { (SearchFields.Title, 8f), (SearchFields.Aliases, 5f), (SearchFields.Definition, 2f), (SearchFields.Body, 1f) })
        {
            var query = new PhraseQuery { Boost = boost };
            foreach (var stem in SearchAnalyzers.Words(SearchAnalyzers.Stemmed(language), field, phrase).Take(MaxWords))
            {
                query.Add(new LuceneTerm(field, stem));
            }
            if (query.GetTerms().Length > 0)
            {
                any.Add(query, Occur.SHOULD);
            }
        }
        return any;
    }

    /// <summary>The titles closest to what was typed, for "Did you mean".</summary>
    private static List<TermLink> Closest(IndexSearcher searcher, string query, string language)
    {
        var near = new BooleanQuery();
        foreach (var plain in SearchAnalyzers.Words(SearchAnalyzers.Plain, SearchFields.TitlePlain, query).Take(MaxWords))
        {
            near.Add(new TermQuery(new LuceneTerm(SearchFields.TitlePlain, plain)) { Boost = 2 }, Occur.SHOULD);
            foreach (var word in TitleWords.Near(searcher.IndexReader, plain, asPrefix: false, FuzzyExpansions))
            {
                near.Add(new TermQuery(new LuceneTerm(SearchFields.TitlePlain, word.Word)) { Boost = 1f / (1 + word.Edits) }, Occur.SHOULD);
            }
        }
        return [.. searcher.Search(PublicSearch.Only(near, language), 5).ScoreDocs
            .Select(score => searcher.Doc(score.Doc))
            .Select(document => new TermLink(Stored(document, SearchFields.Slug), Stored(document, SearchFields.Title), language))];
    }

    /// <summary>While the index is still being built, titles that contain the query are found in the database.</summary>
    private async Task<SearchResults> SearchTitlesAsync(string query, int page, string language, CancellationToken cancellationToken)
    {
        var matches = db.Published(language).WithTitleLike(query, anywhere: true);
        var total = await matches.CountAsync(cancellationToken);
        page = Math.Min(page, Math.Max(1, (total + SearchResults.PageSize - 1) / SearchResults.PageSize));
        var hits = await matches
            .OrderBy(term => term.Title)
            .Skip((page - 1) * SearchResults.PageSize)
            .Take(SearchResults.PageSize)
            .Select(term => new SearchHit(term.Slug, term.Title, "", ""))
            .ToListAsync(cancellationToken);
        return new SearchResults(query, total, page, hits, []);
    }

    private static string Stored(Lucene.Net.Documents.Document document, string field) =>
        document.Get(field, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    [GeneratedRegex("\"(?<phrase>[^\"]+)\"|[^\\s\"]+")]
    private static partial Regex QueryParts();
}
