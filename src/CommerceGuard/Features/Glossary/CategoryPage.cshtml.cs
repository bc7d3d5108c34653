using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Glossary;

/// <summary>A category's description and its published terms A–Z.</summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class CategoryPageModel(GlossaryDb db, OfferedLanguages offered) : PageModel
{
    public CategoryLink Category { get; private set; } = null!;
    public IReadOnlyList<TermLink> Terms { get; private set; } = [];

    /// <summary>The category in every language it has a name in, this one among them.</summary>
    public IReadOnlyList<LanguageVersion> Languages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var language = Glossary.Languages.Current;
        if (await db.CategoryAsync(language, slug, cancellationToken) is not { } category)
        {
            return language == Glossary.Languages.Default && await db.MovedCategoryAsync(slug, cancellationToken) is { } moved
                ? RedirectPermanent(SitePaths.For(language).Category(moved))
                : NotFound();
        }
        Category = category.LinkIn(language)!;
        Languages = [.. offered.Codes.Select(category.LinkIn).OfType<CategoryLink>().Select(link => new LanguageVersion(link.Language, link.Url))];
        Terms = await db.Published(language)
            .Where(term => term.Categories.Any(termCategory => termCategory.Id == category.Id))
            .AlphabeticalAsync(language, cancellationToken);
        return Page();
    }
}
