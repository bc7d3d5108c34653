using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Cli;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin;

/// <summary>Each audited action leaves a row saying who did what, to what, when and from where.</summary>
public sealed class AuditLogTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static string NewEmail() => $"audited-{Guid.NewGuid():N}@example.org";

    private Task<List<AuditEntry>> EntriesAboutAsync(string subject) =>
        app.WithDbAsync(db => db.AuditEntries.Where(entry => entry.Subject == subject).OrderBy(entry => entry.Id).ToListAsync());

    [Fact]
    public async Task Adding_and_disabling_an_account_from_the_command_line_is_recorded()
    {
        var email = NewEmail();
        app.Browser();
        using var output = new StringWriter();

        await CommandLine.RunAsync(app.Services, ["users", "add", email, "--role", "Editor"], output);
        await CommandLine.RunAsync(app.Services, ["users", "disable", email], output);

        var entries = await EntriesAboutAsync(email);
        Assert.Equal([AuditActions.AccountAdded, AuditActions.AccountDisabled], entries.Select(entry => entry.Action));
        Assert.All(entries, entry => Assert.Equal(AuditLog.CommandLine, entry.Actor));
        Assert.Equal("as Editor", entries[0].Detail);
    }

    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_the_lockout_are_recorded_with_the_address()
    {
        var email = NewEmail();
        await app.AddAccountAsync(email, Roles.Author);
        await app.Desk().SignInAsync(email);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await app.Desk().SignInAsync(email, $"a wrong guess, number {attempt}");
        }

        var entries = await EntriesAboutAsync(email);

        Assert.Equal(
            [AuditActions.AccountAdded, AuditActions.SignedIn, .. Enumerable.Repeat(AuditActions.SignInFailed, 4), AuditActions.LockedOut],
            entries.Select(entry => entry.Action));
        Assert.All(entries.Skip(1), entry => Assert.Equal(GlossaryApp.TestClientAddress, entry.Address));
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_email_is_recorded_under_the_email_tried()
    {
        var email = NewEmail();

        await app.Desk().SignInAsync(email);

        var entry = Assert.Single(await EntriesAboutAsync(email));
        Assert.Equal(AuditActions.SignInFailed, entry.Action);
        Assert.Equal("no such account", entry.Detail);
    }

    [Fact]
    public async Task Admins_read_the_log_and_editors_may_not()
    {
        var admin = await app.SignedInAsync(Roles.Admin);
        var editor = await app.SignedInAsync(Roles.Editor);

        var page = await admin.GetPageAsync("/admin/audit");
        var refused = await editor.GetAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.NotEmpty(page.QuerySelectorAll("table tbody tr"));
        Assert.StartsWith("/admin/denied", StaffSessions.PathOf(refused.Headers.Location), StringComparison.Ordinal);
    }
}
