using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CommerceGuard.Tests.Admin.Terms;

/// <summary>Working the term editor's form the way a browser without scripts does.</summary>
public static class TermDesk
{
    /// <summary>The editor form's fields as the page has them, token included.</summary>
    public static async Task<List<KeyValuePair<string, string>>> EditorFormAsync(this HttpClient desk, string id)
    {
        var page = await desk.GetPageAsync($"/admin/terms/{id}");
        return FieldsOf(page.QuerySelector<IHtmlFormElement>("#term-form")!);
    }

    /// <summary>What a browser would post for this form: checked boxes only, every other field as it stands.</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form) =>
        [.. form.Elements.Where(element => element.GetAttribute("name") is not null).SelectMany(element => element switch
        {
            IHtmlInputElement { Type: "checkbox" } box => box.IsChecked ? [new KeyValuePair<string, string>(box.Name!, box.Value)] : [],
            IHtmlInputElement input => [new(input.Name!, input.Value)],
            IHtmlTextAreaElement area => [new(area.Name!, area.Value)],
            IHtmlSelectElement select => [new(select.Name!, select.Value ?? "")],
            _ => Array.Empty<KeyValuePair<string, string>>(),
        })];

    /// <summary>The fields with these names replaced (or added); a null value removes the name.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, params (string Name, string? Value)[] changes)
    {
        var changed = fields.Where(field => !changes.Any(change => change.Name == field.Key)).ToList();
        changed.AddRange(changes.Where(change => change.Value is not null).Select(change => new KeyValuePair<string, string>(change.Name, change.Value!)));
        return changed;
    }

    public static Task<HttpResponseMessage> PostEditorAsync(
        this HttpClient desk, string id, string handler, IEnumerable<KeyValuePair<string, string>> fields) =>
        desk.PostAsync(new Uri($"/admin/terms/{id}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields));

    /// <summary>Writes a new term and returns its id.</summary>
    public static async Task<string> CreateTermAsync(this HttpClient desk, string title, string definition, params (string Name, string? Value)[] more)
    {
        var form = (await desk.EditorFormAsync("new")).With([("Form.Title", title), ("Form.Definition", definition), .. more]);
        var response = await desk.PostEditorAsync("new", "Save", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await Problems(response));
        return StaffSessions.PathOf(response.Headers.Location).Split('/')[^1];
    }

    /// <summary>Saves the editor form with changes, from the page as it stands now.</summary>
    public static async Task<HttpResponseMessage> EditAsync(this HttpClient desk, string id, string handler, params (string Name, string? Value)[] changes) =>
        await desk.PostEditorAsync(id, handler, (await desk.EditorFormAsync(id)).With(changes));

    /// <summary>Makes a workflow move from the editor page.</summary>
    public static Task<HttpResponseMessage> MoveAsync(this HttpClient desk, string id, string move) =>
        desk.EditAsync(id, "Move", ("move", move));

    /// <summary>The problems a refused change shows, for assertion messages.</summary>
    public static async Task<string> Problems(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"{(int)response.StatusCode} {StaffSessions.PathOf(response.Headers.Location)}";
        }
        var page = await Pages.ParseAsync(response);
        return string.Join(" | ", page.QuerySelectorAll(".error-summary li, .conflict h2, .field-error").Select(element => element.Text()));
    }

    public static async Task<IHtmlDocument> ShownAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Pages.ParseAsync(response);
    }

    public static string? ProblemText(this IDocument page) => page.QuerySelector(".error-summary")?.Text();
}
