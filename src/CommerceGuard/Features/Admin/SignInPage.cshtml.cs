using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Admin;

/// <summary>
/// Signing in to the back office. Every failure reads the same ("wrong email or password"),
/// whether the email is unknown, the password wrong, or the account locked or disabled, and each
/// wrong password counts towards locking the account. Attempts are limited per address and per
/// account (<see cref="SignInLimits"/>).
/// </summary>
[RequestSizeLimit(16 * 1024)]
public sealed class SignInPageModel(
    SignInManager<Account> signIn,
    UserManager<Account> users,
    TimeProvider time,
    AuditLog audit,
    SignInLimits limits,
    IStringLocalizer<SiteText> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool PasswordSet { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = text["SignIn.Required"];
            return Page();
        }
        if (!await limits.TryAttemptAsync(HttpContext, Email))
        {
            Error = text["SignIn.TooMany"];
            return Page();
        }
        // A fresh session: whatever this browser held before is dropped (for every email alike,
        // so the answer's cookies never tell a known address from an unknown one).
        await signIn.SignOutAsync();
        var account = await users.FindByEmailAsync(Email.Trim());
        if (account is null || account.PasswordHash is null || await users.IsLockedOutAsync(account))
        {
            // Hash anyway, so that no refusal is quicker than a wrong password's.
            users.PasswordHasher.VerifyHashedPassword(new Account(), UnknownAccountHash, Password);
        }
        if (account is null)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, Typed(Email), "no such account", actor: Typed(Email));
            Error = text["SignIn.Wrong"];
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("SignInCodePage", new { returnUrl = ReturnUrl });
        }
        if (!result.Succeeded)
        {
            var (action, detail) = result.IsLockedOut ? (AuditActions.LockedOut, "locked after too many wrong passwords")
                : result.IsNotAllowed ? (AuditActions.SignInFailed, "not allowed to sign in")
                : (AuditActions.SignInFailed, "wrong password");
            await audit.RecordAsync(action, account.Email!, account.DisabledAt is null ? detail : "account disabled", actor: account.Email);
            Error = text["SignIn.Wrong"];
            return Page();
        }
        account.LastSignInAt = time.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(account);
        await audit.RecordAsync(AuditActions.SignedIn, account.Email!, actor: account.Email);
        return LocalRedirect(SafeReturn(Url, ReturnUrl));
    }

    /// <summary>What was typed as an email, for the audit log; anything else (a password typed in the wrong box) is not kept.</summary>
    private static string Typed(string email) => email.Trim() is var typed && typed.Contains('@', StringComparison.Ordinal) ? typed : "(not an email address)";

    /// <summary>Where to go after signing in: back where the person was going, if that was in the back office.</summary>
    public static string SafeReturn(IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/admin";

    /// <summary>A hash of no one's password, made with the same hasher settings as real ones.</summary>
    private static readonly string UnknownAccountHash = new PasswordHasher<Account>().HashPassword(new Account(), Guid.NewGuid().ToString());
}
