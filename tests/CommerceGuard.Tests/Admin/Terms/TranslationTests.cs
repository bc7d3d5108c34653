using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Terms;

/// <summary>
/// Keeping two languages in step: a term's translation is written beside its original, follows
/// the workflow on its own, and says when the original has changed since it was last brought in step.
/// </summary>
public sealed class TranslationTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    private Task<Term> StoredAsync(string id) =>
        app.WithDbAsync(db => db.Terms.AsNoTracking().SingleAsync(term => term.Id == int.Parse(id, CultureInfo.InvariantCulture)));

    /// <summary>A published English term and its editor's desk.</summary>
    private async Task<(HttpClient Editor, string Id, Term Term)> PublishedOriginalAsync()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync(Unique("Surprise bill"), "A bill for care you did not know was outside your network.");
        await editor.MoveAsync(id, "Publish");
        return (editor, id, await StoredAsync(id));
    }

    /// <summary>Writes the Spanish translation from the original's "Translate into Español" link, and returns its id.</summary>
    private static async Task<string> TranslateAsync(HttpClient editor, string originalId, string title, string definition, string handler = "Save")
    {
        var original = await editor.GetPageAsync($"/admin/terms/{originalId}");
        var start = original.QuerySelector(".editor-languages a[href*='language=es']")!.GetAttribute("href")!;
        var page = await editor.GetPageAsync(start);
        var form = TermDesk.FieldsOf(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#term-form")!)
            .With(("Form.Title", title), ("Form.Definition", definition));
        var response = await editor.PostAsync(new Uri($"/admin/terms/new?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await TermDesk.Problems(response));
        return StaffSessions.PathOf(response.Headers.Location).Split('/')[^1];
    }

    [Fact]
    public async Task A_translation_is_written_beside_its_original_and_starts_as_a_draft_of_its_own()
    {
        var (editor, id, original) = await PublishedOriginalAsync();

        var start = await editor.GetPageAsync($"/admin/terms/new?translationOf={id}&language=es");
        var translationId = await TranslateAsync(editor, id, Unique("Factura sorpresa"), "Una factura por atención que no sabía que estaba fuera de su red.");
        var translation = await StoredAsync(translationId);

        // The original is shown as readers see it, in its own language, beside the form.
        Assert.Equal(original.Title, start.QuerySelector(".editor-original h1")!.Text());
        Assert.Equal("en", start.QuerySelector(".editor-original article")!.GetAttribute("lang"));
        Assert.Equal("es", start.QuerySelector("#field-definition")!.GetAttribute("lang"));
        Assert.Equal(("es", int.Parse(id, CultureInfo.InvariantCulture), TermStatus.Draft), (translation.Language, translation.TranslationOfId, translation.Status));
        Assert.Equal(original.PublishedRevision, translation.TranslatedRevision);
        // Readers do not see a draft, in either language's pages.
        var englishPage = await app.Browser().GetPageAsync($"/glossary/{original.Slug}");
        Assert.Null(englishPage.QuerySelector(".language-nav"));
    }

    [Fact]
    public async Task Each_language_is_published_on_its_own_and_then_each_page_links_the_other()
    {
        var (editor, id, original) = await PublishedOriginalAsync();
        var translationId = await TranslateAsync(editor, id, Unique("Factura sorpresa"), "Una factura inesperada.");
        var translation = await StoredAsync(translationId);

        await editor.MoveAsync(translationId, "Publish");

        var spanish = await app.Browser().GetPageAsync($"/es/glosario/{translation.Slug}");
        var english = await app.Browser().GetPageAsync($"/glossary/{original.Slug}");
        Assert.Equal($"/glossary/{original.Slug}", spanish.QuerySelector(".language-nav a")!.GetAttribute("href"));
        Assert.Equal($"/es/glosario/{translation.Slug}", english.QuerySelector(".language-nav a")!.GetAttribute("href"));
        // The Spanish revision history is the translation's own.
        var history = await editor.GetPageAsync($"/admin/terms/{translationId}/history");
        Assert.Contains(translation.Title, history.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_published_to_the_original_flags_the_translation_until_it_is_brought_in_step()
    {
        var (editor, id, _) = await PublishedOriginalAsync();
        var translationId = await TranslateAsync(editor, id, Unique("Factura sorpresa"), "Una factura inesperada.", handler: "Publish");

        Assert.Empty((await editor.GetPageAsync($"/admin/terms/{translationId}")).QuerySelectorAll(".notice-warning"));
        await editor.EditAsync(id, "Publish", ("Form.Definition", "A bill, often large, for care from someone outside your network."));

        var flagged = await editor.GetPageAsync($"/admin/terms/{translationId}");
        var warning = flagged.QuerySelector(".notice-warning")!;
        Assert.Contains("The English text changed after this translation", warning.Text(), StringComparison.Ordinal);
        Assert.Matches($"^/admin/terms/{id}/compare\\?from=\\d+&to=\\d+$", warning.QuerySelector("a")!.GetAttribute("href"));
        var originalPage = await editor.GetPageAsync($"/admin/terms/{id}");
        Assert.NotNull(originalPage.QuerySelector(".editor-languages .badge-behind"));

        // Saving without saying it is in step keeps the flag; saying so clears it.
        await editor.EditAsync(translationId, "Publish", ("Form.Definition", "Una factura, a veces grande."));
        Assert.NotEmpty((await editor.GetPageAsync($"/admin/terms/{translationId}")).QuerySelectorAll(".notice-warning"));
        await editor.EditAsync(translationId, "Publish", ("Form.Definition", "Una factura, a menudo grande, por atención fuera de su red."), ("Form.InStep", "true"));
        Assert.Empty((await editor.GetPageAsync($"/admin/terms/{translationId}")).QuerySelectorAll(".notice-warning"));
        Assert.Null((await editor.GetPageAsync($"/admin/terms/{id}")).QuerySelector(".editor-languages .badge-behind"));
    }

    [Fact]
    public async Task A_term_is_translated_into_a_language_once_and_never_from_a_translation()
    {
        var (editor, id, _) = await PublishedOriginalAsync();
        var translationId = await TranslateAsync(editor, id, Unique("Factura sorpresa"), "Una factura inesperada.");

        var again = await editor.GetPageAsync($"/admin/terms/{id}");
        Assert.Null(again.QuerySelector(".editor-languages a[href*='language=es']"));
        var form = (await editor.EditorFormAsync("new")).With(("Form.Title", Unique("Otra factura")), ("Form.Definition", "Otra."), ("Form.TranslationOf", id), ("Form.Language", "es"));
        var refused = await TermDesk.ShownAsync(await editor.PostEditorAsync("new", "Save", form));
        Assert.Contains("has a translation into \"es\" already", refused.ProblemText(), StringComparison.Ordinal);

        await editor.GetPageAsync($"/admin/terms/new?translationOf={translationId}&language=en", HttpStatusCode.NotFound);
        await editor.GetPageAsync($"/admin/terms/new?translationOf={id}&language=xx", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_translators_saving_one_translation_meet_the_same_conflict_rules_as_any_term()
    {
        var (editor, id, _) = await PublishedOriginalAsync();
        var translationId = await TranslateAsync(editor, id, Unique("Factura sorpresa"), "Una factura inesperada.");
        var other = await app.SignedInAsync(Roles.Author);
        var stale = await editor.EditorFormAsync(translationId);

        await other.EditAsync(translationId, "Save", ("Form.Definition", "Primera versión."));
        var conflict = await TermDesk.ShownAsync(await editor.PostEditorAsync(translationId, "Save", stale.With(("Form.Definition", "Segunda versión."))));

        Assert.NotNull(conflict.QuerySelector(".conflict"));
        Assert.Equal("Primera versión.", (await StoredAsync(translationId)).Definition);
    }

    [Fact]
    public async Task The_term_list_names_each_term_s_language_and_filters_by_it()
    {
        var editor = await app.SignedInAsync(Roles.Editor);

        var spanish = await editor.GetPageAsync("/admin/terms?language=es&q=Deducible");
        var every = await editor.GetPageAsync("/admin/terms?q=Deduc");

        var row = Assert.Single(spanish.QuerySelectorAll("tbody tr"));
        Assert.Equal("es", row.QuerySelector("a")!.GetAttribute("lang"));
        Assert.Equal("Español", row.QuerySelector(".badge")!.Text());
        Assert.Contains(every.QuerySelectorAll("tbody tr a"), link => link.Text() == "Deductible");
        Assert.Contains(every.QuerySelectorAll("tbody tr a"), link => link.Text() == "Deducible");
    }
}
