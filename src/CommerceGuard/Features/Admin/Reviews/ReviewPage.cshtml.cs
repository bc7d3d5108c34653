using CommerceGuard.Data;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Glossary.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin.Reviews;

/// <summary>
/// Marks a term reviewed: the reviewer says who they are to readers (name, expertise, ties) and
/// may leave a note for editors. The term's earlier reviews are listed below.
/// </summary>
public sealed class ReviewPageModel(GlossaryDb db, TermEditor editor, UserManager<Account> users) : PageModel
{
    public Term Term { get; private set; } = null!;
    public List<TermReview> Reviews { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public ReviewForm Form { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public StaffMember Who => StaffMember.From(User);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        // What this reviewer told readers last time is likely still true; they can change it.
        var accountId = users.GetUserId(User);
        var last = await db.TermReviews.AsNoTracking().Where(review => review.AccountId == accountId)
            .OrderByDescending(review => review.At).FirstOrDefaultAsync(cancellationToken);
        var account = await users.GetUserAsync(User);
        Form = new ReviewForm
        {
            Version = Term.Version,
            ReviewerName = last?.ReviewerName ?? (string.IsNullOrWhiteSpace(account?.DisplayName) ? null : account.DisplayName),
            Disclosure = last?.Disclosure,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await editor.ReviewAsync(id, Form.Version, new ReviewInput(Form.ReviewerName, Form.Disclosure, Form.Note), Who, cancellationToken);
        if (outcome.Missing || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            Done = $"{Term.Title} is marked reviewed: its page says so now.";
            return RedirectToPage("ReviewsPage");
        }
        Problems = outcome.Conflict is null
            ? outcome.Problems
            : new Dictionary<string, string> { [EditOutcome.General] = "Someone changed this term while you were reviewing it; read it again before marking it reviewed." };
        Form.Version = Term.Version;
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
        Reviews = await db.TermReviews.AsNoTracking().Where(review => review.TermId == id)
            .OrderByDescending(review => review.At).Take(50).ToListAsync(cancellationToken);
        return true;
    }

    public string? Problem(string field) => Problems.GetValueOrDefault(field);
}

/// <summary>The review form's fields; <see cref="Version"/> is the term's as the reviewer read it.</summary>
public sealed class ReviewForm
{
    public int Version { get; set; }
    public string? ReviewerName { get; set; }
    public string? Disclosure { get; set; }
    public string? Note { get; set; }
}
