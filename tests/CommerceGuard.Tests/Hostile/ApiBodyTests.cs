using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Hostile;

/// <summary>
/// Bodies no honest client sends to the editing API: not JSON, JSON of the wrong shape, nested
/// past reason, too large, bytes that are not UTF-8, null bytes. Each is a 4xx problem that says
/// what is wrong, and nothing is written.
/// </summary>
public sealed class ApiBodyTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly Uri Terms = new("/api/v1/editing/terms", UriKind.Relative);

    public static TheoryData<string, string> Bodies() => new()
    {
        { "truncated", "{\"title\": \"Hostile body\", \"definition\": " },
        { "not an object", "[\"Hostile body\"]" },
        { "a number for a title", "{\"title\": 5, \"definition\": \"Hostile body.\"}" },
        { "an object for a list", "{\"title\": \"Hostile body\", \"definition\": \"x\", \"examples\": {\"a\": 1}}" },
        { "nested past reason", "{\"title\": \"Hostile body\", \"definition\": \"x\", \"examples\": " + new string('[', 5000) + new string(']', 5000) + "}" },
        { "a comment", "{\"title\": \"Hostile body\" /* hi */, \"definition\": \"x\"}" },
        { "a trailing comma", "{\"title\": \"Hostile body\", \"definition\": \"x\",}" },
        { "an unknown status", "{\"title\": \"Hostile body\", \"definition\": \"x\", \"status\": \"owned\"}" },
        { "a lone surrogate", "{\"title\": \"Hostile \\ud800 body\", \"definition\": \"x\"}" },
        { "an empty body", "" },
        { "a bare string", "\"Hostile body\"" },
        { "null", "null" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_of_the_wrong_kind_is_a_problem_and_writes_nothing(string kind, string body)
    {
        var program = await app.ProgramAsync(ApiScope.Publish);
        var before = await CountAsync();

        using var answer = await program.PostAsync(Terms, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{kind}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_a_problem_and_write_nothing()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);
        var before = await CountAsync();
        byte[] body = [.. Encoding.ASCII.GetBytes("{\"title\": \"Broken "), 0xFF, 0xFE, 0xC3, 0x28, .. Encoding.ASCII.GetBytes("\", \"definition\": \"x\"}")];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var answer = await program.PostAsync(Terms, content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_body_larger_than_the_api_takes_is_refused_before_it_is_read()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);
        var before = await CountAsync();
        var huge = JsonSerializer.Serialize(new { title = "Huge", definition = new string('x', 8 * 1024 * 1024) });

        using var answer = await program.PostAsync(Terms, new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Null_bytes_and_control_characters_in_text_are_dropped_not_stored()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);

        using var answer = await program.PostAsJsonAsync(Terms, new { title = "Null\u0000 byte\u0007 term", definition = "Text\u0000 with\u001b a null.", status = "published" });

        await answer.ExpectAsync(HttpStatusCode.Created);
        var term = await app.WithDbAsync(db => db.Terms.SingleAsync(term => term.Slug == "null-byte-term"));
        Assert.Equal("Null byte term", term.Title);
        Assert.Equal("Text with a null.", term.Definition);
    }

    [Fact]
    public async Task A_vote_whose_body_is_not_a_form_or_is_huge_is_refused_and_not_counted()
    {
        var before = await app.WithDbAsync(db => db.Votes.CountAsync());
        using var json = await app.Browser().PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative), new StringContent("{\"helpful\":\"yes\"}", Encoding.UTF8, "application/json"));
        using var huge = await app.Browser().PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative),
            new FormUrlEncodedContent([new("helpful", "no"), new("comment", new string('x', 100_000))]));
        using var unknown = await app.Browser().PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative),
            new FormUrlEncodedContent([new("helpful", "<script>alert(1)</script>")]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Votes.CountAsync()));
    }

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Terms.CountAsync());
}
