using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Glossary.Versions;

/// <summary>A term's public change log: every published version, when, and why, with a way to compare any two.</summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class HistoryPageModel(GlossaryDb db) : PageModel
{
    public Term Term { get; private set; } = null!;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<VersionEntry> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var (term, movedTo) = await VersionPages.FindAsync(db, slug, (paths, moved) => paths.TermHistory(moved), cancellationToken);
        if (term is null)
        {
            return movedTo is null ? NotFound() : RedirectPermanent(movedTo);
        }
        (Term, Versions) = (term, await db.VersionsAsync(term.Id, cancellationToken));
        VersionPages.Tag(HttpContext, term, []);
        return Page();
    }
}
