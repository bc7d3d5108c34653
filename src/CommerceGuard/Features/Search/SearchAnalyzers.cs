using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Util;

namespace CommerceGuard.Features.Search;

/// <summary>
/// How text becomes searchable words. Stemmed fields match "fees" to "fee" ("deducibles" to
/// "deducible"), each language by its own rules; plain fields keep words whole so that typos can
/// be forgiven against the word as written. Both ignore case, accents and possessives, and split
/// at hyphens ("non-compete" is "non" "compete").
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly ConcurrentDictionary<string, Analyzer> StemmedByLanguage = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Analyzer> PerFieldByLanguage = new(StringComparer.Ordinal);

    /// <summary>
    /// Words stemmed by the language's rules: English by Porter's, as always; any other by the
    /// Snowball stemmer named for it ("Spanish"), or not at all when Lucene has none.
    /// </summary>
    public static Analyzer Stemmed(string language) => StemmedByLanguage.GetOrAdd(language, code => new WordsAnalyzer(StemmerFor(code)));

    public static Analyzer Plain { get; } = new WordsAnalyzer(stream => new ASCIIFoldingFilter(stream));

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

    /// <summary>The analyzer of every field of a language's terms: plain for the <c>_plain</c> fields, stemmed otherwise.</summary>
    public static Analyzer PerField(string language) => PerFieldByLanguage.GetOrAdd(language, code =>
        new PerFieldAnalyzerWrapper(Stemmed(code), new Dictionary<string, Analyzer>
        {
            [SearchFields.TitlePlain] = Plain,
            [SearchFields.AliasesPlain] = Plain,
            [SearchFields.TitlePrefixes] = Prefixes,
        }));

    /// <summary>
    /// What makes a language's lower-cased words into stems without accents. Snowball's stemmers
    /// read the accents ("-ción"), so they come off after; Porter's English, before.
    /// </summary>
    private static Func<TokenStream, TokenStream> StemmerFor(string language)
    {
        if (language == Glossary.Languages.Default)
        {
            return stream => new PorterStemFilter(new ASCIIFoldingFilter(stream));
        }
        var name = Glossary.Languages.Culture(language).EnglishName.Split(' ')[0];
        var snowball = typeof(SnowballFilter).Assembly.GetType($"Lucene.Net.Tartarus.Snowball.Ext.{name}Stemmer");
        return snowball is null
            ? stream => new ASCIIFoldingFilter(stream)
            : stream => new ASCIIFoldingFilter(new SnowballFilter(stream, name));
    }

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

    /// <param name="words">What becomes of the lower-cased words: accents folded, stemmed or not.</param>
    private sealed class WordsAnalyzer(Func<TokenStream, TokenStream> words) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
            stream = words(new LowerCaseFilter(Version, stream));
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
