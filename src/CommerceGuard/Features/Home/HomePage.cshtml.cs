using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Glossary;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Home;

/// <summary>The front door: the mission, the categories, and what changed lately.</summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class HomePageModel(GlossaryDb db) : PageModel
{
    public const int RecentCount = 10;

    public IReadOnlyList<CategoryLink> Categories { get; private set; } = [];
    public IReadOnlyList<RecentTerm> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        Categories = await db.CategoryLinksAsync(language, cancellationToken);
        Recent = await db.Published(language)
            .OrderByDescending(term => term.ModifiedAt).ThenBy(term => term.Title)
            .Take(RecentCount)
            .Select(term => new RecentTerm(new TermLink(term.Slug, term.Title, language), term.ModifiedAt))
            .ToListAsync(cancellationToken);
        PageTags.Add(HttpContext, PageTags.Lists(language));
    }
}

/// <summary>A recently modified term and when.</summary>
public sealed record RecentTerm(TermLink Link, DateTime ModifiedAt);
