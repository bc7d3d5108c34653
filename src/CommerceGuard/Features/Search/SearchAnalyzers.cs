using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Core;
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

    public static Analyzer Stemmed { get; } = new WordsAnalyzer(stem: true);
    public static Analyzer Plain { get; } = new WordsAnalyzer(stem: false);

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

    private sealed class WordsAnalyzer(bool stem) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
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
        }

        // A term's aliases are separate names: a quoted phrase must not run from one into the next.
        public override int GetPositionIncrementGap(string fieldName) => 100;
    }
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
