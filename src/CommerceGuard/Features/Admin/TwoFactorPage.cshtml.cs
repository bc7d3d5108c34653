using System.Text;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace CommerceGuard.Features.Admin;

/// <summary>
/// Turning on two-factor sign-in with an authenticator app (TOTP): scan the code or type the key,
/// prove it with a first code, and keep the ten recovery codes shown once. Also turning it off,
/// and replacing the recovery codes.
/// </summary>
public sealed class TwoFactorPageModel(UserManager<Account> users, SignInManager<Account> signIn, AuditLog audit) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    public bool IsOn { get; private set; }

    /// <summary>The key to type into an authenticator app, in groups of four.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The same key as a QR code, as an SVG data address.</summary>
    public string QrCode { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public int RecoveryCodesLeft { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync(await AccountAsync());

    public async Task<IActionResult> OnPostTurnOnAsync()
    {
        var account = await AccountAsync();
        if (!await CodeIsRightAsync(account))
        {
            await LoadAsync(account);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount) ?? []];
        await audit.RecordAsync(AuditActions.TwoFactorOn, account.Email!);
        await signIn.RefreshSignInAsync(account);
        await LoadAsync(account);
        return Page();
    }

    /// <summary>New recovery codes, only with a code from the app: a borrowed session must not be able to mint them.</summary>
    public async Task<IActionResult> OnPostNewRecoveryCodesAsync()
    {
        var account = await AccountAsync();
        if (await users.GetTwoFactorEnabledAsync(account) && await CodeIsRightAsync(account))
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount) ?? []];
            await audit.RecordAsync(AuditActions.RecoveryCodesMade, account.Email!);
        }
        await LoadAsync(account);
        return Page();
    }

    /// <summary>Turning it off takes a code from the app too, for the same reason.</summary>
    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        var account = await AccountAsync();
        if (!await CodeIsRightAsync(account))
        {
            await LoadAsync(account);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(account, false);
        // A new key, so the old one (and any phone holding it) is no use if it is turned on again.
        await users.ResetAuthenticatorKeyAsync(account);
        await audit.RecordAsync(AuditActions.TwoFactorOff, account.Email!);
        await signIn.RefreshSignInAsync(account);
        return RedirectToPage();
    }

    private async Task<bool> CodeIsRightAsync(Account account)
    {
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return true;
        }
        Error = "That code did not match. Check the time on your phone, and enter the code the app shows now.";
        return false;
    }

    private async Task<Account> AccountAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The back office is only for signed-in accounts.");

    private async Task LoadAsync(Account account)
    {
        IsOn = await users.GetTwoFactorEnabledAsync(account);
        RecoveryCodesLeft = IsOn ? await users.CountRecoveryCodesAsync(account) : 0;
        if (IsOn)
        {
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            // Making the key changes the security stamp; the current session is renewed so it is not ended by it.
            await users.ResetAuthenticatorKeyAsync(account);
            await signIn.RefreshSignInAsync(account);
            key = (await users.GetAuthenticatorKeyAsync(account))!;
        }
        Key = string.Join(' ', key.Chunk(4).Select(group => new string(group))).ToLowerInvariant();
        var address = $"otpauth://totp/CommerceGuard:{Uri.EscapeDataString(account.Email!)}?secret={key}&issuer=CommerceGuard&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrCode = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
