using System.Net;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Admin;

/// <summary><c>users add | list | disable</c>, and the one-time link that sets a first password.</summary>
public sealed class UsersCommandTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private async Task<(int ExitCode, string Output)> RunAsync(string[] args, string input = "")
    {
        using var output = new StringWriter();
        app.Browser();
        var exitCode = await CommandLine.RunAsync(app.Services, args, output, new StringReader(input));
        return (exitCode, output.ToString());
    }

    private static string NewEmail() => $"staff-{Guid.NewGuid():N}@example.org";

    private static string LinkIn(string output) =>
        output.Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith("http", StringComparison.Ordinal));

    [Fact]
    public async Task A_new_site_has_no_account_at_all()
    {
        using var fresh = new GlossaryApp();
        fresh.Browser();

        Assert.Equal(0, await fresh.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Adding_an_admin_prints_a_one_time_link_to_choose_a_password()
    {
        var email = NewEmail();
        var (exitCode, output) = await RunAsync(["users", "add", email, "--role", "Admin"]);
        var link = new Uri(LinkIn(output));
        var desk = app.Desk();

        var chosen = await desk.SubmitAsync(link.PathAndQuery, [new("Password", StaffSessions.GoodPassword), new("Confirm", StaffSessions.GoodPassword)]);
        var signedIn = await desk.SignInAsync(email);
        var again = await desk.GetPageAsync(link.PathAndQuery);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("/admin/sign-in", StaffSessions.PathOf(chosen.Headers.Location), StringComparison.Ordinal);
        Assert.Equal("/admin", StaffSessions.PathOf(signedIn.Headers.Location));
        Assert.Contains("used or has expired", again.QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("1234567890123")]
    [InlineData("")]
    [InlineData("🔑🔑🔑🔑🔑🔑")]
    public async Task A_weak_password_from_standard_input_is_refused_and_no_account_is_made(string password)
    {
        var email = NewEmail();

        var (exitCode, output) = await RunAsync(["users", "add", email, "--role", "Editor", "--password-stdin"], password + "\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("No account was added", output, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(user => user.Email == email)));
    }

    [Fact]
    public async Task A_password_from_standard_input_is_set_at_once()
    {
        var email = NewEmail();

        var (exitCode, _) = await RunAsync(["users", "add", email, "--role", "Editor", "--password-stdin"], StaffSessions.GoodPassword + "\n");

        Assert.Equal(0, exitCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Desk().SignInAsync(email)).StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", "is invalid")]
    [InlineData("<script>@example.org", "is invalid")]
    public async Task A_malformed_email_is_refused(string email, string reason)
    {
        var (exitCode, output) = await RunAsync(["users", "add", email, "--role", "Author"]);

        Assert.Equal(1, exitCode);
        Assert.Contains(reason, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_longer_than_mail_allows_is_refused_and_no_account_is_made()
    {
        var email = new string('a', 250) + "@example.org";

        var (exitCode, output) = await RunAsync(["users", "add", email, "--role", "Author"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("at most 254 characters", output, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(user => user.Email == email)));
    }

    [Fact]
    public async Task The_same_email_cannot_be_added_twice()
    {
        var email = NewEmail();
        await RunAsync(["users", "add", email, "--role", "Author"]);

        var (exitCode, output) = await RunAsync(["users", "add", email, "--role", "Editor"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("is already taken", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        var (exitCode, output) = await RunAsync(["users", "add", NewEmail(), "--role", "Overlord"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("There is no role \"Overlord\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_each_account_with_its_role_and_state()
    {
        var (active, invited) = (NewEmail(), NewEmail());
        await app.AddAccountAsync(active, Roles.Editor);
        await app.AddAccountAsync(invited, Roles.Author, password: null);

        var (_, output) = await RunAsync(["users", "list"]);

        Assert.Contains($"{active}  Editor  active", output, StringComparison.Ordinal);
        Assert.Contains($"{invited}  Author  invited", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Editor);

        var (exitCode, _) = await RunAsync(["users", "disable", email]);
        var (_, list) = await RunAsync(["users", "list"]);
        var response = await app.Desk().SignInAsync(email);

        Assert.Equal(0, exitCode);
        Assert.Contains($"{email}  Editor  disabled", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Wrong email or password.", (await Pages.ParseAsync(response)).QuerySelector("[role=alert]")!.Text());
    }

    [Fact]
    public async Task A_common_password_is_refused_when_chosen_through_the_link()
    {
        var email = NewEmail();
        var account = await app.AddAccountAsync(email, Roles.Author, password: null);
        await using var scope = app.Services.CreateAsyncScope();
        var link = new Uri(await scope.ServiceProvider.GetRequiredService<AccountAdministration>().SetPasswordLinkAsync(account));

        var response = await app.Desk().SubmitAsync(link.PathAndQuery, [new("Password", "qwertyuiop123"), new("Confirm", "qwertyuiop123")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("one people often use", (await Pages.ParseAsync(response)).QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
        Assert.Null((await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email))!.PasswordHash);
    }
}
