using CommerceGuard.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Admin;

/// <summary>
/// Admins invite people, change their roles, disable accounts and hand out new one-time links.
/// A link is shown once, on the page that made it, and never stored.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class AccountsPageModel(AccountAdministration accounts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string Role { get; set; } = Roles.Author;

    public List<AccountSummary> Accounts { get; private set; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>A one-time link just made, and whose it is.</summary>
    public (string Email, string Link)? NewLink { get; private set; }

    public string? Done { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            Errors.Add("Enter the email address of the person to invite.");
        }
        else
        {
            var added = await accounts.AddAsync(Email, Role, DisplayName, password: null);
            Errors.AddRange(added.Errors);
            if (added.Succeeded)
            {
                NewLink = (added.Account!.Email!, await accounts.SetPasswordLinkAsync(added.Account));
                (Email, DisplayName) = (null, null);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string email, string role, CancellationToken cancellationToken)
    {
        Record(await accounts.ChangeRoleAsync(email, role), $"{email} is now {role}.");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string email, CancellationToken cancellationToken)
    {
        Record(await accounts.DisableAsync(email), $"{email} is disabled; its sessions end within a minute.");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(string email, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(email) is { DisabledAt: null } account)
        {
            // A new link is as good as a password reset, so it is on the record.
            NewLink = (account.Email!, await accounts.SetPasswordLinkAsync(account, audited: true));
        }
        else
        {
            Errors.Add($"There is no enabled account {email}.");
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public double LinkHours => accounts.SetPasswordLinkLifetime.TotalHours;

    private void Record(string? refusal, string done)
    {
        if (refusal is null)
        {
            Done = done;
        }
        else
        {
            Errors.Add(refusal);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListAsync(cancellationToken);
}
