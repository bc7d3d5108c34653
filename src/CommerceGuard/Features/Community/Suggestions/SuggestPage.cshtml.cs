using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Community.Suggestions;

/// <summary>
/// "Suggest a missing term": a title and an optional note, nothing about the reader. Reached from
/// every term page and from a search that found nothing (which fills in what was searched for).
/// </summary>
[RateLimited(Limit.PublicWrites)]
[RequestSizeLimit(16 * 1024)]
[RequestFormLimits(ValueCountLimit = 20, ValueLengthLimit = 8 * 1024)]
public sealed class SuggestPageModel(Suggestions suggestions, SpamDefence spam, IStringLocalizer<SiteText> text) : PageModel
{
    public const string FormName = "suggest";

    [BindProperty]
    public SuggestionForm Form { get; set; } = new();

    /// <summary>A term readers can already read under the title suggested.</summary>
    public TermLink? Existing { get; private set; }

    public void OnGet(string? title)
    {
        // From a search that found nothing: what the reader looked for, as a start.
        Form.Title = title is { Length: <= TermSuggestion.TitleMaxLength } ? title.Trim() : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var thanks = Redirect(SitePaths.Current.Translate("/suggest/thanks"));
        if (spam.IsTrapped(Request.Form, FormName, ModelState, text))
        {
            // Thanked like anyone else, so the script learns nothing; nothing is kept.
            return thanks;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var language = Languages.Current;
        Existing = await suggestions.ExistingTermAsync(Form.Title!, language, cancellationToken);
        if (Existing is not null)
        {
            // Nothing to suggest: the page says where the term is.
            return Page();
        }
        await suggestions.AddAsync(Form.Title!, Form.Note, language, cancellationToken);
        return thanks;
    }
}
