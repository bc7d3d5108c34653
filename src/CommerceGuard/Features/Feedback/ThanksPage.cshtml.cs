using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Feedback;

/// <summary>
/// Where a vote sent without JavaScript lands: thanks, after a No the reasons and comment box, and
/// after "this happened to me" a link to where to complain.
/// It shows this browser's own vote, so unlike the term page it is never shared between readers.
/// </summary>
public sealed class ThanksPageModel(GlossaryDb db) : PageModel
{
    public TermLink Term { get; private set; } = null!;
    public bool Helpful { get; private set; }
    public bool CommentSaved { get; private set; }
    public FeedbackReason? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var term = await db.Published(language)
            .Where(term => term.Slug == slug)
            .Select(term => new { term.Id, Link = new TermLink(term.Slug, term.Title, language) })
            .SingleOrDefaultAsync(cancellationToken);
        if (term is null)
        {
            return NotFound();
        }
        var voterKey = VoterKeys.Read(Request);
        var vote = voterKey is null ? null : await db.Votes.AsNoTracking()
            .Where(vote => vote.TermId == term.Id && vote.VoterKey == voterKey)
            .Select(vote => new { vote.Helpful, vote.Comment, vote.Reason })
            .SingleOrDefaultAsync(cancellationToken);
        if (vote is null)
        {
            // Nothing to thank anyone for: back to the question.
            return Redirect(term.Link.Url + "#feedback");
        }
        Term = term.Link;
        Helpful = vote.Helpful;
        CommentSaved = vote.Comment is not null;
        Reason = vote.Reason;
        return Page();
    }
}
