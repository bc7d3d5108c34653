using System.Globalization;

namespace CommerceGuard.Features.Glossary;

/// <summary>
/// How the A–Z index orders and groups titles: case and accents are ignored, "É" files under
/// "E", and titles that start with a digit or a symbol file under "#".
/// </summary>
public static class AlphabetIndex
{
    public const string OtherHeading = "#";

    /// <summary>Every heading of the jump bar, in order, whether or not a term files under it.</summary>
    public static IReadOnlyList<string> Headings { get; } =
        [OtherHeading, .. Enumerable.Range('A', 26).Select(letter => ((char)letter).ToString())];

    /// <summary>Orders titles as a reader expects: "apple" beside "Apple", "école" beside "ecology".</summary>
    public static StringComparer TitleOrder { get; } =
        StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);

    /// <summary>The id of a heading's section on the A–Z page, for the jump bar's links.</summary>
    public static string AnchorId(string heading) => heading == OtherHeading ? "letter-other" : $"letter-{heading}";

    public static string HeadingFor(string title)
    {
        var first = title.FirstOrDefault(char.IsLetterOrDigit);
        if (!char.IsLetter(first))
        {
            return OtherHeading;
        }
        var letter = char.ToUpperInvariant(Slug.WithoutAccents(first.ToString())[0]);
        return char.IsAsciiLetterUpper(letter) ? letter.ToString() : OtherHeading;
    }

    /// <summary>Groups items under their headings, headings in jump-bar order, items A–Z within each.</summary>
    public static IReadOnlyList<LetterGroup<T>> Group<T>(IEnumerable<T> items, Func<T, string> title) =>
        items
            .GroupBy(item => HeadingFor(title(item)))
            .OrderBy(group => group.Key == OtherHeading ? 0 : 1)
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new LetterGroup<T>(group.Key, [.. group.OrderBy(title, TitleOrder)]))
            .ToList();
}

/// <summary>The items filed under one heading of the A–Z index.</summary>
public sealed record LetterGroup<T>(string Heading, IReadOnlyList<T> Items);
