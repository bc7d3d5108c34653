using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Glossary;

/// <summary>A category's description and its published terms A–Z, a page of them at a time.</summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class CategoryPageModel(GlossaryDb db, AlphabetListings listings, OfferedLanguages offered, IOptions<GlossaryOptions> options) : PageModel
{
    public CategoryLink Category { get; private set; } = null!;
    public TermListPages Pages { get; private set; } = null!;
    public int PageNumber { get; private set; }
    public int TermCount { get; private set; }
    public IReadOnlyList<TermLink> Terms { get; private set; } = [];

    /// <summary>The category in every language it has a name in, this one among them.</summary>
    public IReadOnlyList<LanguageVersion> Languages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int? number, CancellationToken cancellationToken)
    {
        var language = Glossary.Languages.Current;
        if (number < 1)
        {
            return NotFound();
        }
        if (await db.CategoryAsync(language, slug, cancellationToken) is not { } category)
        {
            return language == Glossary.Languages.Default && await db.MovedCategoryAsync(slug, cancellationToken) is { } moved
                ? RedirectPermanent(SitePaths.For(language).Category(moved))
                : NotFound();
        }
        Category = category.LinkIn(language)!;
        Languages = [.. offered.Codes.Select(category.LinkIn).OfType<CategoryLink>().Select(link => new LanguageVersion(link.Language, link.Url))];
        if (number == 1)
        {
            return RedirectPermanent(Category.Url);
        }
        var terms = (await listings.ListingAsync(language, cancellationToken)).InCategory(category.Id);
        var paths = SitePaths.For(language);
        Pages = new TermListPages(terms, options.Value.ListPageSize, page => paths.Category(Category.Slug, page));
        PageNumber = number ?? 1;
        if (!Pages.Has(PageNumber))
        {
            return NotFound();
        }
        TermCount = terms.Count;
        Terms = Pages.On(PageNumber);
        PageTags.Add(HttpContext, [PageTags.Category(language, category.Id), .. Terms.Select(term => PageTags.Term(language, term.Slug))]);
        return Page();
    }
}
