using System.Net;
using CommerceGuard.Features.Accounts;

namespace CommerceGuard.Tests.Admin;

/// <summary>
/// Sign-in attempts are limited twice over: per client address, whichever accounts it names,
/// and per account, from whichever addresses. Past either the answer is 429 with Retry-After
/// and the form says to wait; the password is not even checked.
/// </summary>
public sealed class SignInLimitTests : IDisposable
{
    private readonly GlossaryApp app = new GlossaryApp()
        // Each desk below claims an address of its own in X-Forwarded-For, as clients behind a proxy do.
        .With("ForwardedHeaders:KnownProxies", GlossaryApp.TestClientAddress)
        .With("RateLimits:SignInsPerAddress:PermitsPerWindow", "3")
        .With("RateLimits:SignInsPerAddress:WindowSeconds", "3600")
        .With("RateLimits:SignInsPerAccount:PermitsPerWindow", "2")
        .With("RateLimits:SignInsPerAccount:WindowSeconds", "3600");

    [Fact]
    public async Task One_address_trying_many_accounts_is_stopped_after_its_quota()
    {
        var desk = DeskAt("198.51.100.1");
        foreach (var email in new[] { "a@example.org", "b@example.org", "c@example.org" })
        {
            using var tried = await desk.SignInAsync(email, "wrong guess");
            Assert.Equal(HttpStatusCode.OK, tried.StatusCode);
        }

        using var refused = await desk.SignInAsync("d@example.org", "wrong guess");

        await AssertRefusedAsync(refused);
        // Another address is counted on its own.
        using var elsewhere = await DeskAt("198.51.100.2").SignInAsync("d@example.org", "wrong guess");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task One_account_tried_from_many_addresses_is_stopped_after_its_quota_even_with_the_right_password()
    {
        await app.AddAccountAsync("editor@example.org", "Editor");
        using var first = await DeskAt("198.51.100.1").SignInAsync("editor@example.org", "wrong guess");
        using var second = await DeskAt("198.51.100.2").SignInAsync("EDITOR@example.org ", "wrong guess");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var refused = await DeskAt("198.51.100.3").SignInAsync("editor@example.org");

        await AssertRefusedAsync(refused);
        // Another account is counted on its own.
        using var other = await DeskAt("198.51.100.3").SignInAsync("someone@example.org", "wrong guess");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public void An_account_is_counted_by_its_email_as_identity_compares_it_and_the_bucket_does_not_hold_the_address()
    {
        var key = SignInLimits.AccountKey(" Editor@Example.org");
        Assert.Equal(key, SignInLimits.AccountKey("editor@example.org"));
        // The Kelvin sign is K to Identity (which compares emails in NFC), so it is to the limit too.
        Assert.Equal(SignInLimits.AccountKey("kate@example.org"), SignInLimits.AccountKey("\u212Aate@example.org"));
        Assert.DoesNotContain("example", key, StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient DeskAt(string address)
    {
        var desk = app.Desk();
        desk.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return desk;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage refused)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await Pages.ParseAsync(refused);
        Assert.Contains("Too many attempts to sign in", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}
