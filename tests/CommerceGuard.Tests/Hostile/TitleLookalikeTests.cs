using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Tests.Admin;
using CommerceGuard.Tests.Admin.Terms;
using CommerceGuard.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Hostile;

/// <summary>
/// A title may not pass for another term: no invisible or direction-changing characters, no word
/// mixing look-alike alphabets, and no title that only looks like another term's. The rules hold
/// in the editor, the API and imports alike; honest titles in any language are untouched.
/// </summary>
public sealed class TitleLookalikeTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Theory]
    [InlineData("\u202Emuimerp", "right-to-left override")]
    [InlineData("Pre\u200Bmium", "zero-width space")]
    [InlineData("Premium\u2066 fee\u2069", "left-to-right isolate")]
    [InlineData("Pr\u00ADemium", "soft hyphen")]
    [InlineData("P\U000E0072remium", "a formatting character")]
    [InlineData("Premium\uFE0F", "a variation selector")]
    [InlineData("Pr\u0435mium", "mixes Latin and Cyrillic")]
    [InlineData("\u03A1remium", "mixes Greek and Latin")]
    public void A_title_that_hides_what_it_is_is_refused_with_the_reason(string title, string reason) =>
        Assert.Contains(reason, TitleLookalikes.Problem(title), StringComparison.Ordinal);

    [Theory]
    [InlineData("Prima de seguro")]
    [InlineData("Depósito en garantía")]
    [InlineData("Año fiscal")]
    [InlineData("Beta (β) of a fund")]
    [InlineData("Страховая премия")]
    [InlineData("401(k) plan")]
    [InlineData("Worker\u2019s compensation")]
    public void An_honest_title_in_any_alphabet_is_left_alone(string title)
    {
        Assert.Null(TitleLookalikes.Problem(title));
        Assert.Null(TitleLookalikes.PassesFor(title));
    }

    [Theory]
    [InlineData("\uFF30\uFF52\uFF45\uFF4D\uFF49\uFF55\uFF4D", "premium")]
    [InlineData("\u0441\u043E\u0440\u0430\u0443", "copay")]
    [InlineData("\U0001D40F\U0001D42B\U0001D41E\U0001D426\U0001D422\U0001D42E\U0001D426", "premium")]
    public void A_title_in_look_alike_characters_passes_for_the_plain_one(string title, string plain) =>
        Assert.Equal(plain, TitleLookalikes.PassesFor(title));

    [Theory]
    [InlineData("\u0397\u0399\u03A1\u0391\u0391", "HIPAA")]
    [InlineData("\u041D\u0406\u0420\u0410\u0410", "HIPAA")]
    [InlineData("\u0397\u0399\u03A1\u0391\u0391", "\u041D\u0406\u0420\u0410\u0410")]
    [InlineData("\uFF30\uFF52\uFF45\uFF4D\uFF49\uFF55\uFF4D", "premium")]
    public void A_name_in_other_characters_resembles_the_one_it_looks_like(string name, string other) =>
        Assert.NotNull(TitleLookalikes.Resembles(name, [new KnownName(other, other, "other")]));

    [Theory]
    [InlineData("Premium", "PREMIUM")]
    [InlineData("Premium", "Premiums")]
    [InlineData("Copay", "Co-pay")]
    [InlineData("Dep\u00F3sito", "Deposito")]
    [InlineData("\u0421\u0442\u0440\u0430\u0445\u043E\u0432\u0430\u044F \u043F\u0440\u0435\u043C\u0438\u044F", "Insurance premium")]
    public void Names_that_are_the_same_or_plainly_different_do_not_resemble_each_other(string name, string other) =>
        Assert.Null(TitleLookalikes.Resembles(name, [new KnownName(other, other, "other")]));

    [Fact]
    public async Task The_editor_refuses_a_title_that_passes_for_another_term_and_says_which()
    {
        var desk = await app.SignedInAsync("Editor");
        var form = (await desk.EditorFormAsync("new")).With(("Form.Title", "\uFF30\uFF52\uFF45\uFF4D\uFF49\uFF55\uFF4D"), ("Form.Definition", "A forged premium."), ("Form.Slug", "premium-official"));

        var refused = await desk.PostEditorAsync("new", "Save", form);

        Assert.Contains("passes for the term \"Premium\"", await TermDesk.Problems(refused), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "premium-official")));
    }

    [Fact]
    public async Task The_editor_refuses_a_title_that_looks_like_another_terms_title_whatever_their_slugs()
    {
        var desk = await app.SignedInAsync("Editor");
        await desk.CreateTermAsync("Copay", "A fixed amount for a covered service.", ("Form.Slug", "copay-amount"));

        // "Сорау" in Cyrillic letters: its slug would be "copay", which no term has.
        var refused = await desk.PostEditorAsync("new", "Save", (await desk.EditorFormAsync("new"))
            .With(("Form.Title", "\u0421\u043E\u0440\u0430\u0443"), ("Form.Definition", "A forged copay."), ("Form.Slug", "copay-forged")));

        Assert.Contains("looks just like the title of the term \"Copay\" (copay-amount)", await TermDesk.Problems(refused), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "copay-forged")));
    }

    [Fact]
    public async Task The_editor_refuses_another_name_that_looks_like_another_terms_other_name()
    {
        var desk = await app.SignedInAsync("Editor");

        // "PII" in Cyrillic capitals, beside an honest title.
        var refused = await desk.PostEditorAsync("new", "Save", (await desk.EditorFormAsync("new"))
            .With(("Form.Title", "Customer identifiers"), ("Form.Definition", "Honest."), ("Form.Aliases", "\u0420\u0406\u0406")));

        Assert.Contains("looks just like \"PII\", another name of the term \"Personally Identifiable Information\" (personally-identifiable-information)",
            await TermDesk.Problems(refused), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "customer-identifiers")));
    }

    [Fact]
    public async Task The_same_plain_title_twice_is_told_once_as_a_slug_that_is_taken()
    {
        var desk = await app.SignedInAsync("Editor");

        var refused = await desk.PostEditorAsync("new", "Save", (await desk.EditorFormAsync("new"))
            .With(("Form.Title", "PREMIUM"), ("Form.Definition", "The same name again.")));

        var page = await TermDesk.ShownAsync(refused);
        Assert.Equal(["The term \"Premium\" already has the slug \"premium\"; choose another."],
            page.QuerySelectorAll(".error-summary li").Select(item => item.TextContent.Trim()));
    }

    [Fact]
    public async Task A_term_is_never_refused_for_looking_like_itself()
    {
        var desk = await app.SignedInAsync("Editor");
        // Its other name, "TAX" in Cyrillic capitals, looks just like its own title: no other term's.
        var id = await desk.CreateTermAsync("Tax", "Money owed to a government.", ("Form.Aliases", "\u0422\u0410\u0425"));

        var edited = await desk.EditAsync(id, "Save", ("Form.Title", "TAX"), ("Form.Definition", "Money a government charges."));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("TAX", await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "tax").Select(term => term.Title).SingleAsync()));
    }

    [Fact]
    public async Task The_api_refuses_a_title_that_looks_like_another_terms_other_name_and_another_name_that_passes_for_a_term()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);

        // "EOB" in Cyrillic capitals; and "Premium" in full-width letters as another name.
        using var title = await program.PostAsJsonAsync(new Uri("/api/v1/editing/terms", UriKind.Relative),
            new { title = "\u0415\u041E\u0412", definition = "A forged EOB.", slug = "eob-forged" });
        using var alias = await program.PostAsJsonAsync(new Uri("/api/v1/editing/terms", UriKind.Relative),
            new { title = "Honest premium note", definition = "Honest.", aliases = new List<string> { "\uFF30\uFF52\uFF45\uFF4D\uFF49\uFF55\uFF4D" } });

        Assert.Equal(HttpStatusCode.BadRequest, title.StatusCode);
        Assert.Contains("looks just like \"EOB\", another name of the term \"Explanation of Benefits\" (explanation-of-benefits)",
            (await title.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, alias.StatusCode);
        Assert.Contains("passes for the term \"Premium\" (premium)",
            (await alias.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("aliases")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "eob-forged" || term.Slug == "honest-premium-note")));
    }

    [Fact]
    public async Task The_api_refuses_an_invisible_character_in_a_title_or_another_name()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);

        using var title = await program.PostAsJsonAsync(new Uri("/api/v1/editing/terms", UriKind.Relative),
            new { title = "\u202Eeef knuj", definition = "Reversed.", slug = "reversed-junk-fee" });
        using var alias = await program.PostAsJsonAsync(new Uri("/api/v1/editing/terms", UriKind.Relative),
            new { title = "Honest fee", definition = "Honest.", aliases = new List<string> { "Junk\u200Dfee" } });

        Assert.Equal(HttpStatusCode.BadRequest, title.StatusCode);
        Assert.Contains("right-to-left override", (await title.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, alias.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "reversed-junk-fee" || term.Slug == "honest-fee")));
    }

    [Fact]
    public async Task An_import_rejects_the_line_of_a_title_that_passes_for_another_term_and_names_that_term_by_title_and_slug()
    {
        var output = await ImportCsvAsync("title,slug,definition\n\u041D\u0406\u0420\u0410\u0410,hipaa-official,A forged HIPAA.\nHonest import term,,Fine.\n");

        Assert.Contains("The title \"\u041D\u0406\u0420\u0410\u0410\" is written with characters that only look like plain letters, and passes for the term \"HIPAA\" (hipaa)",
            output, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "hipaa-official")));
    }

    [Fact]
    public async Task An_import_rejects_the_line_of_a_title_that_looks_like_another_terms_other_name()
    {
        var output = await ImportCsvAsync("title,slug,definition\n\u0415\u041E\u0412,eob-imported,A forged EOB.\n");

        Assert.Contains("looks just like \"EOB\", another name of the term \"Explanation of Benefits\" (explanation-of-benefits)", output, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "eob-imported")));
    }

    [Fact]
    public async Task An_import_rejects_the_line_of_another_name_that_passes_for_another_term()
    {
        var output = await ImportCsvAsync("title,slug,definition,aliases\nHonest import fee,,Fine.,\uFF30\uFF52\uFF45\uFF4D\uFF49\uFF55\uFF4D\n");

        Assert.Contains("\"Honest import fee\": The other name \"\uFF30\uFF52\uFF45\uFF4D\uFF49\uFF55\uFF4D\" is written with characters that only look like plain letters, and passes for the term \"Premium\" (premium)",
            output, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "honest-import-fee")));
    }

    [Fact]
    public async Task An_import_rejects_a_title_that_looks_like_one_earlier_in_the_same_import()
    {
        // "Hoax" in Cyrillic letters, after the plain one: neither is in the glossary yet.
        var output = await ImportCsvAsync("title,slug,definition\nHoax,hoax-claims,A false claim.\n\u04BB\u043E\u0430\u0445,hoax-forged,A forged hoax.\n");

        Assert.Contains("line 3: \"\u04BB\u043E\u0430\u0445\": The title \"\u04BB\u043E\u0430\u0445\" looks just like the title of the term \"Hoax\" (hoax-claims)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_that_updates_a_term_with_its_own_names_is_not_refused_for_them()
    {
        // Its new other name, "HIPAA" in Cyrillic capitals, looks like its own title and no other term's.
        var output = await ImportCsvAsync("title,slug,definition,aliases\nHIPAA,hipaa,The federal health privacy law.,Health Insurance Portability and Accountability Act; \u041D\u0406\u0420\u0410\u0410\n");

        Assert.Contains("Created: 0, updated: 1,", output, StringComparison.Ordinal);
        Assert.Contains("\u041D\u0406\u0420\u0410\u0410", await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "hipaa").Select(term => term.Aliases).SingleAsync()));
    }

    /// <summary>Imports a CSV file with the command line and returns what it printed.</summary>
    private async Task<string> ImportCsvAsync(string csv)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lookalikes-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv);
        try
        {
            return (await app.RunCommandAsync("import", file)).Output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
