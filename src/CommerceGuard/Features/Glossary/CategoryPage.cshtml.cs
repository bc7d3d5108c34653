using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>A category's description and its published terms A–Z.</summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class CategoryPageModel(GlossaryDb db) : PageModel
{
    public CategoryLink Category { get; private set; } = null!;
    public IReadOnlyList<TermLink> Terms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking()
            .Where(category => category.Slug == slug)
            .Select(category => new CategoryLink(category.Slug, category.Name, category.Description))
            .SingleOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return await db.MovedCategoryAsync(slug, cancellationToken) is { } moved
                ? RedirectPermanent(GlossaryUrls.Category(moved))
                : NotFound();
        }
        Category = category;
        Terms = await db.Published()
            .Where(term => term.Categories.Any(termCategory => termCategory.Slug == slug))
            .AlphabeticalAsync(cancellationToken);
        return Page();
    }
}
