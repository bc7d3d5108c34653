using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Api;

/// <summary>
/// Writing terms through <c>/api/v1/editing/terms</c>: the editor's rules (validation, revisions,
/// workflow, audit) apply, and a change must name the version it started from.
/// </summary>
public sealed class TermWritingApiTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly Uri Terms = new("/api/v1/editing/terms", UriKind.Relative);

    private static Uri TermAt(string slug) => new($"/api/v1/editing/terms/{slug}", UriKind.Relative);

    [Fact]
    public async Task A_write_key_creates_a_draft_with_its_first_revision_that_readers_do_not_see()
    {
        var program = await app.ProgramAsync(ApiScope.Write);

        using var response = await program.PostAsJsonAsync(Terms, new
        {
            title = "Surprise billing",
            definition = "A bill for care the patient reasonably thought was **covered**.",
            examples = new List<string> { "An out-of-network anaesthetist at an in-network hospital." },
            categories = new List<string> { "healthcare" },
            sources = new[] { new { title = "No Surprises Act", address = "https://www.cms.gov/nosurprises" } },
            summary = "Drafted by the newsroom's tool",
        });

        await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("/api/v1/editing/terms/surprise-billing", response.Headers.Location!.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("live").GetBoolean());
        Assert.Equal("healthcare", body.GetProperty("categories")[0].GetString());
        var revision = await app.WithDbAsync(db => db.Revisions.SingleAsync(each => db.Terms.Any(term => term.Id == each.TermId && term.Slug == "surprise-billing")));
        Assert.StartsWith("API key cg_", revision.AuthorName, StringComparison.Ordinal);
        Assert.Equal("Drafted by the newsroom's tool", revision.Summary);
        using var publicView = await app.Browser().GetAsync(new Uri("/api/v1/terms/surprise-billing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, publicView.StatusCode);
    }

    [Fact]
    public async Task A_translation_is_written_in_its_language_naming_its_english_original()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);
        using var original = await program.PostAsJsonAsync(Terms, new { title = "Claim holdback", definition = "Part of a payout an insurer keeps back.", status = "published" });
        await original.ExpectAsync(HttpStatusCode.Created);

        using var unpaired = await program.PostAsJsonAsync(new Uri("/api/v1/editing/terms?language=es", UriKind.Relative), new { title = "Retención", definition = "Sin original." });
        using var translation = await program.PostAsJsonAsync(new Uri("/api/v1/editing/terms?language=es", UriKind.Relative),
            new { title = "Retención del reclamo", definition = "La parte de un pago que la aseguradora retiene.", translationOf = "claim-holdback", status = "published" });
        using var fetched = await program.GetAsync(new Uri("/api/v1/editing/terms/retencion-del-reclamo?language=es", UriKind.Relative));
        using var inEnglish = await program.GetAsync(new Uri("/api/v1/editing/terms/retencion-del-reclamo", UriKind.Relative));
        using var unknown = await program.GetAsync(new Uri("/api/v1/editing/terms?language=tlh", UriKind.Relative));

        await unpaired.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("translationOf", await unpaired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await translation.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("/api/v1/editing/terms/retencion-del-reclamo?language=es", translation.Headers.Location!.OriginalString);
        var body = await fetched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("es", "claim-holdback", "http://localhost:5080/es/glosario/retencion-del-reclamo"),
            (body.GetProperty("language").GetString(), body.GetProperty("translationOf").GetString(), body.GetProperty("url").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, inEnglish.StatusCode);
        await unknown.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_write_key_can_ask_for_review_but_not_publish()
    {
        var program = await app.ProgramAsync(ApiScope.Write);

        using var review = await program.PostAsJsonAsync(Terms, new { title = "Prior authorisation", definition = "Approval an insurer demands before it pays.", status = "in-review" });
        using var publish = await program.PostAsJsonAsync(Terms, new { title = "Step therapy", definition = "Cheaper drugs first.", status = "published" });

        await review.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("in-review", (await review.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "step-therapy")));
    }

    [Fact]
    public async Task A_publish_key_publishes_and_readers_see_the_term()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);

        using var response = await program.PostAsJsonAsync(Terms, new { title = "Settlement fee", definition = "A fee taken out of a settlement before the client is paid.", status = "published" });

        await response.ExpectAsync(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("live").GetBoolean());
        Assert.EndsWith("/glossary/settlement-fee", body.GetProperty("url").GetString(), StringComparison.Ordinal);
        using var publicView = await app.Browser().GetAsync(new Uri("/api/v1/terms/settlement-fee", UriKind.Relative));
        await publicView.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_change_names_the_version_it_started_from_and_gets_the_next()
    {
        var program = await app.ProgramAsync(ApiScope.Write);
        using var created = await program.PostAsJsonAsync(Terms, new { title = "Appeal window", definition = "The time allowed to appeal a decision." });
        await created.ExpectAsync(HttpStatusCode.Created);
        var etag = created.Headers.ETag!;

        using var changed = await Put(program, "appeal-window", etag, new { title = "Appeal window", definition = "The time allowed to appeal a decision, counted from the letter's date, in whole or in part." });

        await changed.ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, changed.Headers.ETag);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("in whole or in part", body.GetProperty("definition").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Revisions.CountAsync(each => db.Terms.Any(term => term.Id == each.TermId && term.Slug == "appeal-window"))));
    }

    [Fact]
    public async Task A_change_from_an_old_version_is_refused_and_changes_nothing()
    {
        var program = await app.ProgramAsync(ApiScope.Write);
        using var created = await program.PostAsJsonAsync(Terms, new { title = "Network adequacy", definition = "Enough doctors nearby." });
        var first = created.Headers.ETag!;
        using var theirs = await Put(program, "network-adequacy", first, new { title = "Network adequacy", definition = "Their change." });

        using var mine = await Put(program, "network-adequacy", first, new { title = "Network adequacy", definition = "My change." });

        Assert.Equal(HttpStatusCode.PreconditionFailed, mine.StatusCode);
        Assert.Equal(theirs.Headers.ETag, mine.Headers.ETag);
        Assert.Equal("Their change.", await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "network-adequacy").Select(term => term.Definition).SingleAsync()));
    }

    [Fact]
    public async Task A_change_without_If_Match_is_refused()
    {
        var program = await app.ProgramAsync(ApiScope.Write);
        using var created = await program.PostAsJsonAsync(Terms, new { title = "Coordination of benefits", definition = "Which insurer pays first." });

        using var response = await program.PutAsJsonAsync(TermAt("coordination-of-benefits"), new { title = "Coordination of benefits", definition = "Changed." });

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_text_is_answered_with_each_field_s_problem_and_nothing_is_written()
    {
        var program = await app.ProgramAsync(ApiScope.Write);

        using var response = await program.PostAsJsonAsync(Terms, new { title = "", definition = "", categories = new List<string> { "no-such-category" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("categories", out _));
        using var missingTitle = await program.PostAsJsonAsync(Terms, new { definition = "No title." });
        var errors = (await missingTitle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Definition == "No title.")));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_answered_with_where_it_went_wrong()
    {
        var program = await app.ProgramAsync(ApiScope.Write);

        using var broken = await program.PostAsync(Terms, new StringContent("{\n  \"title\": \"Broken\",\n  \"definition\": \n}", Encoding.UTF8, "application/json"));
        using var notJson = await program.PostAsync(Terms, new StringContent("title=Broken", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("line 4", (await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
    }

    [Fact]
    public async Task Changing_a_published_term_writes_its_next_version_and_readers_keep_the_old_text()
    {
        await app.AddTermAsync("api-published", "API published", term => term.Version = 1);
        var program = await app.ProgramAsync(ApiScope.Write);
        using var fetched = await program.GetAsync(TermAt("api-published"));

        using var changed = await Put(program, "api-published", fetched.Headers.ETag!, new { title = "API published", definition = "A better definition.", status = "in-review" });

        await changed.ExpectAsync(HttpStatusCode.OK);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("in-review", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("live").GetBoolean());
        var reader = await app.Browser().GetFromJsonAsync<JsonElement>(new Uri("/api/v1/terms/api-published", UriKind.Relative));
        Assert.Equal("The definition of API published.", reader.GetProperty("definition").GetProperty("markdown").GetString());
    }

    [Fact]
    public async Task The_back_office_list_filters_by_status()
    {
        await app.AddTermAsync("api-list-review", "API list review", term => term.Status = TermStatus.InReview);
        var program = await app.ProgramAsync(ApiScope.Read);

        var list = await program.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/editing/terms?status=in-review&limit=100", UriKind.Relative));

        var statuses = list.GetProperty("terms").EnumerateArray().Select(term => term.GetProperty("status").GetString()).Distinct().ToList();
        Assert.Equal("in-review", Assert.Single(statuses));
        Assert.Contains(list.GetProperty("terms").EnumerateArray(), term => term.GetProperty("slug").GetString() == "api-list-review");
    }

    [Fact]
    public async Task Writes_through_a_key_are_in_the_audit_log_under_the_key_s_name()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);

        using var response = await program.PostAsJsonAsync(Terms, new { title = "Ambulance surcharge", definition = "An extra charge for an ambulance ride.", status = "published" });

        await response.ExpectAsync(HttpStatusCode.Created);
        var actor = await app.WithDbAsync(db => db.AuditEntries.Where(entry => entry.Subject == "ambulance-surcharge").Select(entry => entry.Actor).FirstAsync());
        Assert.StartsWith("API key cg_", actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_in_a_list_is_named_as_the_field_s_problem()
    {
        var program = await app.ProgramAsync(ApiScope.Write);

        using var response = await program.PostAsync(Terms, new StringContent(
            """{"title": "Null example", "definition": "Has a null.", "examples": [null], "sources": [{"title": null}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("examples", out _));
        Assert.True(errors.TryGetProperty("sources", out _));
    }

    [Fact]
    public async Task An_If_Match_that_is_not_an_etag_is_a_bad_request_that_says_how_to_quote_it()
    {
        var program = await app.ProgramAsync(ApiScope.Write);
        using var created = await program.PostAsJsonAsync(Terms, new { title = "Unquoted etag", definition = "A test of If-Match." });
        var request = new HttpRequestMessage(HttpMethod.Put, TermAt("unquoted-etag")) { Content = JsonContent.Create(new { title = "Unquoted etag", definition = "Changed." }) };
        request.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag.Trim('"'));

        using var response = await program.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("quotes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_term_fetched_edited_and_sent_back_keeps_its_slug_and_status_and_only_its_text_changes()
    {
        await app.AddTermAsync("round-trip-term", "Round trip term", term => (term.Version, term.AutoLink) = (1, false));
        var program = await app.ProgramAsync(ApiScope.Write);
        using var fetched = await program.GetAsync(TermAt("round-trip-term"));
        var body = JsonNode.Parse(await fetched.Content.ReadAsStringAsync())!.AsObject();
        body["title"] = "Round trip term, renamed";
        body.Remove("slug");
        body.Remove("autoLink");

        using var saved = await Put(program, "round-trip-term", fetched.Headers.ETag!, body);

        await saved.ExpectAsync(HttpStatusCode.OK);
        var after = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("round-trip-term", after.GetProperty("slug").GetString());
        Assert.False(after.GetProperty("autoLink").GetBoolean());
        Assert.Equal("Round trip term, renamed", after.GetProperty("title").GetString());
        Assert.True(after.GetProperty("live").GetBoolean());
        // The write key sent "published" back as it came; the change waits as the next version.
        Assert.Equal("draft", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_back_office_list_answers_304_when_nothing_changed()
    {
        var program = await app.ProgramAsync(ApiScope.Read);
        using var first = await program.GetAsync(Terms);
        var again = new HttpRequestMessage(HttpMethod.Get, Terms);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await program.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    private static Task<HttpResponseMessage> Put(HttpClient program, string slug, EntityTagHeaderValue etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, TermAt(slug)) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        return program.SendAsync(request);
    }
}
