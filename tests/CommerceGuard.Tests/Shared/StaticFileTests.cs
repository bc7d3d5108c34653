using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace CommerceGuard.Tests.Shared;

/// <summary>
/// Pages link the style sheet and scripts by names carrying their content's fingerprint, which
/// browsers may keep for a year without asking again; the files go out compressed (gzip as
/// built, Brotli too once published). The plain names still answer, to be checked every time.
/// </summary>
public sealed partial class StaticFileTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Fact]
    public async Task Pages_link_static_files_by_fingerprinted_names_kept_for_a_year_and_sent_compressed()
    {
        var page = await app.Browser().GetStringAsync(new Uri("/glossary/premium", UriKind.Relative));
        var linked = LinkedAsset().Matches(page).Select(match => match.Groups["path"].Value).ToList();

        Assert.Contains(linked, path => path.StartsWith("/css/site.", StringComparison.Ordinal));
        Assert.Contains(linked, path => path.StartsWith("/js/", StringComparison.Ordinal));
        foreach (var path in linked)
        {
            Assert.Matches(Fingerprinted(), path);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
            using var response = await app.Browser().SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains(response.Headers.CacheControl!.Extensions, extension => extension.Name == "immutable");
            Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
            var plainName = Fingerprinted().Replace(path, "${name}.${kind}");
            Assert.Equal(await app.Browser().GetStringAsync(new Uri(plainName, UriKind.Relative)), Gunzip(await response.Content.ReadAsByteArrayAsync()));
        }
    }

    [Fact]
    public async Task A_plain_name_still_answers_but_is_checked_each_time()
    {
        using var response = await app.Browser().GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.NotNull(response.Headers.ETag);
    }

    private static string Gunzip(byte[] body)
    {
        using var opened = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(opened);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("(?:href|src)=\"(?<path>/(?:css|js)/[^\"]+)\"")]
    private static partial Regex LinkedAsset();

    [GeneratedRegex(@"^(?<name>/(?:css|js)/[\w-]+)\.[a-z0-9]{10}\.(?<kind>css|js)$")]
    private static partial Regex Fingerprinted();
}
