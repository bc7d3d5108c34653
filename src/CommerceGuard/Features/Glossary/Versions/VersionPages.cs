using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.SiteLanguages;
using CommerceGuard.Features.Syndication;

namespace CommerceGuard.Features.Glossary.Versions;

/// <summary>What the pages about a term's versions share: finding the term, and citing it.</summary>
public static class VersionPages
{
    /// <summary>
    /// The term at this address, published or retired, or where to send the reader: a term whose slug changed
    /// is found at its new address (<paramref name="moved"/> gives the same page there); anything
    /// else is not found.
    /// </summary>
    public static async Task<(Term? Term, string? MovedTo)> FindAsync(
        GlossaryDb db, string slug, Func<SitePaths, string, string> moved, CancellationToken cancellationToken)
    {
        if (!Slug.IsValid(slug))
        {
            return (null, null);
        }
        var language = Languages.Current;
        if (await db.ReadableTermAsync(language, slug, cancellationToken) is { } term)
        {
            return (term, null);
        }
        var movedTerms = await db.MovedTermsAsync(language, [slug], cancellationToken);
        return (null, movedTerms.TryGetValue(slug, out var link) ? moved(SitePaths.Current, link.Slug) : null);
    }

    /// <summary>A term as cited: the version given, or the term itself when no version is kept for it.</summary>
    public static CitedTerm Cited(Term term, VersionEntry? version, SiteAddress site)
    {
        var paths = SitePaths.For(term.Language);
        return new CitedTerm(
            term.Title,
            version?.Number,
            version?.PublishedAt ?? term.ModifiedAt,
            site.Of(version is null ? paths.Term(term.Slug) : paths.TermVersion(term.Slug, version.Number)),
            SiteText.In(term.Language, "Feed.Author"),
            SiteText.In(term.Language, "Feed.GlossaryName"),
            term.Slug);
    }

    /// <summary>Tags a page about a term's versions, so that any change to the term evicts it.</summary>
    public static void Tag(HttpContext http, Term term, IEnumerable<string> linked) =>
        PageTags.Add(http, [
            PageTags.TermPages(term.Language),
            PageTags.Term(term.Language, term.Slug),
            .. linked.Select(slug => PageTags.Term(term.Language, slug)),
        ]);
}
