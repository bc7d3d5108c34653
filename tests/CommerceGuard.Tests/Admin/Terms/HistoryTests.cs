using CommerceGuard.Features.SiteLanguages;
using System.Globalization;
using System.Net;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Terms;

/// <summary>Every save is a revision; any two can be compared word by word; any one restored as a new one.</summary>
public sealed class HistoryTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly SitePaths English = SitePaths.For(Languages.Default);

    private static string NewTitle() => $"Balance billing {Guid.NewGuid():N}"[..28];

    private Task<Term> StoredAsync(string id) =>
        app.WithDbAsync(db => db.Terms.AsNoTracking().SingleAsync(term => term.Id == int.Parse(id, CultureInfo.InvariantCulture)));

    private static Task<HttpResponseMessage> RestoreAsync(HttpClient desk, string id, int number, int version, bool publish = false) =>
        desk.SubmitToAsync($"/admin/terms/{id}/history", $"/admin/terms/{id}/history?handler=Restore",
            [new("number", number.ToString(CultureInfo.InvariantCulture)), new("version", version.ToString(CultureInfo.InvariantCulture)),
             .. publish ? [new KeyValuePair<string, string>("publish", "true")] : Array.Empty<KeyValuePair<string, string>>()]);

    [Fact]
    public async Task Each_save_is_listed_with_who_saved_it_and_what_changed()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var id = await author.CreateTermAsync(NewTitle(), "The first definition.");
        await author.EditAsync(id, "Save", ("Form.Definition", "The second definition."), ("Form.Misuse", "Said of any bill."));
        await author.EditAsync(id, "Save", ("Form.Summary", "Tightened the wording"), ("Form.Definition", "The third definition."));

        var history = await author.GetPageAsync($"/admin/terms/{id}/history");
        var rows = history.QuerySelectorAll("tbody tr").Select(row => row.Text()).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Contains("Tightened the wording", rows[0], StringComparison.Ordinal);
        Assert.Contains("Changed the definition and misuse", rows[1], StringComparison.Ordinal);
        Assert.Contains("Created", rows[2], StringComparison.Ordinal);
        Assert.All(rows, row => Assert.Contains("author-", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_revisions_compare_side_by_side_word_by_word()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var id = await author.CreateTermAsync(NewTitle(), "A charge the insurer refuses to pay.");
        await author.EditAsync(id, "Save", ("Form.Definition", "A charge the plan refuses to cover."));

        var compare = await author.GetPageAsync($"/admin/terms/{id}/compare?from=1&to=2");
        var sections = compare.QuerySelectorAll(".compare-field");

        Assert.Single(sections);
        Assert.Equal(["insurer", "pay"], sections[0].QuerySelectorAll("del").Select(del => del.Text()));
        Assert.Equal(["plan", "cover"], sections[0].QuerySelectorAll("ins").Select(ins => ins.Text()));
    }

    [Fact]
    public async Task Comparing_revisions_the_term_does_not_have_is_not_found()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var id = await author.CreateTermAsync(NewTitle(), "A definition.");

        var response = await author.GetAsync(new Uri($"/admin/terms/{id}/compare?from=1&to=9", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Restoring_writes_the_old_text_as_a_new_revision()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var id = await author.CreateTermAsync(NewTitle(), "The original definition.");
        await author.EditAsync(id, "Save", ("Form.Definition", "A worse definition."));

        var response = await RestoreAsync(author, id, 1, (await StoredAsync(id)).Version);
        var history = await author.GetPageAsync($"/admin/terms/{id}/history");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("The original definition.", (await StoredAsync(id)).Definition);
        Assert.Contains("Restored revision 1", history.QuerySelector("tbody tr")!.Text(), StringComparison.Ordinal);
        Assert.Equal(3, history.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task An_editor_restores_an_older_published_text_and_readers_see_it()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(NewTitle(), "The careful definition.");
        await editor.EditAsync(id, "Publish");
        await editor.EditAsync(id, "Publish", ("Form.Definition", "A hasty definition."));
        var slug = (await StoredAsync(id)).Slug;

        await RestoreAsync(editor, id, 1, (await StoredAsync(id)).Version, publish: true);
        var page = await app.Browser().GetPageAsync(English.Term(slug));

        Assert.Equal("The careful definition.", page.QuerySelector(".term-definition")!.Text());
    }

    [Fact]
    public async Task An_author_restoring_a_published_term_makes_a_next_version_not_a_new_public_text()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(NewTitle(), "The first definition.");
        await editor.EditAsync(id, "Publish", ("Form.Definition", "The published definition."));
        var slug = (await StoredAsync(id)).Slug;

        await RestoreAsync(author, id, 1, (await StoredAsync(id)).Version);
        var refused = await RestoreAsync(author, id, 1, (await StoredAsync(id)).Version, publish: true);
        var page = await app.Browser().GetPageAsync(English.Term(slug));

        Assert.Equal("The published definition.", page.QuerySelector(".term-definition")!.Text());
        Assert.NotNull((await StoredAsync(id)).PendingRevision);
        Assert.Contains("Only Editors and Admins can publish", (await Pages.ParseAsync(refused)).QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_what_the_term_already_says_is_refused_and_not_logged()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var id = await author.CreateTermAsync(NewTitle(), "The only definition.");
        var slug = (await StoredAsync(id)).Slug;

        var page = await Pages.ParseAsync(await RestoreAsync(author, id, 1, (await StoredAsync(id)).Version));

        Assert.Contains("there is nothing to restore", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(entry => entry.Subject == slug)));
    }
}
