using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>Every published term A–Z, under a jump bar of letters.</summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class IndexPageModel(GlossaryDb db) : PageModel
{
    public IReadOnlyList<LetterGroup<TermLink>> Groups { get; private set; } = [];
    public int TermCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Grouping sorts each letter's titles, so they are fetched in no particular order.
        var terms = await db.Published().Select(term => new TermLink(term.Slug, term.Title)).ToListAsync(cancellationToken);
        TermCount = terms.Count;
        Groups = AlphabetIndex.Group(terms, term => term.Title);
    }
}
