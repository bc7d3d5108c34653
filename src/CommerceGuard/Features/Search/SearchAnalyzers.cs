using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CommerceGuard.Features.Search;

/// <summary>
/// How text becomes searchable words. Stemmed fields match "fees" to "fee"; plain fields keep
/// words whole so that typos can be forgiven against the word as written. Both ignore case,
/// accents and possessives, and split at hyphens ("non-compete" is "non" "compete").
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Stemmed { get; } = Create(stem: true);
    public static Analyzer Plain { get; } = Create(stem: false);

    /// <summary>The first 2 to 15 letters of every title word, so a suggestion's prefix is a plain lookup.</summary>
    public static Analyzer Prefixes { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new Lucene.Net.Analysis.NGram.EdgeNGramTokenFilter(Version, stream, 2, MaxPrefix);
        return new TokenStreamComponents(tokenizer, stream);
    });

    public const int MaxPrefix = 15;

    /// <summary>The analyzer of every field: plain for the <c>_plain</c> fields, stemmed otherwise.</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzerWrapper(Stemmed, new Dictionary<string, Analyzer>
    {
        [SearchFields.TitlePlain] = Plain,
        [SearchFields.AliasesPlain] = Plain,
        [SearchFields.TitlePrefixes] = Prefixes,
    });

    /// <summary>The words an analyzer makes of a text, in order.</summary>
    public static List<string> Words(Analyzer analyzer, string field, string text)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }
        stream.End();
        return words;
    }

    private static Analyzer Create(bool stem) => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        if (stem)
        {
            stream = new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    });
}

/// <summary>The fields of a term's search document.</summary>
internal static class SearchFields
{
    public const string Key = "key";
    public const string Slug = "slug";
    public const string Language = "language";
    public const string Status = "status";
    public const string Exact = "exact";
    public const string Title = "title";
    public const string TitlePlain = "title_plain";
    public const string TitlePrefixes = "title_prefixes";
    public const string Aliases = "aliases";
    public const string AliasesPlain = "aliases_plain";
    public const string Definition = "definition";
    public const string Body = "body";
    public const string Categories = "categories";
}

/// <summary>What readers may find: published terms of one language.</summary>
internal static class PublicSearch
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> Filters = new(StringComparer.Ordinal);

    /// <summary>
    /// The query, kept to published terms in the language. The restriction is a filter whose
    /// matches are remembered per index segment, so it costs a bit lookup per document rather
    /// than a walk through two lists that hold nearly every document.
    /// </summary>
    public static Query Only(Query match, string language) =>
        new FilteredQuery(match, Filters.GetOrAdd(language, Published));

    private static Filter Published(string language) =>
        new CachingWrapperFilter(new QueryWrapperFilter(new BooleanQuery
        {
            { new TermQuery(new Lucene.Net.Index.Term(SearchFields.Status, "published")), Occur.MUST },
            { new TermQuery(new Lucene.Net.Index.Term(SearchFields.Language, language)), Occur.MUST },
        }));

    /// <summary>A LIKE pattern for titles that start with (or contain) the text, its wildcards removed.</summary>
    public static string LikePattern(string text, bool anywhere) =>
        (anywhere ? "%" : "") + text.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
}
