using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CommerceGuard.Features.Search;

/// <summary>A title or alias word spelled close to what was typed, and how many edits apart.</summary>
internal readonly record struct NearWord(string Word, int Edits);

/// <summary>
/// The words of published titles and aliases, held in memory per index segment, for forgiving
/// typos. A typed word is compared only with the words that start with the same letters, which
/// costs microseconds; Lucene's fuzzy queries build Levenshtein automata for every query, which
/// costs milliseconds. A segment's words never change once written, so each segment's are read
/// once. A term changed or deleted since leaves its old words in the list until its segment is
/// merged away; they only ever stand for near spellings that then match nothing.
/// </summary>
internal static class TitleWords
{
    private static readonly ConditionalWeakTable<object, string[]> BySegment = [];

    /// <summary>Typos forgiven in a word of this many letters: none under 4, one up to 7, two from 8.</summary>
    public static int EditsAllowed(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;

    /// <summary>
    /// Title and alias words within the allowed edits of <paramref name="typed"/>, closest first. A
    /// transposition counts as one edit, and the first letter (the first two, when two edits are
    /// allowed) must be right: people rarely mistype how a word starts. With
    /// <paramref name="asPrefix"/>, the typed letters may be the start of a longer word.
    /// </summary>
    public static List<NearWord> Near(IndexReader reader, string typed, bool asPrefix, int limit)
    {
        var edits = EditsAllowed(typed.Length);
        if (edits == 0)
        {
            return [];
        }
        var start = typed[..edits];
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var words = Of(leaf.AtomicReader);
            for (var i = FirstStartingWith(words, start); i < words.Length && words[i].StartsWith(start, StringComparison.Ordinal); i++)
            {
                var distance = Spelling.Distance(typed, words[i], edits, asPrefix);
                if (distance <= edits && distance < found.GetValueOrDefault(words[i], int.MaxValue))
                {
                    found[words[i]] = distance;
                }
            }
        }
        return [.. found
            .OrderBy(near => near.Value)
            .ThenBy(near => Math.Abs(near.Key.Length - typed.Length))
            .ThenBy(near => near.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(near => new NearWord(near.Key, near.Value))];
    }

    /// <summary>
    /// For a word not spelled like any published title or alias word (so perhaps a typo), adds its
    /// near spellings to <paramref name="query"/> in the title and alias fields, the closer the stronger.
    /// </summary>
    public static void AddNearSpellings(Lucene.Net.Search.BooleanQuery query, IndexReader reader, string word, bool asPrefix, int limit, float titleBoost, float aliasBoost)
    {
        if (Contains(reader, word))
        {
            return;
        }
        foreach (var near in Near(reader, word, asPrefix, limit))
        {
            var closeness = 1f / (1 + near.Edits);
            query.Add(new TermQuery(new Term(SearchFields.TitlePlain, near.Word)) { Boost = titleBoost * closeness }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(SearchFields.AliasesPlain, near.Word)) { Boost = aliasBoost * closeness }, Occur.SHOULD);
        }
    }

    /// <summary>True when some title or alias is spelled with exactly this word.</summary>
    public static bool Contains(IndexReader reader, string word) =>
        reader.Leaves.Any(leaf => Array.BinarySearch(Of(leaf.AtomicReader), word, StringComparer.Ordinal) >= 0);

    private static string[] Of(AtomicReader segment) => BySegment.GetValue(segment.CoreCacheKey, _ => Read(segment));

    /// <summary>
    /// The segment's title and alias words that some published term uses. A word only a draft uses
    /// is left out, so that how a query is treated never tells a reader what a draft says.
    /// </summary>
    private static string[] Read(AtomicReader segment)
    {
        var published = Published(segment);
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in new[] { SearchFields.TitlePlain, SearchFields.AliasesPlain })
        {
            var terms = segment.GetTerms(field)?.GetEnumerator();
            DocsEnum? documents = null;
            while (terms is not null && terms.MoveNext())
            {
                documents = terms.Docs(null, documents, DocsFlags.NONE);
                if (AnyOf(documents, published))
                {
                    words.Add(terms.Term.Utf8ToString());
                }
            }
        }
        return [.. words];
    }

    private static bool[] Published(AtomicReader segment)
    {
        var published = new bool[segment.MaxDoc];
        var documents = segment.GetTermDocsEnum(new Term(SearchFields.Status, "published"));
        for (var document = documents?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; document != DocIdSetIterator.NO_MORE_DOCS; document = documents!.NextDoc())
        {
            published[document] = true;
        }
        return published;
    }

    private static bool AnyOf(DocsEnum documents, bool[] wanted)
    {
        for (var document = documents.NextDoc(); document != DocIdSetIterator.NO_MORE_DOCS; document = documents.NextDoc())
        {
            if (wanted[document])
            {
                return true;
            }
        }
        return false;
    }

    private static int FirstStartingWith(string[] words, string start)
    {
        var at = Array.BinarySearch(words, start, StringComparer.Ordinal);
        return at >= 0 ? at : ~at;
    }
}

/// <summary>How far apart two spellings are.</summary>
internal static class Spelling
{
    /// <summary>
    /// The optimal string alignment distance (insertions, deletions, substitutions and swaps of two
    /// neighbouring letters, each one edit), or <paramref name="limit"/> + 1 once it is certainly
    /// more than the limit. With <paramref name="asPrefix"/>, the distance to the closest start of
    /// <paramref name="word"/>: "insurn" is one edit from "insurance".
    /// </summary>
    public static int Distance(string typed, string word, int limit, bool asPrefix)
    {
        var columns = asPrefix ? Math.Min(word.Length, typed.Length + limit) : word.Length;
        if (!asPrefix && Math.Abs(word.Length - typed.Length) > limit)
        {
            return limit + 1;
        }
        Span<int> beforeLast = stackalloc int[columns + 1];
        Span<int> last = stackalloc int[columns + 1];
        Span<int> row = stackalloc int[columns + 1];
        for (var j = 0; j <= columns; j++)
        {
            last[j] = j;
        }
        for (var i = 1; i <= typed.Length; i++)
        {
            row[0] = i;
            var best = i;
            for (var j = 1; j <= columns; j++)
            {
                var cost = typed[i - 1] == word[j - 1] ? 0 : 1;
                var distance = Math.Min(Math.Min(last[j] + 1, row[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && typed[i - 1] == word[j - 2] && typed[i - 2] == word[j - 1])
                {
                    distance = Math.Min(distance, beforeLast[j - 2] + 1);
                }
                row[j] = distance;
                best = Math.Min(best, distance);
            }
            // No later row has a smaller least value (a swap costs as much as the substitution it
            // stands beside), so a row wholly over the limit settles it.
            if (best > limit)
            {
                return limit + 1;
            }
            var spare = beforeLast;
            beforeLast = last;
            last = row;
            row = spare;
        }
        var result = asPrefix ? Min(last) : last[columns];
        return Math.Min(result, limit + 1);
    }

    private static int Min(Span<int> row)
    {
        var min = int.MaxValue;
        foreach (var value in row)
        {
            min = Math.Min(min, value);
        }
        return min;
    }
}
