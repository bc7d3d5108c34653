using CommerceGuard.Data;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Community;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin;

/// <summary>
/// The people who offered to help: searched, downloaded, and deleted by an Admin when someone
/// asks to be forgotten. Names and emails are personal data, so Authors do not see them.
/// </summary>
[Authorize(Policy = Policies.Editing)]
public sealed class VolunteersPageModel(GlossaryDb db, AuditLog audit) : PageModel
{
    public const int PageSize = 100;

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public List<Volunteer> Volunteers { get; private set; } = [];

    public bool HasMore { get; private set; }

    public int Total { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var found = Matching();
        Total = await found.CountAsync(cancellationToken);
        Volunteers = await found.Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = Volunteers.Count > PageSize;
        Volunteers = [.. Volunteers.Take(PageSize)];
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var volunteers = await Matching().ToListAsync(cancellationToken);
        return CsvDownload.File("volunteers.csv",
            ["name", "email", "interests", "message", "consent_given", "first_offered_utc", "last_updated_utc"],
            volunteers.Select(volunteer => new[]
            {
                volunteer.Name, volunteer.Email, string.Join("; ", volunteer.Interests), volunteer.Message,
                volunteer.ConsentGiven ? "yes" : "no", CsvDownload.Time(volunteer.SubmittedAt), CsvDownload.Time(volunteer.UpdatedAt),
            }));
    }

    /// <summary>Deletes the entry for good. The audit log keeps that it happened, not who it was.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        // Handlers cannot carry their own policy, so the page's Editors are turned away here.
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(volunteer => volunteer.Id == id, cancellationToken);
        if (volunteer is not null)
        {
            // The deletion and its record are one save: neither happens without the other.
            db.Volunteers.Remove(volunteer);
            audit.Add(AuditActions.VolunteerDeleted, $"volunteer #{id}");
            await db.SaveChangesAsync(cancellationToken);
        }
        Done = volunteer is not null ? "The entry is deleted." : "That entry was already deleted.";
        return RedirectToPage(new { q = Query });
    }

    /// <summary>Volunteers whose name, email or message holds the search words, most recent first.</summary>
    private IQueryable<Volunteer> Matching()
    {
        var volunteers = db.Volunteers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var pattern = "%" + Query.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            // lower() runs in the database, where no .NET culture applies.
#pragma warning disable CA1304, CA1311
            volunteers = volunteers.Where(volunteer =>
                EF.Functions.Like(volunteer.Name.ToLower(), pattern, "\\")
                || EF.Functions.Like(volunteer.Email, pattern, "\\")
                || EF.Functions.Like((volunteer.Message ?? "").ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }
        return volunteers.OrderByDescending(volunteer => volunteer.UpdatedAt).ThenBy(volunteer => volunteer.Id);
    }
}
