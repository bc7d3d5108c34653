using CommerceGuard.Features.SiteLanguages;
using CommerceGuard.Data;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Community;

/// <summary>The volunteer form. Offering again with the same email updates the earlier offer.</summary>
[RateLimited(Limit.PublicWrites)]
[RequestSizeLimit(64 * 1024)]
[RequestFormLimits(ValueCountLimit = 50, ValueLengthLimit = 32 * 1024)]
public sealed class VolunteerPageModel(GlossaryDb db, TimeProvider time, SpamDefence spam, IStringLocalizer<SiteText> text) : PageModel
{
    /// <summary>The form's name to the spam defence, whose stamps are for one form each.</summary>
    public const string FormName = "volunteer";

    [BindProperty]
    public VolunteerForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var thanks = Redirect(SitePaths.Current.Translate("/volunteer/thanks"));
        if (spam.IsTrapped(Request.Form, FormName, ModelState, text))
        {
            // Thanked like anyone else, so the script learns nothing; nothing is kept.
            return thanks;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await SaveAsync(cancellationToken);
        return thanks;
    }

    private Task SaveAsync(CancellationToken cancellationToken) => db.UpsertAsync(async cancellation =>
    {
        var email = Form.Email!.Trim().ToLowerInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(volunteer => volunteer.Email == email, cancellation);
        if (volunteer is null)
        {
            volunteer = new Volunteer { Name = "", Email = email, SubmittedAt = now };
            db.Volunteers.Add(volunteer);
        }
        volunteer.Name = Form.Name!.Trim();
        volunteer.Interests = [.. Form.Interests.Distinct()];
        volunteer.Message = string.IsNullOrWhiteSpace(Form.Message) ? null : Form.Message.Trim();
        volunteer.ConsentGiven = Form.Consent;
        volunteer.UpdatedAt = now;
        await db.SaveChangesAsync(cancellation);
    }, cancellationToken);
}
