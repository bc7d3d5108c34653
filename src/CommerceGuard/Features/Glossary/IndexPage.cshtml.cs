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

    public AlphabetIndex Alphabet { get; } = AlphabetIndex.For(Languages.Current);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Grouping sorts each letter's titles, so they are fetched in no particular order.
        var language = Languages.Current;
        var terms = await db.Published(language).Select(term => new TermLink(term.Slug, term.Title, language)).ToListAsync(cancellationToken);
        TermCount = terms.Count;
        Groups = Alphabet.Group(terms, term => term.Title);
    }
}
