using CsCheck;
using CommerceGuard.Tests.Hostile;

namespace CommerceGuard.Tests.Fuzzing;

/// <summary>
/// Generators of text an attacker or a careless paste might send: fragments of markup, Markdown
/// syntax, entities, schemes and Unicode oddities, glued together with random text.
///
/// The test run samples a few hundred of each (CsCheck's default); the long run in bench/fuzz.sh
/// sets <c>CsCheck_Time</c> to sample for minutes instead. A failure prints the smallest input
/// that fails and the seed to replay it (<c>CsCheck_Seed</c>).
/// </summary>
public static class FuzzInputs
{
    private static readonly string[] Fragments =
    [
        "<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", "\"", "'", "`", "=", "&", "&#", "&#x", ";", "\\",
        "<script>", "</script>", "<img src=x onerror=alert(1)>", "<a href=\"", "javascript:", "JaVaScRiPt:", "vbscript:",
        "data:text/html,", "<svg onload=alert(1)>", "<iframe", "<style>", "<math>", "<base href=", "<form action=",
        " onclick=", " style=", "&#106;", "&#x6A;", "&lt;", "&gt;", "&amp;", "&quot;", "\t", "\n", "\r\n", "\u0000",
        "[", "]", "(", ")", "![", "](", "[[", "]]", "*", "**", "_", "~~", "#", "> ", "- ", "1. ", "```", "    ", "|", "---",
        "\u202E", "\u200B", "\uFEFF", "\uD800", "\uDC00", "\uFFFE", "\uFFFF", "\U000E0041", "\uFE0F", "\U0001F600", "é", "ñ", "\u0301", "ﬁ",
        "premium", "Premium", "copay", "out-of-pocket maximum", "HIPAA", "401(k)", "balance billing", "C++", "AT&T",
    ];

    /// <summary>Any text at all, leaning towards the pieces that break parsers and sanitizers.</summary>
    public static readonly Gen<string> Text =
        Gen.Frequency(
            (6, Gen.OneOf(Fragments)),
            (2, Gen.String[0, 12]),
            (1, Gen.OneOf(HostileStrings.Xss)),
            (2, Gen.Char["abcdefghijklmnopqrstuvwxyz ,.;:!?"].Array[1, 10].Select(chars => new string(chars))))
        .Array[0, 40]
        .Select(parts => string.Concat(parts));

    /// <summary>Words and punctuation only, mentioning glossary terms: text whose letters the linker may touch.</summary>
    public static readonly Gen<string> Prose =
        Gen.Frequency(
            (4, Gen.OneOf("premium", "Premium", "copay", "copays", "out-of-pocket maximum", "HIPAA", "hipaa", "401(k) plan", "C++", "AT&T", "balance billing", "deductible")),
            (6, Gen.OneOf("the", "a", "pays", "when", "insurer", "bill", "of", "your", "and", "no", "it")),
            (3, Gen.OneOf(" ", ", ", ". ", "; ", " (", ") ", "\n\n", " — ", "'s ", "-", "/")),
            (1, Gen.OneOf("*", "**", "_", "`", "[", "]", "(", ")", "#", "> ", "&", "<", ">", "\"", "[[", "]]")))
        .Array[0, 60]
        .Select(parts => string.Concat(parts));
}
