using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Content;

namespace CommerceGuard.Features.Glossary;

/// <summary>Everything a term's page shows, ready for <c>_TermArticle</c>.</summary>
public sealed record TermArticle(Term Term, TermHtml Html, IReadOnlyList<RelatedTerm> Related)
{
    /// <summary>The sources the page lists, numbered from 1 in this order. A preview may hold rows not titled yet.</summary>
    public IReadOnlyList<TermSource> Sources { get; } = [.. Term.Sources.Where(source => source.Title.Length > 0)];

    /// <summary>The numbers of the sources that support a section (<see cref="SourceSections"/>), for its references.</summary>
    public IReadOnlyList<int> SourceNumbers(string section) =>
        [.. Sources.Select((source, index) => (source, number: index + 1)).Where(pair => pair.source.Supports == section).Select(pair => pair.number)];

    /// <summary>
    /// The cache tags of what a page of this article shows something of: the term itself, what
    /// its text links to, its related terms and its translations (<see cref="PageTags"/>).
    /// </summary>
    public IEnumerable<string> CacheTags(IReadOnlyList<TermLink> translations)
    {
        var language = Term.Language;
        return [
            PageTags.TermPages(language),
            PageTags.Translations(Term.TranslationOfId ?? Term.Id),
            PageTags.Term(language, Term.Slug),
            .. Html.Linked.Select(slug => PageTags.Term(language, slug)),
            // As written, so that a related term written later is linked once it is.
            .. Term.RelatedSlugs.Select(slug => PageTags.Term(language, slug)),
            .. Related.Select(related => related.Slug).OfType<string>().Select(slug => PageTags.Term(language, slug)),
            .. translations.Select(other => PageTags.Term(other.Language, other.Slug)),
        ];
    }
}

/// <summary>A related term as the page lists it; a term not written yet has no address.</summary>
public sealed record RelatedTerm(string Title, string? Url, string? Slug = null);

/// <summary>
/// Builds what a term's page shows, for readers and for the editor's preview alike, so that the
/// preview is the page.
/// </summary>
public sealed class TermArticles(GlossaryDb db, TermText text, TermDirectory directory)
{
    public async Task<TermArticle> BuildAsync(Term term, CancellationToken cancellationToken = default) =>
        new(term, await text.RenderAsync(term, cancellationToken), await RelatedTermsAsync(term, cancellationToken));

    /// <summary>The related terms in the editor's order; a term not written yet has no URL.</summary>
    private async Task<IReadOnlyList<RelatedTerm>> RelatedTermsAsync(Term term, CancellationToken cancellationToken)
    {
        var slugs = term.RelatedSlugs;
        if (slugs.Count == 0)
        {
            return [];
        }
        // From the directory the text's links come from, not a query per page: the same
        // published terms, as of the same change.
        var links = await directory.LinksAsync(term.Language, cancellationToken);
        var missing = slugs.Where(slug => links.BySlug(slug) is null).ToList();
        // A related term renamed since this one was written is found at its new address, and a
        // retired one at the term that replaces it.
        var moved = missing.Count > 0 ? await db.MovedTermsAsync(term.Language, missing, cancellationToken) : [];
        if (missing.Count > moved.Count)
        {
            foreach (var (slug, replacement) in await db.ReplacementsAsync(term.Language, [.. missing.Where(slug => !moved.ContainsKey(slug))], cancellationToken))
            {
                moved[slug] = replacement;
            }
        }
        IEnumerable<RelatedTerm> related = [.. slugs.Select(slug => links.BySlug(slug) is { } target ? new RelatedTerm(target.Title, target.Url, target.Slug)
            : moved.TryGetValue(slug, out var link) ? new RelatedTerm(link.Title, link.Url, link.Slug)
            : new RelatedTerm(TitleFromSlug(slug), null))];
        // A retired term and its replacement may both be listed: the replacement once is enough.
        return [.. related.DistinctBy(term => term.Url ?? "missing:" + term.Title)];
    }

    /// <summary>"health-savings-account" → "Health savings account", for a term not written yet.</summary>
    internal static string TitleFromSlug(string slug)
    {
        var words = slug.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
