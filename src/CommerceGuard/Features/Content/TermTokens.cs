using System.Globalization;
using System.Text;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Content;

/// <summary>A word or symbol of running text: where it is, and the form it is matched by.</summary>
public readonly record struct TermToken(int Start, int Length, string Key);

/// <summary>
/// How text is cut into tokens for matching term names. A word is a run of letters and digits,
/// with apostrophes inside it ("fee's"); any other symbol but a hyphen is a token of its own
/// ("401(k)", "C++"). Hyphens and spaces only separate, so "at-will" matches "at will".
/// Keys are lower-case, without accents and without a possessive "'s".
/// </summary>
public static class TermTokens
{
    public static List<TermToken> Tokenize(string text)
    {
        var tokens = new List<TermToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (IsWordPart(text, i, out var width))
            {
                var start = i;
                while (i < text.Length && (IsWordPart(text, i, out width) || IsInnerApostrophe(text, i)))
                {
                    i += IsInnerApostrophe(text, i) ? 1 : width;
                }
                tokens.Add(new TermToken(start, i - start, WordKey(text.AsSpan(start, i - start))));
                continue;
            }
            var c = text[i];
            if (!char.IsWhiteSpace(c) && !IsHyphen(c))
            {
                tokens.Add(new TermToken(i, width, text.Substring(i, width)));
            }
            i += width;
        }
        return tokens;
    }

    /// <summary>
    /// Whether the character (or surrogate pair) at <paramref name="index"/> belongs to a word:
    /// a letter, a digit, any combining mark, or a zero-width joiner or non-joiner.
    /// </summary>
    private static bool IsWordPart(string text, int index, out int width)
    {
        if (!Rune.TryGetRuneAt(text, index, out var rune))
        {
            width = 1;
            return false;
        }
        width = rune.Utf16SequenceLength;
        return Rune.IsLetterOrDigit(rune)
            || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            || rune.Value is 0x200C or 0x200D;
    }

    /// <summary>A hyphen between two word characters, as in "at-will" or "1099-K".</summary>
    public static bool IsJoiningHyphen(string text, int index) =>
        index > 0 && index < text.Length - 1 && IsHyphen(text[index])
        && char.IsLetterOrDigit(text[index - 1]) && char.IsLetterOrDigit(text[index + 1]);

    /// <summary>The keys of a name, for building a matcher.</summary>
    public static string[] Keys(string name) => [.. Tokenize(name).Select(token => token.Key)];

    /// <summary>The plural forms of an English word key: "fee" → "fees", "tax" → "taxes", "policy" → "policies".</summary>
    public static IEnumerable<string> Plurals(string key)
    {
        if (key.Length < 2 || !char.IsLetter(key[^1]))
        {
            yield break;
        }
        if (key.EndsWith('s') || key.EndsWith('x') || key.EndsWith('z') || key.EndsWith("ch", StringComparison.Ordinal) || key.EndsWith("sh", StringComparison.Ordinal))
        {
            yield return key + "es";
        }
        else if (key.EndsWith('y') && !"aeiou".Contains(key[^2], StringComparison.Ordinal))
        {
            yield return key[..^1] + "ies";
        }
        else
        {
            yield return key + "s";
        }
    }

    private static string WordKey(ReadOnlySpan<char> word)
    {
        // Most words are plain ASCII: lower-case them in place and allocate once.
        if (Ascii.IsValid(word))
        {
            Span<char> lower = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
            Ascii.ToLower(word, lower, out _);
            return new string(WithoutPossessive(lower));
        }
        var key = Slug.WithoutAccents(word.ToString()).ToLowerInvariant().Replace('’', '\'');
        return new string(WithoutPossessive(key));
    }

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> key) =>
        key.EndsWith("'s") ? key[..^2] : key.TrimEnd('\'');

    private static bool IsInnerApostrophe(string text, int i) =>
        text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]);

    private static bool IsHyphen(char c) => c is '-' or '‐' or '‑';
}
