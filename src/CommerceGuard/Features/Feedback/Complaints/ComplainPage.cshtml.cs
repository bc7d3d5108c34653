using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Glossary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Feedback.Complaints;

/// <summary>
/// Where a reader can complain when a term describes what happened to them: the agencies and
/// organisations for the term's categories, those of the state they choose first. Nothing about
/// the reader is asked for or kept; the state is in the address only.
/// </summary>
[OutputCache(PolicyName = PageCache.ComplaintPage)]
public sealed class ComplainPageModel(GlossaryDb db) : PageModel
{
    public Term Term { get; private set; } = null!;
    public string? State { get; private set; }
    public List<ComplaintChannel> Channels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, string? state, CancellationToken cancellationToken)
    {
        if (!Slug.IsValid(slug) || await db.PublishedTermAsync(Languages.Current, slug, cancellationToken) is not { } term)
        {
            return NotFound();
        }
        (Term, State) = (term, UsStates.Parse(state));
        Channels = await db.ServingAsync([.. term.Categories.Select(category => category.Id)], State, cancellationToken);
        // The list changes with the term's categories; an editor's change to the channels evicts every page.
        PageTags.Add(HttpContext, PageTags.Term(term.Language, term.Slug));
        return Page();
    }
}
