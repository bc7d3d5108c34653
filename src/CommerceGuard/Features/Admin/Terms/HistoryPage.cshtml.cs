using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin.Terms;

/// <summary>A term's revisions, newest first: compare any two, restore any one as a new revision.</summary>
public sealed class HistoryPageModel(GlossaryDb db, TermEditor editor) : PageModel
{
    public Term Term { get; private set; } = null!;

    public List<RevisionRow> Revisions { get; private set; } = [];

    public Dictionary<string, string> Problems { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public StaffMember Who => StaffMember.From(User);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, int version, bool publish, CancellationToken cancellationToken)
    {
        var outcome = await editor.RestoreAsync(id, version, number, Who, publish, cancellationToken);
        if (outcome.Succeeded)
        {
            Done = publish
                ? $"Revision {number} is restored and published: readers see it now."
                : $"Revision {number} is restored as the newest revision.";
            return RedirectToPage(new { id });
        }
        if (!await LoadAsync(id, cancellationToken) || outcome.Missing)
        {
            return NotFound();
        }
        Problems = outcome.Conflict is null
            ? new Dictionary<string, string>(outcome.Problems)
            : new() { [EditOutcome.General] = "Someone saved this term while you were looking at its history; here it is as it stands now. Try again if you still want to restore." };
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var term = await db.Terms.AsNoTracking().SingleOrDefaultAsync(term => term.Id == id, cancellationToken);
        if (term is null)
        {
            return false;
        }
        Term = term;
        Revisions = await db.Revisions.AsNoTracking()
            .Where(revision => revision.TermId == id)
            .OrderByDescending(revision => revision.Number)
            .Select(revision => new RevisionRow(revision.Number, revision.At, revision.AuthorName, revision.Summary, revision.Changed))
            .ToListAsync(cancellationToken);
        return true;
    }

    /// <summary>What readers see, or what is waiting to be published, for a revision's row.</summary>
    public string? Marker(int number) =>
        number == Term.PendingRevision ? "Next version"
        : number == Term.PublishedRevision && Term.Status == TermStatus.Published ? "Published"
        : null;
}

/// <summary>A revision as the history lists it; its content is read only when compared.</summary>
public sealed record RevisionRow(int Number, DateTime At, string AuthorName, string Summary, string Changed)
{
    public IEnumerable<string> ChangedLabels => Changed.Length == 0 ? [] : Changed.Split(',').Select(TermFields.Label);
}
