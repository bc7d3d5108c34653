using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Terms;

/// <summary>The editor form: every field saved, bad input explained without losing the text, lists, preview, audit.</summary>
public sealed class EditorFormTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static string NewTitle() => $"Network gap {Guid.NewGuid():N}"[..24];

    private Task<Term> StoredAsync(string id) =>
        app.WithDbAsync(db => db.Terms.AsNoTracking().Include(term => term.Categories)
            .SingleAsync(term => term.Id == int.Parse(id, CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Every_field_is_saved_as_written()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var categoryId = await app.WithDbAsync(db => db.Categories.Select(category => category.Id).FirstAsync());

        var id = await editor.CreateTermAsync(NewTitle(), "  A gap in the **network**.  ",
            ("Form.Examples[0]", "First example."), ("Form.Examples[1]", "  "), ("Form.Examples[2]", "Second example."),
            ("Form.Misuse", "Misuse text."), ("Form.Benefits", "Benefits text."), ("Form.Conclusion", "Conclusion text."),
            ("Form.Related[0]", "Deductible"), ("Form.Related[1]", "Something Not Written Yet"),
            ("Form.Aliases", "gap\nnetwork hole\n\ngap"), ("Form.CategoryIds", categoryId.ToString(CultureInfo.InvariantCulture)),
            ("Form.Sources[0].Title", "A report"), ("Form.Sources[0].Address", "https://example.gov/report"),
            ("Form.Sources[0].Publisher", "The agency"), ("Form.Sources[0].Accessed", "2025-04-30"),
            ("Form.Sources[0].Kind", "agency-guidance"), ("Form.Sources[0].Citation", "12 CFR 1006.14"),
            ("Form.Sources[0].Published", "2020-11-30"), ("Form.Sources[0].Supports", "misuse"),
            ("Form.EditorNote", "Check the figures."), ("Form.AutoLink", "false"));
        var term = await StoredAsync(id);

        Assert.Equal("A gap in the **network**.", term.Definition);
        Assert.Equal(["First example.", "Second example."], term.Examples);
        Assert.Equal(("Misuse text.", "Benefits text.", "Conclusion text."), (term.Misuse, term.Benefits, term.Conclusion));
        Assert.Equal(["deductible", "something-not-written-yet"], term.RelatedSlugs);
        Assert.Equal(["gap", "network hole"], term.Aliases);
        Assert.Equal([categoryId], term.Categories.Select(category => category.Id));
        Assert.Equal(new TermSource
        {
            Title = "A report", Address = "https://example.gov/report", Publisher = "The agency", Accessed = new DateOnly(2025, 4, 30),
            Kind = SourceKind.AgencyGuidance, Citation = "12 CFR 1006.14", Published = new DateOnly(2020, 11, 30), Supports = SourceSections.Misuse,
        }, Assert.Single(term.Sources));
        Assert.Equal("Check the figures.", term.EditorNote);
        Assert.False(term.AutoLink);
    }

    [Fact]
    public async Task Bad_input_is_explained_field_by_field_and_the_text_stays_in_the_form()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var form = (await author.EditorFormAsync("new")).With(
            ("Form.Title", ""), ("Form.Definition", "Kept definition."),
            ("Form.Sources[0].Title", "A source"), ("Form.Sources[0].Address", "javascript:alert(1)"),
            ("Form.Examples[0]", new string('x', 20_001)));

        var page = await TermDesk.ShownAsync(await author.PostEditorAsync("new", "Save", form));

        Assert.Contains("Enter the term's title.", page.QuerySelector("#problem-title")!.Text(), StringComparison.Ordinal);
        Assert.Contains("full web address", page.QuerySelector("#problem-sources")!.Text(), StringComparison.Ordinal);
        Assert.Contains("20,000 characters", page.QuerySelector("#problem-examples")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Kept definition.", ((IHtmlTextAreaElement)page.QuerySelector("#field-definition")!).Value);
        Assert.Equal(3, page.QuerySelectorAll(".error-summary li").Length);
        Assert.Equal(0, await app.WithDbAsync(db => db.Terms.CountAsync(term => term.Definition == "Kept definition.")));
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_refused_in_words()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var form = (await author.EditorFormAsync("new")).With(
            ("Form.Title", NewTitle()), ("Form.Definition", "A definition."),
            ("Form.Sources[0].Title", "A source"), ("Form.Sources[0].Accessed", "30/04/2025"));

        var page = await TermDesk.ShownAsync(await author.PostEditorAsync("new", "Save", form));

        Assert.Contains("\"30/04/2025\" is not a date", page.ProblemText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Examples_are_added_moved_and_removed_without_saving()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var form = (await author.EditorFormAsync("new")).With(("Form.Title", "Unsaved"), ("Form.Examples[0]", "One"), ("Form.Examples[1]", "Two"));

        var added = await TermDesk.ShownAsync(await author.PostEditorAsync("new", "List", form.With(("command", "add:examples"))));
        var moved = await TermDesk.ShownAsync(await author.PostEditorAsync("new", "List", form.With(("command", "up:examples:1"))));
        var removed = await TermDesk.ShownAsync(await author.PostEditorAsync("new", "List", form.With(("command", "remove:examples:0"))));

        string[] Examples(IHtmlDocument page) => [.. page.QuerySelectorAll("#field-examples textarea").Select(area => ((IHtmlTextAreaElement)area).Value)];
        Assert.Equal(["One", "Two", ""], Examples(added));
        Assert.Equal(["Two", "One"], Examples(moved));
        Assert.Equal(["Two"], Examples(removed));
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Title == "Unsaved")));
    }

    [Fact]
    public async Task The_preview_is_the_public_article_with_unsafe_markup_removed()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var form = (await author.EditorFormAsync("new")).With(
            ("Form.Title", "Preview term"), ("Form.Definition", "Safe **bold** <script>alert(1)</script> text."),
            ("Form.Related[0]", "Never written term"),
            ("Form.Sources[0].Title", "A trap"), ("Form.Sources[0].Address", "javascript:alert(1)"));

        var response = await author.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/terms/new?handler=Preview")
        {
            Content = new FormUrlEncodedContent(form),
            Headers = { { "X-Term-Preview", "1" } },
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<article class=\"term\"", html.Trim(), StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Never written term", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var form = (await author.EditorFormAsync("new")).With(("__RequestVerificationToken", null), ("Form.Title", "Forged"), ("Form.Definition", "x"));

        var response = await author.PostEditorAsync("new", "Save", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Publishing_unpublishing_restoring_and_deleting_are_in_the_audit_log()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(NewTitle(), "Version one.");
        await editor.EditAsync(id, "Publish", ("Form.Definition", "Version two."));
        await editor.SubmitToAsync($"/admin/terms/{id}/history", $"/admin/terms/{id}/history?handler=Restore",
            [new("number", "1"), new("version", (await StoredAsync(id)).Version.ToString(CultureInfo.InvariantCulture))]);
        await editor.MoveAsync(id, "Unpublish");
        var slug = (await StoredAsync(id)).Slug;
        await editor.EditAsync(id, "Delete", ("confirm", "true"));

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(entry => entry.Subject == slug).OrderBy(entry => entry.Id).ToListAsync());

        Assert.Equal([AuditActions.TermPublished, AuditActions.TermRestored, AuditActions.TermUnpublished, AuditActions.TermDeleted],
            entries.Select(entry => entry.Action));
        Assert.All(entries, entry => Assert.StartsWith("editor-", entry.Actor, StringComparison.Ordinal));
        Assert.All(entries, entry => Assert.Equal(GlossaryApp.TestClientAddress, entry.Address));
    }
}
