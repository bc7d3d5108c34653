using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Admin;

/// <summary>
/// The second step of signing in, for accounts with two-factor sign-in: a code from the
/// authenticator app, or one of the recovery codes. Wrong codes count towards the lockout, and
/// every attempt towards the sign-in limits.
/// </summary>
[RequestSizeLimit(16 * 1024)]
public sealed class SignInCodePageModel(SignInManager<Account> signIn, TimeProvider time, AuditLog audit, SignInLimits limits, IStringLocalizer<SiteText> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignInPage") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null)
        {
            // The first step has expired (or never happened): start again.
            return RedirectToPage("SignInPage");
        }
        if (!await limits.TryAttemptAsync(HttpContext, account.Email!))
        {
            Error = text["SignIn.TooMany"];
            return Page();
        }
        // Identity's recovery-code sign-in neither checks nor counts toward the lockout; this page does both.
        if (account.DisabledAt is not null || await signIn.UserManager.IsLockedOutAsync(account))
        {
            await audit.RecordAsync(AuditActions.SignInFailed, account.Email!, "second step while locked or disabled", actor: account.Email);
            Error = "That code did not work.";
            return Page();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        // Six digits are an app's code; anything else is tried as a recovery code.
        var byRecoveryCode = !(code.Length == 6 && code.All(char.IsAsciiDigit));
        var result = byRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (!result.Succeeded)
        {
            if (byRecoveryCode)
            {
                await signIn.UserManager.AccessFailedAsync(account);
            }
            await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, account.Email!, "wrong second-step code", actor: account.Email);
            Error = "That code did not work.";
            return Page();
        }
        account.LastSignInAt = time.GetUtcNow().UtcDateTime;
        await signIn.UserManager.UpdateAsync(account);
        await audit.RecordAsync(byRecoveryCode ? AuditActions.RecoveryCodeUsed : AuditActions.SignedIn, account.Email!, byRecoveryCode ? "signed in with a recovery code" : "with an authenticator code", actor: account.Email);
        return LocalRedirect(SignInPageModel.SafeReturn(Url, ReturnUrl));
    }
}
