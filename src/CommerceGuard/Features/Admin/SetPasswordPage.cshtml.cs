using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Admin;

/// <summary>
/// Where a one-time link (from <c>users add</c> or an Admin) lets its owner choose a password.
/// Setting it changes the account's security stamp, which makes the link, and any other, useless.
/// </summary>
[RateLimited(Limit.PublicWrites)]
[RequestSizeLimit(16 * 1024)]
public sealed class SetPasswordPageModel(UserManager<Account> users, AuditLog audit, IStringLocalizer<SiteText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "account")]
    public string? AccountId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public List<string> Errors { get; } = [];

    public bool LinkIsBad { get; private set; }

    public async Task OnGetAsync()
    {
        // The link's token is in the address: no other page, even this site's, learns it from the Referer header.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        LinkIsBad = await AccountAsync() is not { } account || !await LinkIsGoodAsync(account);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await AccountAsync();
        if (account is null || !await LinkIsGoodAsync(account))
        {
            LinkIsBad = true;
            return Page();
        }
        if (string.IsNullOrEmpty(Password) || string.IsNullOrEmpty(Confirm))
        {
            Errors.Add(text["SetPassword.Required"]);
            return Page();
        }
        if (Password != Confirm)
        {
            Errors.Add(text["SetPassword.Mismatch"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(account, Token!, Password);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(error => error.Description));
            return Page();
        }
        // A person who was locked out by others' guesses gets in with the password they just chose.
        await users.ResetAccessFailedCountAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        await audit.RecordAsync(AuditActions.PasswordSet, account.Email!, "through a one-time link", actor: account.Email);
        return RedirectToPage("SignInPage", new { passwordSet = true });
    }

    private async Task<Account?> AccountAsync() =>
        string.IsNullOrEmpty(AccountId) || string.IsNullOrEmpty(Token) ? null : await users.FindByIdAsync(AccountId);

    private Task<bool> LinkIsGoodAsync(Account account) =>
        account.DisabledAt is not null
            ? Task.FromResult(false)
            : users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Account>.ResetPasswordTokenPurpose, Token!);
}
