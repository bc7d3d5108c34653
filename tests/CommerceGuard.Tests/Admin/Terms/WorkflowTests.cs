using CommerceGuard.Features.SiteLanguages;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Terms;

/// <summary>Draft → In review → Published → Unpublished: who may make each move, and what readers see.</summary>
public sealed class WorkflowTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly SitePaths English = SitePaths.For(Languages.Default);

    private static string NewTitle() => $"Claim holdback {Guid.NewGuid():N}"[..28];

    private async Task<HttpStatusCode> PublicStatusAsync(string slug) =>
        (await app.Browser().GetAsync(new Uri(English.Term(slug), UriKind.Relative))).StatusCode;

    private Task<Term> StoredAsync(string id) =>
        app.WithDbAsync(db => db.Terms.AsNoTracking().SingleAsync(term => term.Id == int.Parse(id, CultureInfo.InvariantCulture)));

    [Fact]
    public async Task An_author_drafts_and_submits_and_an_editor_publishes()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var editor = await app.SignedInAsync(Roles.Editor);
        var title = NewTitle();

        var id = await author.CreateTermAsync(title, "When an insurer keeps part of a payout back.");
        var slug = (await StoredAsync(id)).Slug;
        Assert.Equal(TermStatus.Draft, (await StoredAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync(slug));

        Assert.Equal(HttpStatusCode.Redirect, (await author.MoveAsync(id, "Submit")).StatusCode);
        Assert.Equal(TermStatus.InReview, (await StoredAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync(slug));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.MoveAsync(id, "Publish")).StatusCode);
        Assert.Equal(TermStatus.Published, (await StoredAsync(id)).Status);
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(slug));
    }

    [Fact]
    public async Task An_author_can_neither_publish_nor_save_and_publish()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var id = await author.CreateTermAsync(NewTitle(), "A definition.");
        await author.MoveAsync(id, "Submit");

        var move = await TermDesk.ShownAsync(await author.MoveAsync(id, "Publish"));
        var save = await TermDesk.ShownAsync(await author.EditAsync(id, "Publish", ("Form.Definition", "Changed.")));

        Assert.Contains("Only Editors and Admins can publish", move.ProblemText(), StringComparison.Ordinal);
        Assert.Contains("Only Editors and Admins can publish", save.ProblemText(), StringComparison.Ordinal);
        Assert.Equal(TermStatus.InReview, (await StoredAsync(id)).Status);
        Assert.Null(move.QuerySelector("button[value=Publish]"));
    }

    [Fact]
    public async Task Moves_that_do_not_follow_from_the_state_are_refused()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(NewTitle(), "A definition.");

        var unpublishDraft = await TermDesk.ShownAsync(await editor.MoveAsync(id, "Unpublish"));
        var withdrawDraft = await TermDesk.ShownAsync(await editor.MoveAsync(id, "Withdraw"));
        await editor.MoveAsync(id, "Submit");
        var submitTwice = await TermDesk.ShownAsync(await editor.MoveAsync(id, "Submit"));
        var redraftInReview = await TermDesk.ShownAsync(await editor.MoveAsync(id, "Redraft"));

        Assert.Contains("A term that is a draft cannot be unpublished", unpublishDraft.ProblemText(), StringComparison.Ordinal);
        Assert.Contains("cannot be taken back from review", withdrawDraft.ProblemText(), StringComparison.Ordinal);
        Assert.Contains("A term that is in review cannot be submitted for review", submitTwice.ProblemText(), StringComparison.Ordinal);
        Assert.Contains("cannot be returned to draft", redraftInReview.ProblemText(), StringComparison.Ordinal);
        Assert.Equal(TermStatus.InReview, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Unpublishing_takes_the_page_down_and_redrafting_starts_again()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(NewTitle(), "A definition.");
        await editor.MoveAsync(id, "Publish");
        var slug = (await StoredAsync(id)).Slug;

        await editor.MoveAsync(id, "Unpublish");
        var afterUnpublish = await PublicStatusAsync(slug);
        await editor.MoveAsync(id, "Redraft");

        Assert.Equal(HttpStatusCode.NotFound, afterUnpublish);
        Assert.Equal(TermStatus.Draft, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Editing_a_published_term_writes_a_next_version_readers_do_not_see_until_it_is_published()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(NewTitle(), "The published definition.");
        await editor.MoveAsync(id, "Publish");
        var slug = (await StoredAsync(id)).Slug;

        await author.EditAsync(id, "Save", ("Form.Definition", "The next definition."));
        var whileDrafting = await app.Browser().GetPageAsync(English.Term(slug));
        var editorPage = await author.GetPageAsync($"/admin/terms/{id}");
        await author.MoveAsync(id, "Submit");
        await editor.MoveAsync(id, "Publish");
        var afterPublish = await app.Browser().GetPageAsync(English.Term(slug));

        Assert.Contains("The published definition.", whileDrafting.QuerySelector(".term-definition")!.Text(), StringComparison.Ordinal);
        Assert.Equal("The next definition.", ((IHtmlTextAreaElement)editorPage.QuerySelector("#field-definition")!).Value);
        Assert.Contains("Next version: Draft", editorPage.QuerySelector(".editor-status")!.Text(), StringComparison.Ordinal);
        Assert.Contains("The next definition.", afterPublish.QuerySelector(".term-definition")!.Text(), StringComparison.Ordinal);
        Assert.Null((await StoredAsync(id)).PendingRevision);
    }

    [Fact]
    public async Task Only_editors_delete_and_only_terms_readers_cannot_see()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(NewTitle(), "A definition.");
        await editor.MoveAsync(id, "Publish");

        var byAuthor = await author.GetPageAsync(StaffSessions.PathOf((await author.EditAsync(id, "Delete", ("confirm", "true"))).Headers.Location));
        var whilePublished = await editor.GetPageAsync(StaffSessions.PathOf((await editor.EditAsync(id, "Delete", ("confirm", "true"))).Headers.Location));
        await editor.MoveAsync(id, "Unpublish");
        var deleted = await editor.EditAsync(id, "Delete", ("confirm", "true"));

        Assert.Contains("Only Editors and Admins can delete", byAuthor.ProblemText(), StringComparison.Ordinal);
        Assert.Contains("unpublish it before deleting it", whilePublished.ProblemText(), StringComparison.Ordinal);
        Assert.Equal("/admin/terms", StaffSessions.PathOf(deleted.Headers.Location));
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Id == int.Parse(id, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Publishing_after_a_next_version_was_discarded_publishes_and_records_the_text_readers_see()
    {
        var author = await app.SignedInAsync(Roles.Author);
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(NewTitle(), "The reviewed definition.");
        await editor.MoveAsync(id, "Publish");
        await author.EditAsync(id, "Save", ("Form.Definition", "An unreviewed definition."));
        await editor.MoveAsync(id, "Discard");

        await editor.MoveAsync(id, "Unpublish");
        await editor.MoveAsync(id, "Publish");
        var term = await StoredAsync(id);

        Assert.Equal("The reviewed definition.", term.Definition);
        Assert.Equal((1, 1), (term.PublishedRevision, term.ContentRevision));
        Assert.Null(term.PendingRevision);
    }

    [Fact]
    public async Task A_refused_delete_shows_the_term_again_whole_with_the_reason()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(NewTitle(), "Kept definition.", ("Form.Examples[0]", "Kept example."));
        await editor.MoveAsync(id, "Publish");

        var response = await editor.EditAsync(id, "Delete", ("confirm", "true"));
        var page = await editor.GetPageAsync(StaffSessions.PathOf(response.Headers.Location));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("unpublish it before deleting it", page.ProblemText(), StringComparison.Ordinal);
        Assert.Equal("Kept definition.", ((IHtmlTextAreaElement)page.QuerySelector("#field-definition")!).Value);
        Assert.Equal("Kept example.", ((IHtmlTextAreaElement)page.QuerySelector("#example-0")!).Value);
    }
}
