using CommerceGuard.Data;
using CommerceGuard.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>Everything a term's page shows, ready for <c>_TermArticle</c>.</summary>
public sealed record TermArticle(Term Term, TermHtml Html, IReadOnlyList<RelatedTerm> Related);

/// <summary>A related term as the page lists it.</summary>
public sealed record RelatedTerm(string Title, string? Url);

/// <summary>
/// Builds what a term's page shows, for readers and for the editor's preview alike, so that the
/// preview is the page.
/// </summary>
public sealed class TermArticles(GlossaryDb db, TermText text)
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
        // Only the link's columns: a related term's row holds its whole text.
        var existing = await db.Published(term.Language)
            .Where(related => slugs.Contains(related.Slug))
            .Select(related => new TermLink(related.Slug, related.Title, related.Language))
            .ToDictionaryAsync(link => link.Slug, cancellationToken);
        // A related term renamed since this one was written is found at its new address.
        var missing = slugs.Where(slug => !existing.ContainsKey(slug)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (former, link) in await db.MovedTermsAsync(term.Language, missing, cancellationToken))
            {
                existing[former] = link;
            }
        }
        return [.. slugs.Select(slug => existing.TryGetValue(slug, out var link)
            ? new RelatedTerm(link.Title, link.Url)
            : new RelatedTerm(TitleFromSlug(slug), null))];
    }

    /// <summary>"health-savings-account" → "Health savings account", for a term not written yet.</summary>
    internal static string TitleFromSlug(string slug)
    {
        var words = slug.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
