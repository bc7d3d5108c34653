using System.Net;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin;

/// <summary>An Admin invites people, changes roles and disables accounts from /admin/accounts.</summary>
public sealed class AccountsPageTests : IDisposable
{
    // A site of its own: the "only Admin" rules count every Admin there is.
    private readonly GlossaryApp app = new();

    private static string NewEmail() => $"colleague-{Guid.NewGuid():N}@example.org";

    private static async Task<string> LinkOnAsync(HttpResponseMessage response) =>
        (await Pages.ParseAsync(response)).QuerySelector(".one-time-link")!.Text();

    [Fact]
    public async Task An_admin_invites_an_editor_who_chooses_a_password_and_signs_in()
    {
        var admin = await app.SignedInAsync(Roles.Admin);
        var email = NewEmail();

        var invited = await admin.SubmitAsync("/admin/accounts?handler=Invite", [new("Email", email), new("DisplayName", "Nellie Bly"), new("Role", Roles.Editor)]);
        var link = new Uri(await LinkOnAsync(invited));
        var newcomer = app.Desk();
        await newcomer.SubmitAsync(link.PathAndQuery, [new("Password", StaffSessions.GoodPassword), new("Confirm", StaffSessions.GoodPassword)]);
        await newcomer.SignInAsync(email);
        var home = await newcomer.GetPageAsync("/admin");

        Assert.Contains("Signed in as Nellie Bly (Editor)", home.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_change_is_made_and_recorded()
    {
        var admin = await app.SignedInAsync(Roles.Admin);
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Author);

        var response = await admin.SubmitAsync("/admin/accounts?handler=Role", [new("email", email), new("role", Roles.Editor)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(entry => entry.Subject == email && entry.Action == AuditActions.RoleChanged));
        Assert.Equal("Author → Editor", entry.Detail);
        Assert.StartsWith("admin-", entry.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_only_admin_can_be_neither_demoted_nor_disabled()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Admin);
        var admin = app.Desk();
        await admin.SignInAsync(email);

        var demoted = await admin.SubmitAsync("/admin/accounts?handler=Role", [new("email", email), new("role", Roles.Author)]);
        var disabled = await admin.SubmitAsync("/admin/accounts?handler=Disable", [new("email", email)]);

        Assert.Contains("only active Admin", (await Pages.ParseAsync(demoted)).QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
        Assert.Contains("only active Admin", (await Pages.ParseAsync(disabled)).QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/accounts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_admin_invited_but_not_yet_signed_up_does_not_count_as_another_admin()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Admin);
        var admin = app.Desk();
        await admin.SignInAsync(email);
        await admin.SubmitAsync("/admin/accounts?handler=Invite", [new("Email", NewEmail()), new("Role", Roles.Admin)]);

        var demoted = await admin.SubmitAsync("/admin/accounts?handler=Role", [new("email", email), new("role", Roles.Author)]);

        Assert.Contains("only active Admin", (await Pages.ParseAsync(demoted)).QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_password_link_for_a_colleague_is_recorded()
    {
        var admin = await app.SignedInAsync(Roles.Admin);
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Author);

        var response = await admin.SubmitAsync("/admin/accounts?handler=Link", [new("email", email)]);

        Assert.StartsWith("http", await LinkOnAsync(response), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(entry => entry.Subject == email && entry.Action == AuditActions.PasswordLinkMade)));
    }

    [Fact]
    public async Task A_disabled_colleague_is_shown_as_disabled_and_cannot_sign_in()
    {
        var admin = await app.SignedInAsync(Roles.Admin);
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Author);

        await admin.SubmitAsync("/admin/accounts?handler=Disable", [new("email", email)]);
        var list = await admin.GetPageAsync("/admin/accounts");
        var signIn = await app.Desk().SignInAsync(email);

        var row = list.QuerySelectorAll("tbody tr").Single(row => row.Text().Contains(email, StringComparison.Ordinal));
        Assert.Contains("disabled", row.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    public void Dispose() => app.Dispose();
}
