using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Terms;

/// <summary>Two people saving the same term in turn: the second is shown both versions, and no word is lost.</summary>
public sealed class ConflictTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static string NewTitle() => $"Surprise bill {Guid.NewGuid():N}"[..26];

    private Task<Term> StoredAsync(string id) =>
        app.WithDbAsync(db => db.Terms.AsNoTracking().SingleAsync(term => term.Id == int.Parse(id, CultureInfo.InvariantCulture)));

    [Fact]
    public async Task The_second_of_two_saves_is_refused_with_both_versions_and_then_merges()
    {
        var first = await app.SignedInAsync(Roles.Editor);
        var second = await app.SignedInAsync(Roles.Author);
        var id = await first.CreateTermAsync(NewTitle(), "A bill from a provider outside the network.");
        var firstForm = await first.EditorFormAsync(id);
        var secondForm = await second.EditorFormAsync(id);

        var firstSave = await first.PostEditorAsync(id, "Save", firstForm.With(("Form.Definition", "A bill from a provider outside the plan's network.")));
        var secondSave = await second.PostEditorAsync(id, "Save", secondForm.With(("Form.Misuse", "Used for any bill a patient did not expect.")));
        var conflict = await TermDesk.ShownAsync(secondSave);

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.NotNull(conflict.QuerySelector(".conflict"));
        Assert.Contains("A bill from a provider outside the plan's network.", conflict.QuerySelector("#theirs-definition")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Used for any bill a patient did not expect.", ((IHtmlTextAreaElement)conflict.QuerySelector("#field-misuse")!).Value);
        Assert.Equal("A bill from a provider outside the plan's network.", (await StoredAsync(id)).Definition);

        // The writer takes the other's definition into the form and saves: the merge.
        var merged = TermDesk.FieldsOf((IHtmlFormElement)conflict.QuerySelector("#term-form")!)
            .With(("Form.Definition", "A bill from a provider outside the plan's network."));
        var mergeSave = await second.PostEditorAsync(id, "Save", merged);
        var stored = await StoredAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, mergeSave.StatusCode);
        Assert.Equal("A bill from a provider outside the plan's network.", stored.Definition);
        Assert.Equal("Used for any bill a patient did not expect.", stored.Misuse);
    }

    [Fact]
    public async Task A_workflow_move_from_a_stale_page_is_refused_too()
    {
        var first = await app.SignedInAsync(Roles.Editor);
        var second = await app.SignedInAsync(Roles.Editor);
        var id = await first.CreateTermAsync(NewTitle(), "A definition.");
        var staleForm = await second.EditorFormAsync(id);

        await first.EditAsync(id, "Save", ("Form.Definition", "A better definition."));
        var move = await second.PostEditorAsync(id, "Move", staleForm.With(("move", "Submit")));

        Assert.NotNull((await TermDesk.ShownAsync(move)).QuerySelector(".conflict"));
        Assert.Equal(TermStatus.Draft, (await StoredAsync(id)).Status);
        Assert.Equal("A better definition.", (await StoredAsync(id)).Definition);
    }

    [Fact]
    public async Task Saves_racing_past_the_version_check_still_cannot_both_win()
    {
        var id = await (await app.SignedInAsync(Roles.Editor)).CreateTermAsync(NewTitle(), "A definition.");
        var version = (await StoredAsync(id)).Version;
        var desks = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SignedInAsync(Roles.Editor)));
        var forms = await Task.WhenAll(desks.Select(desk => desk.EditorFormAsync(id)));

        var saves = await Task.WhenAll(desks.Select((desk, i) =>
            desk.PostEditorAsync(id, "Save", forms[i].With(("Form.Definition", $"Definition number {i}.")))));

        Assert.Single(saves, save => save.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(version + 1, (await StoredAsync(id)).Version);
        var revisions = await app.WithDbAsync(db => db.Revisions.CountAsync(revision => revision.TermId == int.Parse(id, CultureInfo.InvariantCulture)));
        Assert.Equal(2, revisions);
    }
}
