using System.Net;
using CommerceGuard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Terms;

/// <summary>
/// The editor shows the Flesch–Kincaid grade of the definition and each section with the
/// longest sentences, and publishing text above the warning grade asks for a confirmation.
/// </summary>
public sealed class ReadabilityPanelTests
{
    private const string Plain = "A fee is money you pay. The bank takes it from your account.";

    private const string Dense = "Consideration of organizational responsibilities necessitates comprehensive evaluation of contractual obligations, "
        + "notwithstanding jurisdictional variability concerning enforceability determinations and remediation methodologies.";

    [Fact]
    public async Task The_panel_grades_each_part_and_names_the_longest_sentences()
    {
        using var app = new GlossaryApp().With("Readability:WarnAboveGrade", "9").With("Readability:LongSentenceWords", "15");
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync("Dense Fee", Plain, ("Form.Misuse", Dense));

        var page = await editor.GetPageAsync($"/admin/terms/{id}");

        var rows = page.QuerySelectorAll("#field-readability tbody tr");
        Assert.Equal(["Definition", "Misuse"], rows.Select(row => row.QuerySelector("th")!.Text()));
        Assert.True(double.Parse(rows[0].QuerySelectorAll("td")[0].Text().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) < 9);
        Assert.Equal("above-limit", rows[1].ClassName);
        Assert.Contains("Misuse, 19 words", page.QuerySelector(".readability-hints li")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_text_above_the_warning_grade_asks_for_a_confirmation_first()
    {
        using var app = new GlossaryApp().With("Readability:WarnAboveGrade", "9");
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync("Dense Charge", Dense);

        var refused = await editor.EditAsync(id, "Publish");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Pages.ParseAsync(refused);
        Assert.Contains("Definition reads at grade", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Contains("above 9", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Draft", await app.WithDbAsync(db => db.Terms.Where(term => term.Title == "Dense Charge").Select(term => term.Status.ToString()).SingleAsync()));

        var confirmed = await editor.EditAsync(id, "Publish", ("Form.PublishAnyway", "true"));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("Published", await app.WithDbAsync(db => db.Terms.Where(term => term.Title == "Dense Charge").Select(term => term.Status.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task The_warning_grade_is_set_in_configuration()
    {
        using var app = new GlossaryApp().With("Readability:WarnAboveGrade", "20");
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await editor.CreateTermAsync("Dense Levy", Plain + " " + "Remediation methodologies notwithstanding.");

        var published = await editor.EditAsync(id, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }
}
