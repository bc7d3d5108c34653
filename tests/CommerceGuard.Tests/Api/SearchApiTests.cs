using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceGuard.Tests.Api;

/// <summary><c>/api/v1/search</c>: the site's search, typos forgiven, for partners' tools.</summary>
public sealed class SearchApiTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Fact]
    public async Task A_search_with_a_typo_finds_the_term_with_its_page()
    {
        await app.SearchIndexReadyAsync();

        using var response = await app.Browser().GetAsync(new Uri("/api/v1/search?q=theraputic", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = await response.Content.ReadFromJsonAsync<JsonElement>();
        var first = results.GetProperty("hits").EnumerateArray().First();
        Assert.Equal("therapeutic-relationship", first.GetProperty("slug").GetString());
        Assert.EndsWith("/glossary/therapeutic-relationship", first.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(results.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_snippet_marks_the_words_found()
    {
        await app.SearchIndexReadyAsync();

        var results = await app.Browser().GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=therapeutic", UriKind.Relative));

        Assert.Contains("<mark>", results.GetProperty("hits")[0].GetProperty("snippetHtml").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/v1/search")]
    [InlineData("/api/v1/search?q=%20")]
    [InlineData("/api/v1/search?q=copay&page=0")]
    [InlineData("/api/v1/search?q=copay&page=501")]
    public async Task A_search_without_words_or_with_a_page_out_of_range_is_a_bad_request(string path)
    {
        using var response = await app.Browser().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
