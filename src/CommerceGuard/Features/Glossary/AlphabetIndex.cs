using System.Collections.Concurrent;
using System.Globalization;
using CommerceGuard.Features.Shared;

namespace CommerceGuard.Features.Glossary;

/// <summary>
/// How the A–Z index of one language orders and groups titles. Its letters are the language's
/// alphabet (the <c>Glossary.Alphabet</c> text of its resource file), compared as the language
/// does: case and accents are ignored, so "É" files under "E", but a letter of its own stays one,
/// so in Spanish "ñandú" files under "Ñ", after "N". Titles that start with a digit, a symbol or
/// a letter outside the alphabet file under "#".
/// </summary>
public sealed class AlphabetIndex
{
    public const string OtherHeading = "#";

    /// <summary>How "#" is written in a letter page's address, where "#" would start a fragment.</summary>
    public const string OtherHeadingInAddress = "0-9";
    private const CompareOptions LetterComparison = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    private static readonly ConcurrentDictionary<string, AlphabetIndex> ByLanguage = new();

    /// <summary>Far more first letters than any alphabet has, with their accents.</summary>
    private const int MostLettersRemembered = 1_000;

    private readonly ConcurrentDictionary<string, string> headingOfLetter = new(StringComparer.Ordinal);
    private readonly CultureInfo culture;
    private readonly CompareInfo collation;

    private AlphabetIndex(string language)
    {
        culture = Languages.Culture(language);
        collation = culture.CompareInfo;
        var alphabet = SiteText.In(language, "Glossary.Alphabet");
        Letters = [.. alphabet.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        Headings = [OtherHeading, .. Letters];
        TitleOrder = StringComparer.Create(culture, LetterComparison);
    }

    public static AlphabetIndex For(string language) => ByLanguage.GetOrAdd(language, code => new AlphabetIndex(code));

    /// <summary>The language's letters, in its order.</summary>
    public IReadOnlyList<string> Letters { get; }

    /// <summary>Every heading of the jump bar, in order, whether or not a term files under it.</summary>
    public IReadOnlyList<string> Headings { get; }

    /// <summary>Orders titles as a reader of the language expects: "apple" beside "Apple", "école" beside "ecology".</summary>
    public StringComparer TitleOrder { get; }

    /// <summary>The id of a heading's section on the A–Z page, for the jump bar's links.</summary>
    public static string AnchorId(string heading) => heading == OtherHeading ? "letter-other" : $"letter-{heading}";

    public string HeadingFor(string title)
    {
        var start = 0;
        while (start < title.Length && !char.IsLetterOrDigit(title[start]))
        {
            start++;
        }
        if (start == title.Length || !char.IsLetter(title[start]))
        {
            return OtherHeading;
        }
        // A letter with its accents (and any combining mark after it) compared whole. Titles
        // start with few letters, so each is compared with the alphabet once, not once a title.
        var letter = StringInfo.GetNextTextElement(title, start);
        if (headingOfLetter.TryGetValue(letter, out var heading))
        {
            return heading;
        }
        heading = Letters.FirstOrDefault(candidate => collation.Compare(letter, candidate, LetterComparison) == 0) ?? OtherHeading;
        if (headingOfLetter.Count < MostLettersRemembered)
        {
            headingOfLetter.TryAdd(letter, heading);
        }
        return heading;
    }

    /// <summary>The heading a reader typed ("ñ", "e"), as the jump bar spells it, or null when it is none.</summary>
    public string? Heading(string typed) =>
        typed == OtherHeadingInAddress
            ? OtherHeading
            : Headings.FirstOrDefault(heading => collation.Compare(typed, heading, CompareOptions.IgnoreCase) == 0);

    /// <summary>A heading as its letter page's address spells it: "d", "ñ", "0-9".</summary>
    public string InAddress(string heading) =>
        heading == OtherHeading ? OtherHeadingInAddress : heading.ToLower(culture);

    /// <summary>Groups items under their headings, headings in jump-bar order, items A–Z within each.</summary>
    public IReadOnlyList<LetterGroup<T>> Group<T>(IEnumerable<T> items, Func<T, string> title)
    {
        var order = Headings.Select((heading, index) => (heading, index)).ToDictionary(pair => pair.heading, pair => pair.index);
        return items
            .GroupBy(item => HeadingFor(title(item)))
            .OrderBy(group => order[group.Key])
            .Select(group => new LetterGroup<T>(group.Key, [.. group.OrderBy(title, TitleOrder)]))
            .ToList();
    }
}

/// <summary>The items filed under one heading of the A–Z index.</summary>
public sealed record LetterGroup<T>(string Heading, IReadOnlyList<T> Items);
