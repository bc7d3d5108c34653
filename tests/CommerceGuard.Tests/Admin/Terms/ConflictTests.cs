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
    public async Task Changes_to_different_fields_are_merged_into_the_form_for_the_second_writer_to_save()
    {
        var first = await app.SignedInAsync(Roles.Editor);
        var second = await app.SignedInAsync(Roles.Author);
        var id = await first.CreateTermAsync(NewTitle(), "A bill from a provider outside the network.");
        var firstForm = await first.EditorFormAsync(id);
        var secondForm = await second.EditorFormAsync(id);

        var firstSave = await first.PostEditorAsync(id, "Save", firstForm.With(("Form.Definition", "A bill from a provider outside the plan's network.")));
        var conflict = await TermDesk.ShownAsync(await second.PostEditorAsync(id, "Save", secondForm.With(("Form.Misuse", "Used for any bill a patient did not expect."))));

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Contains("their text is already in the form: definition", conflict.QuerySelector(".conflict")!.Text(), StringComparison.Ordinal);
        Assert.Empty(conflict.QuerySelectorAll(".conflict-field"));
        Assert.Equal("A bill from a provider outside the plan's network.", ((IHtmlTextAreaElement)conflict.QuerySelector("#field-definition")!).Value);
        Assert.Equal("Used for any bill a patient did not expect.", ((IHtmlTextAreaElement)conflict.QuerySelector("#field-misuse")!).Value);
        Assert.Null((await StoredAsync(id)).Misuse);

        var mergeSave = await second.PostEditorAsync(id, "Save", TermDesk.FieldsOf((IHtmlFormElement)conflict.QuerySelector("#term-form")!));
        var stored = await StoredAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, mergeSave.StatusCode);
        Assert.Equal("A bill from a provider outside the plan's network.", stored.Definition);
        Assert.Equal("Used for any bill a patient did not expect.", stored.Misuse);
    }

    [Fact]
    public async Task A_field_both_writers_changed_is_shown_side_by_side_and_the_second_writers_text_kept()
    {
        var first = await app.SignedInAsync(Roles.Editor);
        var second = await app.SignedInAsync(Roles.Editor);
        var id = await first.CreateTermAsync(NewTitle(), "A charge after care.");
        var firstForm = await first.EditorFormAsync(id);
        var secondForm = await second.EditorFormAsync(id);

        await first.PostEditorAsync(id, "Save", firstForm.With(("Form.Definition", "A charge that comes after emergency care.")));
        var conflict = await TermDesk.ShownAsync(await second.PostEditorAsync(id, "Save", secondForm.With(("Form.Definition", "A charge nobody warned you about."))));

        Assert.Equal("A charge that comes after emergency care.", conflict.QuerySelector("#theirs-definition")!.Text());
        Assert.Equal("A charge nobody warned you about.", ((IHtmlTextAreaElement)conflict.QuerySelector("#field-definition")!).Value);
        Assert.NotEmpty(conflict.QuerySelectorAll(".conflict-field del"));
        Assert.NotEmpty(conflict.QuerySelectorAll(".conflict-field ins"));
        Assert.Equal("A charge that comes after emergency care.", (await StoredAsync(id)).Definition);
        var history = await app.WithDbAsync(db => db.Revisions.CountAsync(revision => revision.TermId == int.Parse(id, CultureInfo.InvariantCulture)));
        Assert.Equal(2, history);
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
        foreach (var refused in saves.Where(save => save.StatusCode != HttpStatusCode.Redirect))
        {
            // Every other writer is shown the winner's text to merge, whichever check caught them.
            Assert.NotNull((await TermDesk.ShownAsync(refused)).QuerySelector(".conflict"));
        }
        Assert.Equal(version + 1, (await StoredAsync(id)).Version);
        var revisions = await app.WithDbAsync(db => db.Revisions.CountAsync(revision => revision.TermId == int.Parse(id, CultureInfo.InvariantCulture)));
        Assert.Equal(2, revisions);
    }
}
