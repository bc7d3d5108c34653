using CommerceGuard.Data;
using CommerceGuard.Features.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>One term, laid out as the seed page shows it.</summary>
public sealed class TermPageModel(GlossaryDb db, TermText text) : PageModel
{
    public Term Term { get; private set; } = null!;

    /// <summary>The term's text as HTML, links resolved.</summary>
    public TermHtml Html { get; private set; } = null!;

    /// <summary>The related terms in the editor's order; a term not written yet has no URL.</summary>
    public IReadOnlyList<RelatedTerm> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.IsValid(slug))
        {
            // "/glossary/Doctor" is a typo for a real address; anything else is not an address of ours.
            var lower = slug.ToLowerInvariant();
            return Slug.IsValid(lower) ? RedirectPermanent(GlossaryUrls.Term(lower)) : NotFound();
        }
        var term = await db.Published()
            .Include(term => term.Categories.OrderBy(category => category.DisplayOrder))
            .SingleOrDefaultAsync(term => term.Slug == slug, cancellationToken);
        if (term is null)
        {
            return NotFound();
        }
        Term = term;
        Html = await text.RenderAsync(term, cancellationToken);
        Related = await RelatedTermsAsync(term, cancellationToken);
        return Page();
    }

    private async Task<IReadOnlyList<RelatedTerm>> RelatedTermsAsync(Term term, CancellationToken cancellationToken)
    {
        var slugs = term.RelatedSlugs;
        var existing = await db.Published(term.Language)
            .Where(related => slugs.Contains(related.Slug))
            .ToDictionaryAsync(related => related.Slug, related => related.Title, cancellationToken);
        return [.. slugs.Select(slug => existing.TryGetValue(slug, out var title)
            ? new RelatedTerm(title, GlossaryUrls.Term(slug))
            : new RelatedTerm(TitleFromSlug(slug), null))];
    }

    /// <summary>"health-savings-account" → "Health savings account", for a term not written yet.</summary>
    internal static string TitleFromSlug(string slug)
    {
        var words = slug.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}

/// <summary>A related term as the page lists it.</summary>
public sealed record RelatedTerm(string Title, string? Url);
