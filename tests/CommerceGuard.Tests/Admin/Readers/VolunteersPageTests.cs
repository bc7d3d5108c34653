using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Community;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Readers;

/// <summary>The volunteers page: search, CSV, and deletion for good by Admins only.</summary>
public sealed class VolunteersPageTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private Task<int> AddVolunteerAsync(string name, string email, string? message = null) => app.WithDbAsync(async db =>
    {
        var volunteer = new Volunteer
        {
            Name = name, Email = email, Message = message, Interests = ["writing", "legal"], ConsentGiven = true,
            SubmittedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync();
        return volunteer.Id;
    });

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient desk, int id) =>
        desk.SubmitToAsync("/admin", "/admin/volunteers?handler=Delete",
            [new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("confirm", "true")]);

    [Fact]
    public async Task Search_finds_volunteers_by_name_email_or_message()
    {
        await AddVolunteerAsync("Rosa Quill", $"rosa-{Guid.NewGuid():N}@example.org", "I know tenancy law.");
        await AddVolunteerAsync("Tomas Reed", $"tomas-{Guid.NewGuid():N}@example.org");
        var editor = await app.SignedInAsync(Roles.Editor);

        var byName = await editor.GetPageAsync("/admin/volunteers?q=quill");
        var byMessage = await editor.GetPageAsync("/admin/volunteers?q=TENANCY");
        var byEmail = await editor.GetPageAsync("/admin/volunteers?q=tomas-");

        Assert.Equal(["Rosa Quill"], byName.QuerySelectorAll("tbody th").Select(cell => cell.Text()));
        Assert.Equal(["Rosa Quill"], byMessage.QuerySelectorAll("tbody th").Select(cell => cell.Text()));
        Assert.Equal(["Tomas Reed"], byEmail.QuerySelectorAll("tbody th").Select(cell => cell.Text()));
    }

    [Fact]
    public async Task The_csv_lists_the_volunteers_found()
    {
        var email = $"csv-{Guid.NewGuid():N}@example.org";
        await AddVolunteerAsync("Ada Csv", email, "+1 555 0100 is my number");
        var editor = await app.SignedInAsync(Roles.Editor);

        var response = await editor.GetAsync(new Uri($"/admin/volunteers?handler=Csv&q={email}", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("name,email,interests,message,consent_given,first_offered_utc,last_updated_utc", lines[0]);
        Assert.StartsWith($"Ada Csv,{email},writing; legal,\"'+1 555 0100 is my number\",yes,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task An_editor_cannot_delete_an_entry()
    {
        var id = await AddVolunteerAsync("Kept Person", $"kept-{Guid.NewGuid():N}@example.org");
        var editor = await app.SignedInAsync(Roles.Editor);

        var response = await DeleteAsync(editor, id);

        Assert.StartsWith("/admin/denied", StaffSessions.PathOf(response.Headers.Location), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Volunteers.AnyAsync(volunteer => volunteer.Id == id)));
    }

    [Fact]
    public async Task An_admin_deletes_an_entry_for_good_and_the_log_does_not_name_the_person()
    {
        var email = $"forget-{Guid.NewGuid():N}@example.org";
        var id = await AddVolunteerAsync("Forget Me", email);
        var admin = await app.SignedInAsync(Roles.Admin);

        await DeleteAsync(admin, id);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(entry => entry.Action == AuditActions.VolunteerDeleted && entry.Subject == $"volunteer #{id}"));

        Assert.False(await app.WithDbAsync(db => db.Volunteers.AnyAsync(volunteer => volunteer.Id == id)));
        Assert.DoesNotContain(email, entry.Subject + entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Forget Me", entry.Subject + entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authors_do_not_see_volunteers()
    {
        var author = await app.SignedInAsync(Roles.Author);

        var response = await author.GetAsync(new Uri("/admin/volunteers?handler=Csv", UriKind.Relative));

        Assert.StartsWith("/admin/denied", StaffSessions.PathOf(response.Headers.Location), StringComparison.Ordinal);
    }
}
