using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Caching;

/// <summary>
/// What a cached page shows, as tags, so that a change to a term evicts exactly the pages that
/// show it (see <see cref="PageCacheEviction"/>): the term's own page, the pages that link to it
/// or list it, the lists it now joins, and nothing else.
/// </summary>
public static class PageTags
{
    /// <summary>A page showing a term: its own page, a page linking to it, a list naming it.</summary>
    public static string Term(string language, string slug) => $"term:{language}:{slug}";

    /// <summary>Every term page of a language: a term's names changed, so any page's automatic links may have.</summary>
    public static string TermPages(string language) => $"term-pages:{language}";

    /// <summary>The pages of one heading of the A–Z index.</summary>
    public static string Letter(string language, string heading) => $"letter:{language}:{heading}";

    /// <summary>The pages of one category.</summary>
    public static string Category(string language, int categoryId) => string.Create(CultureInfo.InvariantCulture, $"category:{language}:{categoryId}");

    /// <summary>Pages made from the whole glossary of a language or its latest changes: home, the A–Z index, the feed, the sitemaps.</summary>
    public static string Lists(string language) => $"lists:{language}";

    /// <summary>The pages of a term and its translations, each of which links to the others.</summary>
    public static string Translations(int originalId) => string.Create(CultureInfo.InvariantCulture, $"translations:{originalId}");

    /// <summary>Tags the page being made, when it is one the page cache may keep.</summary>
    public static void Add(HttpContext http, IEnumerable<string> tags)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is { } cached)
        {
            cached.Tags.UnionWith(tags);
        }
    }

    public static void Add(HttpContext http, params string[] tags) => Add(http, (IEnumerable<string>)tags);
}
