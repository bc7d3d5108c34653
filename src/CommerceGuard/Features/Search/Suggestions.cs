using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.SiteLanguages;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using LuceneTerm = Lucene.Net.Index.Term;

namespace CommerceGuard.Features.Search;

/// <summary>A suggested term, as the suggestion API returns it.</summary>
/// <param name="Title">The term's title.</param>
/// <param name="Url">Its page.</param>
public sealed record Suggestion(string Title, string Url);

/// <summary>
/// Titles for a few typed letters: the last word counts as the start of a word, the others as
/// whole words, and each may carry a typo. Only published terms are suggested.
/// </summary>
public sealed class Suggestions(SearchIndex index, GlossaryDb db)
{
    public const int MinLength = 2;
    public const int MaxCount = 8;

    /// <summary>How many near spellings a typo may stand for; the closest are kept.</summary>
    private const int NearSpellings = 20;

    public async Task<IReadOnlyList<Suggestion>> ForAsync(string? text, string language = Languages.Default, CancellationToken cancellationToken = default)
    {
        var typed = GlossarySearch.Clean(text);
        if (typed.Length < MinLength)
        {
            return [];
        }
        // Until the index is built (or while a damaged one is rebuilt), titles come from the database.
        if (index.TrySearch(searcher => Suggest(searcher, typed, language), out var suggested))
        {
            return suggested;
        }
        return await db.Published(language)
            .WithTitleLike(typed, anywhere: false)
            .OrderBy(term => term.Title)
            .Take(MaxCount)
            .Select(term => new Suggestion(term.Title, SitePaths.For(language).Term(term.Slug)))
            .ToListAsync(cancellationToken);
    }

    private static List<Suggestion> Suggest(IndexSearcher searcher, string typed, string language)
    {
        // Prefixes first, as plain lookups; typos are only tried when those leave room.
        var top = searcher.Search(Build(typed, language, null), MaxCount);
        if (top.ScoreDocs.Length < MaxCount)
        {
            top = searcher.Search(Build(typed, language, searcher.IndexReader), MaxCount);
        }
        return [.. top.ScoreDocs
            .Select(score => searcher.Doc(score.Doc))
            .Select(document => new Suggestion(
                document.Get(SearchFields.Title, System.Globalization.CultureInfo.InvariantCulture),
                SitePaths.For(language).Term(document.Get(SearchFields.Slug, System.Globalization.CultureInfo.InvariantCulture))))];
    }

    /// <summary>With a reader, typos are forgiven in words that are not spelled like any title word.</summary>
    private static Query Build(string typed, string language, Lucene.Net.Index.IndexReader? forgivingWith)
    {
        var words = SearchAnalyzers.Words(SearchAnalyzers.Plain, SearchFields.TitlePlain, typed).Take(GlossarySearch.MaxWords).ToList();
        var match = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var isLast = i == words.Count - 1;
            match.Add(WordQuery(words[i], isLast, forgivingWith), Occur.MUST);
        }
        return PublicSearch.Only(match, language);
    }

    private static BooleanQuery WordQuery(string word, bool mayBeUnfinished, Lucene.Net.Index.IndexReader? forgivingWith)
    {
        var any = new BooleanQuery
        {
            { new TermQuery(new LuceneTerm(SearchFields.TitlePlain, word)) { Boost = 6 }, Occur.SHOULD },
            { new TermQuery(new LuceneTerm(SearchFields.AliasesPlain, word)) { Boost = 4 }, Occur.SHOULD },
        };
        if (mayBeUnfinished && word.Length <= SearchAnalyzers.MaxPrefix)
        {
            any.Add(new TermQuery(new LuceneTerm(SearchFields.TitlePrefixes, word)) { Boost = 3 }, Occur.SHOULD);
        }
        if (forgivingWith is not null)
        {
            TitleWords.AddNearSpellings(any, forgivingWith, word, asPrefix: mayBeUnfinished, NearSpellings, titleBoost: 4, aliasBoost: 2);
        }
        return any;
    }
}
