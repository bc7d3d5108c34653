using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Tests.Admin;

namespace CommerceGuard.Tests.Shared;

/// <summary>
/// Text goes out compressed to clients that ask: Brotli, else gzip. The page cache keeps a copy
/// of a page per encoding, so nobody is sent an encoding they did not ask for. What is made for
/// one reader alone is never compressed, so its secrets cannot leak through its length (BREACH).
/// </summary>
public sealed class CompressionTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task A_page_is_compressed_as_the_client_asks_and_reads_the_same_once_opened(string accepted, string encoding)
    {
        var plain = await GetAsync("/glossary/premium", accept: null);

        var compressed = await GetAsync("/glossary/premium", accepted);

        Assert.Equal(encoding, compressed.Encoding);
        Assert.Contains("Accept-Encoding", compressed.Vary);
        Assert.True(compressed.Body.Length < plain.Body.Length / 2, $"{compressed.Body.Length:N0} bytes against {plain.Body.Length:N0}");
        Assert.Equal(Unstamped(plain.Text), Unstamped(Decompress(compressed)));
    }

    [Fact]
    public async Task The_page_cache_serves_each_client_the_encoding_it_asked_for()
    {
        // The first request puts the Brotli copy in the cache; the next ones must not get it.
        await GetAsync("/glossary/deductible", "br");
        var cachedBrotli = await GetAsync("/glossary/deductible", "br");
        var plain = await GetAsync("/glossary/deductible", accept: null);
        var gzip = await GetAsync("/glossary/deductible", "gzip");

        Assert.True(cachedBrotli.FromCache, "the second Brotli request should come from the page cache");
        Assert.Equal("br", cachedBrotli.Encoding);
        Assert.Null(plain.Encoding);
        Assert.StartsWith("<!DOCTYPE html>", plain.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("gzip", gzip.Encoding);
        Assert.Equal(Unstamped(plain.Text), Unstamped(Decompress(gzip)));
    }

    [Theory]
    [InlineData("/api/v1/terms/premium")]
    [InlineData("/api/v1/search/suggest?q=prem")]
    [InlineData("/search?q=premium")]
    [InlineData("/feed.atom")]
    [InlineData("/sitemap.xml")]
    public async Task Pages_JSON_feeds_and_sitemaps_are_compressed(string path) =>
        Assert.Equal("br", (await GetAsync(path, "br")).Encoding);

    [Theory]
    [InlineData("/volunteer")]
    [InlineData("/admin/sign-in")]
    public async Task A_page_carrying_an_antiforgery_token_is_not_compressed(string path)
    {
        var response = await GetAsync(path, "br");

        Assert.Contains("__RequestVerificationToken", response.Text, StringComparison.Ordinal);
        Assert.Null(response.Encoding);
    }

    [Fact]
    public async Task A_signed_in_editors_pages_are_not_compressed()
    {
        var desk = await app.SignedInAsync(Roles.Editor);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/glossary/premium", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");

        using var response = await desk.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private async Task<Sent> GetAsync(string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
        }
        using var response = await app.Browser().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new Sent(
            response.Content.Headers.ContentEncoding.SingleOrDefault(),
            response.Headers.Vary.ToList(),
            response.Headers.Age is not null,
            body);
    }

    /// <summary>Each copy of a page is made on its own, with its own spam-defence stamp (a Data Protection payload).</summary>
    private static string Unstamped(string html) => Regex.Replace(html, "CfDJ8[A-Za-z0-9_-]+", "stamp");

    private static string Decompress(Sent sent)
    {
        using var input = new MemoryStream(sent.Body);
        using Stream opened = sent.Encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(opened);
        return reader.ReadToEnd();
    }

    private sealed record Sent(string? Encoding, List<string> Vary, bool FromCache, byte[] Body)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }
}
