using System.Globalization;
using System.Text;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>One name of a term (its title or another name) as the look-alike checks meet it, with the term's title and slug.</summary>
public sealed record KnownName(string Name, string Title, string Slug);

/// <summary>
/// Keeps a title (or another name) from passing for a different term: no invisible or
/// direction-changing characters, no word that mixes alphabets that look alike (Latin "e" and
/// Cyrillic "е"), and no name that only looks like another term's slug, title or other name (see
/// <see cref="Skeleton"/>). A watchdog's glossary is a target for exactly this kind of forgery.
/// </summary>
public static class TitleLookalikes
{
    /// <summary>What is wrong with a title or other name on its own, or null.</summary>
    public static string? Problem(string name)
    {
        foreach (var rune in name.EnumerateRunes())
        {
            if (HiddenWhat(rune) is { } what)
            {
                return $"\"{Visible(name)}\" holds an invisible character ({what}, U+{rune.Value:X4}) that can make it look like something else; remove it.";
            }
        }
        foreach (var word in Words(name))
        {
            var scripts = word.Select(ScriptOf).Where(script => script is not null).Distinct().ToList();
            if (scripts.Count > 1)
            {
                return $"The word \"{word}\" mixes {string.Join(" and ", scripts)} letters, which can make it pass for another; write it in one alphabet.";
            }
        }
        return null;
    }

