using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Tests.Admin;
using CommerceGuard.Tests.Admin.Terms;
using CommerceGuard.Tests.Api;

namespace CommerceGuard.Tests.Hostile;

/// <summary>
/// Hostile text that is kept: terms written with attacks in every field, a volunteer's name and
/// message, a vote's comment. Wherever it is shown again (the term page and its JSON-LD, the A–Z
/// index, search results with their highlighted snippets, the feed, the API, the widget's list,
/// the back office) it is text: no markup of it is live.
/// </summary>
public sealed class StoredContentTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly Uri Terms = new("/api/v1/editing/terms", UriKind.Relative);

    [Fact]
    public async Task A_term_written_with_an_attack_in_every_field_is_shown_as_text_everywhere_it_appears()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);
        var slugs = new List<string>();
        for (var i = 0; i < HostileStrings.Xss.Length; i++)
        {
            var attack = HostileStrings.Xss[i];
            using var created = await program.PostAsJsonAsync(Terms, new
            {
                title = $"Hostile {i} {attack}",
                definition = $"Zanzibar {attack}\n\n{attack}",
                examples = new[] { attack, $"*{attack}*" },
                misuse = attack,
                benefits = $"> {attack}",
                conclusion = $"`{attack}` {attack}",
                aliases = new[] { $"Alias {i} {attack}" },
                sources = new[] { new { title = attack, publisher = attack } },
                status = "published",
            });
            await created.ExpectAsync(HttpStatusCode.Created);
            slugs.Add(created.Headers.Location!.OriginalString.Split('/')[^1]);
        }

        var problems = new List<string>();
        foreach (var slug in slugs)
        {
            problems.AddRange(await ActiveInAsync($"/glossary/{slug}"));
        }
        problems.AddRange(await ActiveInAsync("/glossary"));
        problems.AddRange(await ActiveInAsync("/glossary?letter=H"));
        problems.AddRange(await ActiveInAsync("/search?q=zanzibar"));
        problems.AddRange(await ActiveInAsync("/search?q=zanzibar&page=2"));
        problems.AddRange(await ActiveInAsync("/search?q=alert"));
        problems.AddRange(await ActiveInAsync("/search?q=script"));
        Assert.Empty(problems);

        var first = await app.Browser().GetPageAsync($"/glossary/{slugs[0]}");
        Assert.Equal($"Hostile 0 {HostileStrings.Xss[0]}", first.QuerySelector("h1")!.Text());
        await FeedAndApiCarryTheTextAsync(slugs[0]);
    }

    [Fact]
    public async Task A_term_written_in_the_editor_with_an_attack_is_shown_as_text_and_a_script_address_for_a_source_is_refused()
    {
        var desk = await app.SignedInAsync("Admin");
        var attack = "<img src=x onerror=alert(document.cookie)>";
        var id = await desk.CreateTermAsync($"Editor hostile {attack}", $"Text {attack} [click](javascript:alert(1))",
            ("Form.Examples[0]", attack), ("Form.Misuse", attack));
        await desk.MoveAsync(id, "publish");

        var page = await app.Browser().GetPageAsync("/glossary/editor-hostile-img-src-x-onerror-alert-document-cookie");
        Assert.Empty(ActiveMarkup.In(page));
        Assert.Empty(ActiveMarkup.In(await desk.GetPageAsync($"/admin/terms/{id}")));
        Assert.Empty(ActiveMarkup.In(await desk.GetPageAsync($"/admin/terms/{id}/history")));
        Assert.Empty(ActiveMarkup.In(await desk.GetPageAsync("/admin/terms")));

        var refused = await desk.EditAsync(id, "Save", ("Form.Sources[0].Title", "A source"), ("Form.Sources[0].Address", "javascript:alert(1)"));
        Assert.Contains("must be a full web address", await TermDesk.Problems(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_volunteer_s_and_a_reader_s_words_are_text_in_the_back_office_and_a_formula_is_not_a_formula_in_the_download()
    {
        var attack = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        using var offered = await app.Browser().SubmitAsync("/volunteer",
            [new("Form.Name", $"=HYPERLINK(\"https://evil.example\") {attack}"), new("Form.Email", "hostile@example.org"),
             new("Form.Message", attack), new("Form.Consent", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        using var voted = await app.Browser().PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative),
            new FormUrlEncodedContent([new("helpful", "no"), new("comment", attack)]));
        Assert.Equal(HttpStatusCode.SeeOther, voted.StatusCode);

        var admin = await app.SignedInAsync("Admin");
        var volunteers = await admin.GetPageAsync("/admin/volunteers");
        Assert.Empty(ActiveMarkup.In(volunteers));
        Assert.Contains(attack, volunteers.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(ActiveMarkup.In(await admin.GetPageAsync("/admin/feedback")));
        Assert.Empty(ActiveMarkup.In(await admin.GetPageAsync("/admin/audit")));

        var csv = await admin.GetStringAsync(new Uri("/admin/volunteers?handler=Csv", UriKind.Relative));
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\"=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attack_typed_into_the_sign_in_form_comes_back_as_text()
    {
        var attack = "\"><script>alert(1)</script>@example.org";
        using var answer = await app.Desk().SignInAsync(attack, "wrong");

        var page = await Pages.ParseAsync(answer);
        Assert.Empty(ActiveMarkup.In(page));
        Assert.Equal(attack, page.QuerySelector("#email")!.GetAttribute("value"));
    }

    private async Task FeedAndApiCarryTheTextAsync(string slug)
    {
        var feed = XDocument.Parse(await app.Browser().GetStringAsync(new Uri("/feed.atom", UriKind.Relative)));
        Assert.Contains(feed.Descendants(), element => element.Value.Contains(HostileStrings.Xss[0], StringComparison.Ordinal));
        using var term = await app.Browser().GetAsync(new Uri($"/api/v1/terms/{slug}", UriKind.Relative));
        Assert.Equal("application/json", term.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", term.Headers.GetValues("X-Content-Type-Options").Single());
        var html = (await term.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("definition").GetProperty("html").GetString()!;
        Assert.Empty(ActiveMarkup.In(html));
        using var widget = await app.Browser().GetAsync(new Uri("/api/v1/widget/terms", UriKind.Relative));
        Assert.Equal("application/json", widget.Content.Headers.ContentType?.MediaType);
    }

    private async Task<IEnumerable<string>> ActiveInAsync(string url) =>
        ActiveMarkup.In(await app.Browser().GetPageAsync(url)).Select(found => $"{url}: {found}");
}
