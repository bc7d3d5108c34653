using System.Net;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// Behind nginx every request comes from the proxy; the client's address is in X-Forwarded-For,
/// which is believed only from a proxy named in <c>ForwardedHeaders</c>. Rate limits, which
/// count by address, show which address the site believed.
/// </summary>
public sealed class ProxyTests
{
    private static readonly Uri Categories = new("/api/v1/categories", UriKind.Relative);

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_is_counted_as_itself()
    {
        using var app = new GlossaryApp()
            .With("ForwardedHeaders:KnownProxies", GlossaryApp.TestClientAddress)
            .With("Api:RateLimit:AnonymousPermits", "1")
            .With("Api:RateLimit:WindowSeconds", "3600");

        Assert.Equal(HttpStatusCode.OK, await AskAsync(app, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await AskAsync(app, "198.51.100.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AskAsync(app, "198.51.100.1"));
    }

    [Fact]
    public async Task Without_a_known_proxy_a_forwarded_address_is_ignored()
    {
        using var app = new GlossaryApp()
            .With("Api:RateLimit:AnonymousPermits", "1")
            .With("Api:RateLimit:WindowSeconds", "3600");

        Assert.Equal(HttpStatusCode.OK, await AskAsync(app, "198.51.100.1"));
        // Claiming another address does not buy another quota.
        Assert.Equal(HttpStatusCode.TooManyRequests, await AskAsync(app, "198.51.100.2"));
    }

    private static async Task<HttpStatusCode> AskAsync(GlossaryApp app, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Categories);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await app.Browser().SendAsync(request);
        return response.StatusCode;
    }
}
