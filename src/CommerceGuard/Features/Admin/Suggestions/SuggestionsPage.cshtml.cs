using CommerceGuard.Features.Community.Suggestions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Admin.Suggestions;

/// <summary>
/// Readers' suggested terms, the most asked for first: start a draft of one (the editor opens
/// with its title) or dismiss it. Nothing here names the readers; there is nothing to name.
/// </summary>
public sealed class SuggestionsPageModel(Community.Suggestions.Suggestions suggestions) : PageModel
{
    public List<TermSuggestion> Open { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Open = await suggestions.OpenAsync(cancellationToken);

    public async Task<IActionResult> OnPostDraftAsync(long id, CancellationToken cancellationToken)
    {
        var suggestion = await suggestions.DecideAsync(id, SuggestionStatus.Drafted, User.Identity?.Name ?? "", cancellationToken);
        if (suggestion is null)
        {
            Done = "Someone dealt with that suggestion already.";
            return RedirectToPage();
        }
        return Redirect($"/admin/terms/new?title={Uri.EscapeDataString(suggestion.Title)}");
    }

    public async Task<IActionResult> OnPostDismissAsync(long id, CancellationToken cancellationToken)
    {
        var suggestion = await suggestions.DecideAsync(id, SuggestionStatus.Dismissed, User.Identity?.Name ?? "", cancellationToken);
        Done = suggestion is null ? "Someone dealt with that suggestion already." : $"“{suggestion.Title}” is dismissed.";
        return RedirectToPage();
    }
}
