using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Syndication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>One term, laid out as the seed page shows it.</summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class TermPageModel(GlossaryDb db, TermArticles articles, StructuredData structuredData, MarkdownRenderer markdown) : PageModel
{
    public TermArticle Article { get; private set; } = null!;

    /// <summary>The term for search engines: schema.org JSON-LD.</summary>
    public string JsonLd { get; private set; } = "";

    /// <summary>The definition's first sentence, for the meta description and link previews.</summary>
    public string Summary { get; private set; } = "";

    public Term Term => Article.Term;

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
            // A term whose slug changed keeps its old address answering.
            var moved = await db.MovedTermsAsync(Languages.Default, [slug], cancellationToken);
            return moved.TryGetValue(slug, out var link) ? RedirectPermanent(link.Url) : NotFound();
        }
        Article = await articles.BuildAsync(term, cancellationToken);
        JsonLd = structuredData.TermJsonLd(term);
        Summary = markdown.Summary(term.Definition);
        return Page();
    }
}
