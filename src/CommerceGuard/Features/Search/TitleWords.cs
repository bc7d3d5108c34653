using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace CommerceGuard.Features.Search;

/// <summary>A title or alias word spelled close to what was typed, and how many edits apart.</summary>
internal readonly record struct NearWord(string Word, int Edits);

/// <summary>
/// The words of every title and alias, held in memory per index segment, for forgiving typos. A
/// typed word is compared only with the words that start with the same letters, which costs
/// microseconds; Lucene's fuzzy queries build Levenshtein automata for every query, which costs
/// milliseconds. Segments never change once written, so each one's words are read once.
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

    /// <summary>True when some title or alias is spelled with exactly this word.</summary>
    public static bool Contains(IndexReader reader, string word) =>
        reader.Leaves.Any(leaf => Array.BinarySearch(Of(leaf.AtomicReader), word, StringComparer.Ordinal) >= 0);

    private static string[] Of(AtomicReader segment) => BySegment.GetValue(segment.CoreCacheKey, _ => Read(segment));

    private static string[] Read(AtomicReader segment)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in new[] { SearchFields.TitlePlain, SearchFields.AliasesPlain })
        {
            var terms = segment.GetTerms(field)?.GetEnumerator();
            while (terms is not null && terms.MoveNext())
            {
                words.Add(terms.Term.Utf8ToString());
            }
        }
        return [.. words];
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
        var lastBest = 0;
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
            // A swap reaches back two rows, so only two rows both over the limit settle it.
            if (best > limit && lastBest > limit)
            {
                return limit + 1;
            }
            lastBest = best;
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