    /// <summary>
    /// What a name looks like, as one string: compatibility forms folded (full-width and
    /// mathematical letters become plain ones), letters of other alphabets that look like Latin
    /// ones replaced by them, lower case. Two names with one skeleton look alike on screen.
    /// </summary>
    public static string Skeleton(string name)
    {
        var folded = TermValidation.Printable(name).Normalize(NormalizationForm.FormKC);
        var skeleton = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            skeleton.Append(char.ToLowerInvariant(Prototypes.TryGetValue(c, out var latin) ? latin : c));
        }
        return skeleton.ToString();
    }

    /// <summary>
    /// The slug of the plain title a disguised one passes for ("Рrеmium" with Cyrillic letters
    /// passes for "premium"); null when the title is written in plain characters, or when
    /// letters of another alphabet are left that look like no Latin one (an honest Cyrillic title).
    /// </summary>
    public static string? PassesFor(string title)
    {
        var skeleton = Skeleton(title);
        var disguised = !skeleton.Equals(TermValidation.Printable(title).Normalize(NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase);
        return disguised && skeleton.All(c => !char.IsLetter(c) || ScriptOf(c) == "Latin") ? Slug.FromTitle(skeleton) : null;
    }

    /// <summary>
    /// The first of <paramref name="known"/> that <paramref name="name"/> looks like without being
    /// the same name: one skeleton, other characters ("ΗΙΡΑΑ" in Greek capitals and "HIPAA").
    /// The same name, in any case, is no disguise: two terms may share a title (homonyms, which
    /// then differ by slug) or another name. Null when the name looks like none of them.
    /// </summary>
    public static KnownName? Resembles(string name, IEnumerable<KnownName> known)
    {
        var skeleton = Skeleton(name);
        return known.FirstOrDefault(other => !SameName(name, other.Name) && Skeleton(other.Name) == skeleton);
    }

    /// <summary>What to tell the one who wrote a title or other name that passes for another term's slug.</summary>
    public static string Impersonates(string name, bool isTitle, string otherTitle, string otherSlug) =>
        $"The {Noun(isTitle)} \"{name}\" is written with characters that only look like plain letters, and passes for the term \"{otherTitle}\" ({otherSlug}); write it in plain letters.";

    /// <summary>What to tell the one who wrote a title or other name that looks just like another term's.</summary>
    public static string LooksLike(string name, bool isTitle, KnownName other)
    {
        var whose = other.Name == other.Title
            ? $"the title of the term \"{other.Title}\" ({other.Slug})"
            : $"\"{other.Name}\", another name of the term \"{other.Title}\" ({other.Slug})";
        return $"The {Noun(isTitle)} \"{name}\" looks just like {whose}, but is written with other characters: readers could not tell the two apart. Choose a name that looks different.";
    }

    private static string Noun(bool isTitle) => isTitle ? "title" : "other name";

    private static bool SameName(string name, string other) =>
        string.Equals(TermValidation.Printable(name).Normalize(NormalizationForm.FormC), TermValidation.Printable(other).Normalize(NormalizationForm.FormC),
            StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        foreach (var c in name.Append(' '))
        {
            if (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    /// <summary>The alphabets whose letters are mistaken for one another; null for anything else.</summary>
    private static string? ScriptOf(char c) => c switch
    {
        _ when !char.IsLetter(c) => null,
        <= '\u024F' or (>= '\u0250' and <= '\u02AF') or (>= '\u1E00' and <= '\u1EFF') or (>= '\u2C60' and <= '\u2C7F')
            or (>= '\uA720' and <= '\uA7FF') or (>= '\uAB30' and <= '\uAB6F') or (>= '\uFF21' and <= '\uFF5A') => "Latin",
        (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') => "Greek",
        (>= '\u0400' and <= '\u052F') or (>= '\u1C80' and <= '\u1C8F') or (>= '\u2DE0' and <= '\u2DFF') or (>= '\uA640' and <= '\uA69F') => "Cyrillic",
        >= '\u0531' and <= '\u058F' => "Armenian",
        (>= '\u13A0' and <= '\u13FF') or (>= '\uAB70' and <= '\uABBF') => "Cherokee",
        _ => null,
    };

    /// <summary>The name with its invisible characters shown as their code points, for the message.</summary>
    private static string Visible(string name) =>
        string.Concat(name.EnumerateRunes().Select(rune => HiddenWhat(rune) is null ? rune.ToString() : $"[U+{rune.Value:X4}]"));

    /// <summary>
    /// What an invisible character is, or null for one that shows: the named ones below, every
    /// other format character (tags, joiners, bidi controls), and variation selectors.
    /// </summary>
    private static string? HiddenWhat(Rune rune) =>
        rune.IsBmp && HiddenCharacters.TryGetValue((char)rune.Value, out var what) ? what
        : Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format ? "a formatting character"
        : rune.Value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or (>= 0x180B and <= 0x180D) ? "a variation selector"
        : null;

    /// <summary>Characters that change how the text around them shows, or show nothing at all.</summary>
    private static readonly Dictionary<char, string> HiddenCharacters = new()
    {
        ['\u00AD'] = "soft hyphen",
        ['\u034F'] = "combining grapheme joiner",
        ['\u061C'] = "Arabic letter mark",
        ['\u115F'] = "Hangul filler",
        ['\u1160'] = "Hangul filler",
        ['\u180E'] = "Mongolian vowel separator",
        ['\u200B'] = "zero-width space",
        ['\u200C'] = "zero-width non-joiner",
        ['\u200D'] = "zero-width joiner",
        ['\u200E'] = "left-to-right mark",
        ['\u200F'] = "right-to-left mark",
        ['\u202A'] = "left-to-right embedding",
        ['\u202B'] = "right-to-left embedding",
        ['\u202C'] = "pop directional formatting",
        ['\u202D'] = "left-to-right override",
        ['\u202E'] = "right-to-left override",
        ['\u2060'] = "word joiner",
        ['\u2061'] = "invisible function application",
        ['\u2062'] = "invisible times",
        ['\u2063'] = "invisible separator",
        ['\u2064'] = "invisible plus",
        ['\u2066'] = "left-to-right isolate",
        ['\u2067'] = "right-to-left isolate",
        ['\u2068'] = "first strong isolate",
        ['\u2069'] = "pop directional isolate",
        ['\u3164'] = "Hangul filler",
        ['\uFEFF'] = "zero-width no-break space",
        ['\uFFA0'] = "half-width Hangul filler",
    };

    /// <summary>
    /// Letters of other alphabets drawn like Latin ones, with the Latin letter each passes for
    /// (a selection from Unicode's confusables data: the ones that fool the eye in a title).
    /// </summary>
    private static readonly Dictionary<char, char> Prototypes = new()
    {
        // Cyrillic
        ['а'] = 'a', ['е'] = 'e', ['і'] = 'i', ['ј'] = 'j', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['ѕ'] = 's',
        ['у'] = 'y', ['х'] = 'x', ['һ'] = 'h', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ӏ'] = 'l', ['ү'] = 'y',
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['І'] = 'I', ['Ј'] = 'J', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H',
        ['О'] = 'O', ['Р'] = 'P', ['С'] = 'C', ['Ѕ'] = 'S', ['Т'] = 'T', ['У'] = 'Y', ['Х'] = 'X', ['Ү'] = 'Y',
        ['Ԛ'] = 'Q', ['Ԝ'] = 'W', ['Ӏ'] = 'l',
        // Greek
        ['α'] = 'a', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['υ'] = 'u', ['χ'] = 'x',
        ['ϲ'] = 'c', ['ϳ'] = 'j', ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I',
        ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N', ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X',
        // Armenian
        ['օ'] = 'o', ['ս'] = 'u', ['ց'] = 'g', ['հ'] = 'h', ['ո'] = 'n', ['զ'] = 'q', ['Օ'] = 'O', ['Ս'] = 'U', ['Տ'] = 'S',
        // Latin letters that pass for others
        ['ı'] = 'i', ['ȷ'] = 'j', ['ɡ'] = 'g', ['ɑ'] = 'a', ['ɩ'] = 'i', ['ʏ'] = 'y',
    };
}
