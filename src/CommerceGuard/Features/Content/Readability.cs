using System.Text.RegularExpressions;

namespace CommerceGuard.Features.Content;

/// <summary>A text's counts, and its Flesch–Kincaid grade: the US school grade a reader needs to follow it.</summary>
public sealed record ReadabilityScore(int Words, int Sentences, int Syllables)
{
    /// <summary>0.39 × words per sentence + 11.8 × syllables per word − 15.59 (Kincaid et al., 1975); 0 for no words.</summary>
    public double Grade => Words == 0 || Sentences == 0 ? 0 : (0.39 * Words / Sentences) + (11.8 * Syllables / Words) - 15.59;
}

/// <summary>A sentence and how many words it has.</summary>
public sealed record MeasuredSentence(string Text, int Words);

/// <summary>
/// Flesch–Kincaid for English text. Syllables are counted by the usual rules of thumb (groups of
/// vowels, a silent final e, -es and -ed that add none), which are right for most words and off
/// by one for some; over a paragraph the grade is within a fraction of a hand count.
/// </summary>
public static partial class Readability
{
    /// <summary>Scores plain text given as lines: each line ends a sentence, as a paragraph or list item does.</summary>
    public static ReadabilityScore Score(IEnumerable<string> lines)
    {
        var sentences = Sentences(lines);
        var words = sentences.SelectMany(WordsOf).ToList();
        return new ReadabilityScore(words.Count, sentences.Count, words.Sum(Syllables));
    }

    /// <summary>The longest sentences, longest first, of at least <paramref name="minimumWords"/> words.</summary>
    public static IReadOnlyList<MeasuredSentence> Longest(IEnumerable<string> lines, int count, int minimumWords) =>
        [.. Sentences(lines).Select(sentence => new MeasuredSentence(sentence, WordsOf(sentence).Count()))
            .Where(sentence => sentence.Words >= minimumWords)
            .OrderByDescending(sentence => sentence.Words)
            .Take(count)];

    /// <summary>The sentences of the lines: split after . ! or ? followed by a space, except after common abbreviations.</summary>
    public static List<string> Sentences(IEnumerable<string> lines)
    {
        var sentences = new List<string>();
        foreach (var line in lines)
        {
            var start = 0;
            foreach (Match end in SentenceEnd().Matches(line))
            {
                var candidate = line[start..(end.Index + end.Length)].Trim();
                if (EndsInAbbreviation(candidate))
                {
                    continue;
                }
                AddIfWords(sentences, candidate);
                start = end.Index + end.Length;
            }
            AddIfWords(sentences, line[start..].Trim());
        }
        return sentences;
    }

    /// <summary>How many syllables a word has, by rule of thumb; at least one.</summary>
    public static int Syllables(string word)
    {
        var letters = new string([.. word.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
        if (letters.Length == 0)
        {
            // A number or symbol: read as one word.
            return 1;
        }
        // Endings that add no syllable: "makes", "liked", "name"; but "wanted", "boxes", "table" keep theirs.
        letters = SilentEnding().Replace(letters, "");
        letters = LeadingY().Replace(letters, "");
        // Two vowels read apart count twice: "pre-mi-um", "ev-al-u-a-tion" (but not "qual-i-ty", "lan-guage").
        var groups = VowelGroup().Count(letters) + SplitVowels().Count(letters);
        return Math.Max(1, groups);
    }

    private static IEnumerable<string> WordsOf(string sentence) =>
        WordPattern().Matches(sentence).Select(match => match.Value);

    private static void AddIfWords(List<string> sentences, string text)
    {
        if (WordPattern().IsMatch(text))
        {
            sentences.Add(text);
        }
    }

    private static bool EndsInAbbreviation(string text)
    {
        var last = text.Split(' ')[^1].ToLowerInvariant();
        return Abbreviations.Contains(last) || SingleInitial().IsMatch(last);
    }

    private static readonly HashSet<string> Abbreviations =
        ["e.g.", "i.e.", "etc.", "vs.", "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "u.s.", "u.s.c.", "inc.", "co.", "jr.", "sr.", "approx.", "cf.", "p.", "pp.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."];

    [GeneratedRegex(@"[.!?]+[""'”’)\]]*(?=\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?:[^laeiouysxzh]es|[^tdaeiouy]ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();

    [GeneratedRegex("(?<=[^qg])(?:iu|ua)")]
    private static partial Regex SplitVowels();

    [GeneratedRegex(@"^[a-z]\.$")]
    private static partial Regex SingleInitial();
}
