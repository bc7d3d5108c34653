using System.Net;
using CommerceGuard.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Admin;

public sealed class SignInTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static string NewEmail() => $"person-{Guid.NewGuid():N}@example.org";

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await Pages.ParseAsync(response)).QuerySelector("[role=alert]")?.Text() ?? "";

    [Fact]
    public async Task The_right_password_signs_in_and_opens_the_back_office()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Author);
        var desk = app.Desk();

        var response = await desk.SignInAsync(email);
        var home = await desk.GetPageAsync("/admin");

        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        Assert.Contains("Author", home.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Author);

        var wrongPassword = await ErrorAsync(await app.Desk().SignInAsync(email, "not the password at all"));
        var unknownEmail = await ErrorAsync(await app.Desk().SignInAsync(NewEmail()));

        Assert.Equal("Wrong email or password.", wrongPassword);
        Assert.Equal(wrongPassword, unknownEmail);
    }

    [Fact]
    public async Task A_known_and_an_unknown_email_get_answers_with_the_same_cookies()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Author);

        var known = await app.Desk().SignInAsync(email, "not the password at all");
        var unknown = await app.Desk().SignInAsync(NewEmail(), "not the password at all");

        static IEnumerable<string> CookieNames(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(cookie => cookie.Split('=')[0]).Order() : [];
        Assert.Equal(CookieNames(known), CookieNames(unknown));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_answer_stays_the_same()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Editor);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await app.Desk().SignInAsync(email, $"wrong guess number {attempt}");
        }

        var withTheRightPassword = await app.Desk().SignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, withTheRightPassword.StatusCode);
        Assert.Equal("Wrong email or password.", await ErrorAsync(withTheRightPassword));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task Signing_in_without_the_form_token_is_refused()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Admin);

        var response = await app.Desk().PostAsync(new Uri("/admin/sign-in", UriKind.Relative),
            new FormUrlEncodedContent([new("Email", email), new("Password", StaffSessions.GoodPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_host_prefixed_secure_http_only_and_same_site_strict()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Author);

        var response = await app.Desk(https: true).SignInAsync(email);

        // The last one: signing in first clears whatever session the browser held.
        var cookie = response.Headers.GetValues("Set-Cookie").Last(value => value.StartsWith("__Host-cg-staff=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_other_sessions()
    {
        // Sessions are checked against the account every request here, not once a minute.
        using var site = new GlossaryApp().With("Accounts:SessionCheckSeconds", "0");
        var email = NewEmail();
        await site.AddAccountAsync(email, Roles.Author);
        var (laptop, phone) = (site.Desk(), site.Desk());
        await laptop.SignInAsync(email);
        await phone.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        await laptop.SubmitAsync("/admin?handler=SignOutEverywhere", []);

        var onThePhone = await phone.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, onThePhone.StatusCode);
        Assert.StartsWith("/admin/sign-in", StaffSessions.PathOf(onThePhone.Headers.Location), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/sign-in")]
    [InlineData("/admin/set-password")]
    public async Task Back_office_pages_are_never_stored(string path)
    {
        var response = await app.Desk().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }
}
