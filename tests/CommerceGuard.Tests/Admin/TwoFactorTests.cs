using System.Net;
using System.Security.Cryptography;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin;

/// <summary>Two-factor sign-in with an authenticator app, and recovery codes for a lost phone.</summary>
public sealed class TwoFactorTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    /// <summary>Signs in as a new account and turns two-factor sign-in on; gives its email, key and recovery codes.</summary>
    private async Task<(string Email, string Key, List<string> RecoveryCodes)> TurnedOnAsync()
    {
        var email = $"careful-{Guid.NewGuid():N}@example.org";
        await app.AddAccountAsync(email, Roles.Editor);
        var desk = app.Desk();
        await desk.SignInAsync(email);
        var setup = await desk.GetPageAsync("/admin/two-factor");
        var key = setup.QuerySelector(".authenticator-key")!.Text().Replace(" ", "", StringComparison.Ordinal);

        var turnedOn = await desk.SubmitAsync("/admin/two-factor?handler=TurnOn", [new("Code", Authenticator.CodeFor(key))]);

        var codes = (await Pages.ParseAsync(turnedOn)).QuerySelectorAll(".recovery-codes code").Select(code => code.Text()).ToList();
        Assert.Equal(10, codes.Count);
        return (email, key, codes);
    }

    [Fact]
    public async Task With_two_factor_on_the_password_alone_does_not_sign_in()
    {
        var (email, key, _) = await TurnedOnAsync();
        var desk = app.Desk();

        var afterPassword = await desk.SignInAsync(email);
        var stillOut = await desk.GetAsync(new Uri("/admin", UriKind.Relative));
        var afterCode = await desk.SubmitAsync("/admin/sign-in/code", [new("Code", Authenticator.CodeFor(key))]);
        var inside = await desk.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal("/admin/sign-in/code", StaffSessions.PathOf(afterPassword.Headers.Location).Split('?')[0]);
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        Assert.Equal("/admin", StaffSessions.PathOf(afterCode.Headers.Location));
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_is_refused()
    {
        var (email, _, _) = await TurnedOnAsync();
        var desk = app.Desk();
        await desk.SignInAsync(email);

        var response = await desk.SubmitAsync("/admin/sign-in/code", [new("Code", "000000")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("That code did not work.", (await Pages.ParseAsync(response)).QuerySelector("[role=alert]")!.Text());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_recorded()
    {
        var (email, _, codes) = await TurnedOnAsync();
        var first = app.Desk();
        await first.SignInAsync(email);
        var used = await first.SubmitAsync("/admin/sign-in/code", [new("Code", codes[0])]);
        var second = app.Desk();
        await second.SignInAsync(email);
        var again = await second.SubmitAsync("/admin/sign-in/code", [new("Code", codes[0])]);

        Assert.Equal("/admin", StaffSessions.PathOf(used.Headers.Location));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(entry => entry.Subject == email && entry.Action == AuditActions.RecoveryCodeUsed)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(entry => entry.Subject == email && entry.Action == AuditActions.TwoFactorOn)));
    }
}

public sealed class TwoFactorSafeguardTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private async Task<(string Email, string Key, List<string> RecoveryCodes, HttpClient Desk)> TurnedOnAsync()
    {
        var email = $"wary-{Guid.NewGuid():N}@example.org";
        await app.AddAccountAsync(email, Roles.Author);
        var desk = app.Desk();
        await desk.SignInAsync(email);
        var key = (await desk.GetPageAsync("/admin/two-factor")).QuerySelector(".authenticator-key")!.Text().Replace(" ", "", StringComparison.Ordinal);
        var turnedOn = await desk.SubmitAsync("/admin/two-factor?handler=TurnOn", [new("Code", Authenticator.CodeFor(key))]);
        var codes = (await Pages.ParseAsync(turnedOn)).QuerySelectorAll(".recovery-codes code").Select(code => code.Text()).ToList();
        return (email, key, codes, desk);
    }

    [Fact]
    public async Task Setting_up_and_turning_on_does_not_end_the_session_it_is_done_in()
    {
        var (_, _, codes, desk) = await TurnedOnAsync();

        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Turning_it_off_or_making_new_codes_takes_a_code_from_the_app()
    {
        var (email, _, _, desk) = await TurnedOnAsync();

        var off = await desk.SubmitAsync("/admin/two-factor?handler=TurnOff", [new("Code", "123456")]);
        var codes = await desk.SubmitAsync("/admin/two-factor?handler=NewRecoveryCodes", [new("Code", "123456")]);

        Assert.Contains("did not match", (await Pages.ParseAsync(off)).QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
        Assert.Empty((await Pages.ParseAsync(codes)).QuerySelectorAll(".recovery-codes code"));
        var second = app.Desk();
        var afterPassword = await second.SignInAsync(email);
        Assert.StartsWith("/admin/sign-in/code", StaffSessions.PathOf(afterPassword.Headers.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_does_not_open_a_locked_account_and_wrong_ones_count_toward_the_lockout()
    {
        var (email, _, codes, _) = await TurnedOnAsync();
        var desk = app.Desk();
        await desk.SignInAsync(email);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await desk.SubmitAsync("/admin/sign-in/code", [new("Code", $"not-a-code-{attempt}")]);
        }

        var withARealCode = await desk.SubmitAsync("/admin/sign-in/code", [new("Code", codes[0])]);

        Assert.Equal(HttpStatusCode.OK, withARealCode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await desk.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }
}

/// <summary>What an authenticator app does: RFC 6238 codes from a base32 key, 30-second steps, six digits.</summary>
internal static class Authenticator
{
    public static string CodeFor(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
        // RFC 6238 as authenticator apps implement it is HMAC-SHA1; a test must compute what the phone would.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var number = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (number % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.ToUpperInvariant().TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
