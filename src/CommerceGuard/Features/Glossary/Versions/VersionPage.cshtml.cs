using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Syndication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Glossary.Versions;

/// <summary>
/// One published version of a term at its permanent address, as it read then, with a banner
/// that says so and links to the current one. Links in its text lead to terms as they are now.
/// </summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class VersionPageModel(GlossaryDb db, TermArticles articles, SiteAddress site) : PageModel
{
    public TermArticle Article { get; private set; } = null!;
    public VersionEntry Version { get; private set; } = null!;
    public VersionEntry Latest { get; private set; } = null!;
    public IReadOnlyList<Citation> Citations { get; private set; } = [];
    public CitedTerm Cited { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var (current, movedTo) = await VersionPages.FindAsync(db, slug, (paths, moved) => paths.TermVersion(moved, number), cancellationToken);
        if (current is null)
        {
            return movedTo is null ? NotFound() : RedirectPermanent(movedTo);
        }
        var versions = await db.VersionsAsync(current.Id, cancellationToken);
        var version = versions.Find(entry => entry.Number == number);
        if (version is null || await db.VersionAsync(current, number, cancellationToken) is not { } term)
        {
            return NotFound();
        }
        (Version, Latest) = (version, versions[0]);
        Article = await articles.BuildAsync(term, cancellationToken);
        Cited = VersionPages.Cited(term, version, site);
        Citations = Versions.Citations.All(Cited);
        VersionPages.Tag(HttpContext, current, [.. Article.Html.Linked, .. term.RelatedSlugs]);
        return Page();
    }
}
