using CommerceGuard.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Glossary;

/// <summary>Every published term A–Z, under a jump bar of letters.</summary>
public sealed class IndexPageModel(GlossaryDb db) : PageModel
{
    public IReadOnlyList<LetterGroup<TermLink>> Groups { get; private set; } = [];
    public int TermCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var terms = await db.Published().AlphabeticalAsync(cancellationToken);
        TermCount = terms.Count;
        Groups = AlphabetIndex.Group(terms, term => term.Title);
    }
}
