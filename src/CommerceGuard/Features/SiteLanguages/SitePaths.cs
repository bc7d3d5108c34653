using System.Collections.Concurrent;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Shared;

namespace CommerceGuard.Features.SiteLanguages;

/// <summary>
/// The public site's addresses in one language, written once. English pages sit at the root
/// (<c>/glossary/copay</c>); another language's under its code, in its own words
/// (<c>/es/glosario/copago</c>), which come from the <c>Path.*</c> texts of its resource file.
/// </summary>
public sealed class SitePaths
{
    /// <summary>The English words of addresses that are translated. Any other segment stays as it is.</summary>
    public static readonly IReadOnlyList<string> Words = ["glossary", "category", "letter", "search", "about", "donate", "volunteer", "feedback", "vote", "thanks", "history", "changes", "complain", "suggest"];

    private static readonly ConcurrentDictionary<string, SitePaths> ByLanguage = new();

    private readonly Dictionary<string, string> words;

    private SitePaths(string language)
    {
        Language = language;
        Prefix = language == Languages.Default ? "" : "/" + language;
        words = Words.ToDictionary(word => word, word => SiteText.In(language, $"Path.{word}"));
    }

    public static SitePaths For(string language) => ByLanguage.GetOrAdd(language, code => new SitePaths(code));

    /// <summary>The paths of the page being made.</summary>
    public static SitePaths Current => For(Languages.Current);

    public string Language { get; }

    /// <summary>"" for English, "/es" for Spanish: what every address of the language starts with.</summary>
    public string Prefix { get; }

    public string Home => Prefix.Length == 0 ? "/" : Prefix;
    public string Glossary => Localized("glossary");
    public string Term(string slug) => $"{Glossary}/{slug}";

    /// <summary>A published version's permanent address: "/glossary/{slug}/v/{n}".</summary>
    public string TermVersion(string slug, int number) => $"{Term(slug)}/v/{number}";
    public string TermHistory(string slug) => $"{Term(slug)}/{words["history"]}";
    public string TermChanges(string slug, int from, int to) => $"{Term(slug)}/{words["changes"]}?from={from}&to={to}";
    public string Category(string slug, int page = 1) => Paged($"{Glossary}/{words["category"]}/{slug}", page);

    /// <summary>A heading's page of the A–Z index ("/glossary/letter/d"), or one of its later pages ("/glossary/letter/d/2").</summary>
    public string Letter(string heading, int page = 1) =>
        Paged($"{Glossary}/{words["letter"]}/{Uri.EscapeDataString(AlphabetIndex.For(Language).InAddress(heading))}", page);
    public string Search => Localized("search");
    public string About => Localized("about");
    public string Donate => Localized("donate");
    public string Volunteer => Localized("volunteer");
    public string Suggest => Localized("suggest");
    public string Feed => $"{Prefix}/feed.atom";

    /// <summary>The same address in this language: an English route template or path, word by word.</summary>
    public string Translate(string englishPath)
    {
        var segments = englishPath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => words.GetValueOrDefault(segment, segment));
        var path = string.Join('/', segments);
        return path.Length == 0 ? Home : $"{Prefix}/{path}";
    }

    /// <summary>One of <see cref="Words"/> in this language.</summary>
    public string Word(string english) => words[english];

    private string Localized(string word) => $"{Prefix}/{words[word]}";

    /// <summary>The first page of a list is the list's own address; later ones add their number.</summary>
    private static string Paged(string path, int page) => page == 1 ? path : $"{path}/{page}";
}
