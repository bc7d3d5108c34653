using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CommerceGuard.Features.Glossary;

/// <summary>
/// The rules for the last part of a term's or category's address: lower-case ASCII letters,
/// digits and single hyphens, neither starting nor ending with a hyphen.
/// </summary>
public static partial class Slug
{
    public const int MaxLength = 100;

    public static bool IsValid(string? slug) =>
        slug is { Length: > 0 and <= MaxLength } && ValidSlug().IsMatch(slug);

    /// <summary>
    /// Derives a slug from a title: accents dropped ("Café" → "cafe"), "&amp;" read as "and",
    /// every other run of non-letters and non-digits one hyphen. Empty when the title has no
    /// letter or digit that maps to ASCII.
    /// </summary>
    public static string FromTitle(string title)
    {
        var slug = new StringBuilder(title.Length);
        var pendingHyphen = false;
        foreach (var c in WithoutAccents(title.Replace("&", " and ", StringComparison.Ordinal)))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }
                slug.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (c is not '\'' and not '’')
            {
                // Apostrophes join ("Worker's" → "workers"); anything else separates words.
                pendingHyphen = true;
            }
        }
        return Truncate(slug.ToString());
    }

    /// <summary>
    /// The text with accents dropped. Letters that do not decompose into a base letter and a mark
    /// ("ß", "æ", "ø", …) are spelled out the way English writes them.
    /// </summary>
    internal static string WithoutAccents(string text)
    {
        var spelled = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsSurrogate(c) && !char.IsSurrogatePair(text, i - (char.IsLowSurrogate(c) && i > 0 ? 1 : 0))) || c is '\uFFFE' or '\uFFFF')
            {
                // Half of a broken character, or a non-character: no letter, and Unicode normalization refuses it.
                continue;
            }
            spelled.Append(Spelled.TryGetValue(c, out var ascii) ? ascii : c.ToString());
        }
        var decomposed = spelled.ToString().Normalize(NormalizationForm.FormKD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                result.Append(c);
            }
        }
        return result.ToString().Normalize(NormalizationForm.FormC);
    }

    private static readonly Dictionary<char, string> Spelled = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE", ['ø'] = "o", ['Ø'] = "O",
        ['ł'] = "l", ['Ł'] = "L", ['đ'] = "d", ['Đ'] = "D", ['þ'] = "th", ['Þ'] = "TH", ['ı'] = "i",
    };

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }
        return slug[..MaxLength].TrimEnd('-');
    }

    // \z, not $: "$" also matches before a final line break, which would let "premium\n" pass.
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidSlug();
}
