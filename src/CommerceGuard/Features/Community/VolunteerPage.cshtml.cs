using CommerceGuard.Data;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Community;

/// <summary>The volunteer form. Offering again with the same email updates the earlier offer.</summary>
[EnableRateLimiting(PublicWrites.Policy)]
public sealed class VolunteerPageModel(GlossaryDb db, TimeProvider time, IStringLocalizer<SiteText> text) : PageModel
{
    [BindProperty]
    public VolunteerForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            LocalizeFormErrors();
            return Page();
        }
        await SaveAsync(cancellationToken);
        return RedirectToPage("VolunteerThanksPage");
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

    // Messages from IValidatableObject are not run through the data-annotation localizer, so
    // translate every message that is still a resource key.
    private void LocalizeFormErrors()
    {
        foreach (var entry in ModelState.Values)
        {
            var errors = entry.Errors.ToList();
            entry.Errors.Clear();
            foreach (var error in errors)
            {
                var localized = text[error.ErrorMessage];
                entry.Errors.Add(localized.ResourceNotFound ? error.ErrorMessage : localized.Value);
            }
        }
    }
}
