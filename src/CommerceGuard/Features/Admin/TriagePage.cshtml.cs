using CommerceGuard.Features.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Admin;

/// <summary>What readers reported after a No, per term, until an editor marks it handled.</summary>
public sealed class TriagePageModel(FeedbackTriage triage) : PageModel
{
    public List<TermReports> Terms { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Terms = await triage.QueueAsync(cancellationToken);

    // "seen" is the newest report the editor was shown: any that came in later stay open.
    public async Task<IActionResult> OnPostHandledAsync(int termId, string title, DateTime seen, CancellationToken cancellationToken)
    {
        var count = await triage.MarkHandledAsync(termId, seen.ToUniversalTime(), cancellationToken);
        Done = $"{count} report{(count == 1 ? "" : "s")} on “{title}” marked handled.";
        return RedirectToPage();
    }
}
