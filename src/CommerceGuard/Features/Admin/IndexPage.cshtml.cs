using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Glossary.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Admin;

/// <summary>The back office's front page, and signing out (here, or on every device).</summary>
public sealed class IndexPageModel(SignInManager<Account> signIn, UserManager<Account> users, AuditLog audit, ReviewSchedule schedule, Community.Suggestions.Suggestions suggestions) : PageModel
{
    public Account? Account { get; private set; }

    public string Role { get; private set; } = "";

    /// <summary>Terms in the review queue, and how many of them are overdue.</summary>
    public (int Queued, int Overdue) Reviews { get; private set; }

    /// <summary>Readers' suggested terms waiting for a decision.</summary>
    public int Suggestions { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reviews = await schedule.CountAsync(cancellationToken);
        Suggestions = await suggestions.OpenCountAsync(cancellationToken);
        Account = await users.GetUserAsync(User);
        Role = Roles.All.LastOrDefault(User.IsInRole) ?? "";
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        if (User.Identity?.Name is { } email)
        {
            await audit.RecordAsync(AuditActions.SignedOut, email);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("SignInPage");
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        // A new security stamp fails every other session's next check (within a minute).
        if (await users.GetUserAsync(User) is { } account)
        {
            await users.UpdateSecurityStampAsync(account);
            await audit.RecordAsync(AuditActions.SignedOutEverywhere, account.Email!);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("SignInPage");
    }
}
