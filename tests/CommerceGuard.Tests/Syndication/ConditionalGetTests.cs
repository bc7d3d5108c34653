using System.Net;
using System.Net.Http.Headers;

namespace CommerceGuard.Tests.Syndication;

/// <summary>Feed readers and crawlers that poll are answered 304 when nothing changed, and fetch again when something did.</summary>
public sealed class ConditionalGetTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        headers?.Invoke(request.Headers);
        return await app.Browser().SendAsync(request);
    }

    [Theory]
    [InlineData("/feed.atom")]
    [InlineData("/sitemap.xml")]
    public async Task The_same_etag_is_answered_304_with_no_body(string path)
    {
        using var first = await GetAsync(path);
        var etag = first.Headers.ETag!;

        using var again = await GetAsync(path, headers => headers.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
    }

    [Fact]
    public async Task A_change_to_a_term_gives_the_feed_a_new_etag_and_a_full_answer()
    {
        using var first = await GetAsync("/feed.atom");
        var etag = first.Headers.ETag!;
        await app.AddTermAsync("changes-the-feed", "Changes the feed", term => term.ModifiedAt = DateTime.UtcNow.AddMinutes(30));

        using var again = await GetAsync("/feed.atom", headers => headers.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotEqual(etag, again.Headers.ETag);
        Assert.Contains("Changes the feed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_answers_if_modified_since_by_its_newest_term()
    {
        using var first = await GetAsync("/feed.atom");
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var current = await GetAsync("/feed.atom", headers => headers.IfModifiedSince = lastModified);
        using var stale = await GetAsync("/feed.atom", headers => headers.IfModifiedSince = lastModified.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.NotModified, current.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }
}
