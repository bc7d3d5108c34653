using System.Net;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Tests.Admin;
using CommerceGuard.Tests.Glossary.Versions;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Glossary.Reviews;

/// <summary>
/// A review is a deliberate act by an editor, shown to readers with the reviewer's name and
/// disclosure; it leaves the text, its Last Modified date and its versions alone.
/// </summary>
public sealed class ReviewTests
{
    /// <summary>Fills in the review form as it was served (with the term's version) and sends it.</summary>
    private static async Task<HttpResponseMessage> ReviewAsync(HttpClient desk, int id, string? name, string? disclosure, string? note = null)
    {
        var url = $"/admin/terms/{id}/review";
        var form = (await desk.GetPageAsync(url)).QuerySelector("form.stacked-form")!;
        return await desk.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Form.Version", form.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!),
            new("Form.ReviewerName", name ?? ""), new("Form.Disclosure", disclosure ?? ""), new("Form.Note", note ?? ""),
        ]));
    }

    [Fact]
    public async Task A_review_shows_on_the_term_page_with_the_reviewers_disclosure_and_changes_nothing_else()
    {
        using var app = new GlossaryApp();
        var before = await app.Browser().GetPageAsync("/glossary/overdraft-fee");
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await app.IdOfAsync("overdraft-fee");

        var answer = await ReviewAsync(editor, id, "Dana Reviewer", "Consumer-finance lawyer; no ties to banks.", "Checked the fee caps.");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/admin/reviews", StaffSessions.PathOf(answer.Headers.Location));
        var after = await app.Browser().GetPageAsync("/glossary/overdraft-fee");
        var reviewed = after.QuerySelector(".term-reviewed")!;
        Assert.StartsWith("Last reviewed:", reviewed.Text(), StringComparison.Ordinal);
        Assert.Contains("by Dana Reviewer — Consumer-finance lawyer; no ties to banks.", reviewed.Text(), StringComparison.Ordinal);
        Assert.NotNull(reviewed.QuerySelector("time[datetime]"));
        Assert.Equal(before.QuerySelector(".term-modified")!.Text(), after.QuerySelector(".term-modified")!.Text());
        Assert.Equal(before.QuerySelector(".term-history-link")!.Text(), after.QuerySelector(".term-history-link")!.Text());
        // The note is for editors only.
        Assert.DoesNotContain("fee caps", after.DocumentElement.TextContent, StringComparison.Ordinal);
        var review = await app.WithDbAsync(db => db.TermReviews.SingleAsync(review => review.TermId == id));
        Assert.Equal(("Dana Reviewer", "Checked the fee caps."), (review.ReviewerName, review.Note));
    }

    [Fact]
    public async Task The_review_form_offers_what_the_reviewer_disclosed_last_time()
    {
        using var app = new GlossaryApp();
        var editor = await app.SignedInAsync(Roles.Editor);
        await ReviewAsync(editor, await app.IdOfAsync("premium"), "Dana Reviewer", "Insurance broker until 2020.");

        var form = await editor.GetPageAsync($"/admin/terms/{await app.IdOfAsync("deductible")}/review");

        Assert.Equal("Dana Reviewer", form.QuerySelector("#reviewer")!.GetAttribute("value"));
        Assert.Equal("Insurance broker until 2020.", form.QuerySelector("#disclosure")!.TextContent);
    }

    [Fact]
    public async Task A_review_without_a_disclosure_is_refused_in_words()
    {
        using var app = new GlossaryApp();
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await app.IdOfAsync("premium");

        var page = await Pages.ParseAsync(await ReviewAsync(editor, id, "Dana Reviewer", "  "));

        Assert.Contains("your expertise, and any ties relevant to this term", page.QuerySelector("#problem-disclosure")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Dana Reviewer", page.QuerySelector("#reviewer")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.TermReviews.AnyAsync()));
    }

    [Fact]
    public async Task An_author_cannot_mark_a_term_reviewed()
    {
        using var app = new GlossaryApp();
        var author = await app.SignedInAsync(Roles.Author);

        var page = await Pages.ParseAsync(await ReviewAsync(author, await app.IdOfAsync("premium"), "Ann Author", "Writer."));

        Assert.Contains("Only Editors and Admins can review terms.", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.TermReviews.AnyAsync()));
    }

    [Fact]
    public async Task A_review_of_text_that_changed_while_it_was_read_is_refused()
    {
        using var app = new GlossaryApp();
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await app.IdOfAsync("premium");
        var token = (await editor.GetPageAsync($"/admin/terms/{id}/review")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = await app.WithDbAsync(db => db.Terms.Where(term => term.Id == id).Select(term => term.Version).SingleAsync());

        await app.EditAsync("premium", content => content with { Definition = "Changed while the reviewer read it." });
        var answer = await editor.PostAsync(new Uri($"/admin/terms/{id}/review", UriKind.Relative), new FormUrlEncodedContent([
            new("Form.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.ReviewerName", "Dana"), new("Form.Disclosure", "Lawyer."), new("__RequestVerificationToken", token)]));

        Assert.Contains("read it again", (await Pages.ParseAsync(answer)).QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.TermReviews.AnyAsync()));
    }

    [Fact]
    public async Task Only_a_published_term_is_reviewed()
    {
        using var app = new GlossaryApp();
        await app.MoveAsync("premium", WorkflowMove.Unpublish);
        var editor = await app.SignedInAsync(Roles.Editor);

        var page = await Pages.ParseAsync(await ReviewAsync(editor, await app.IdOfAsync("premium"), "Dana", "Lawyer."));

        Assert.Contains("publish it first", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
    }
}
