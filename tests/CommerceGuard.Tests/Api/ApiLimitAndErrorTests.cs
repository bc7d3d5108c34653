using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGuard.Features.Api.Keys;

namespace CommerceGuard.Tests.Api;

/// <summary>
/// Each client's share of the API: every answer says how much is left, and past the quota the
/// answer is 429 with when to come back. A key is a client of its own.
/// </summary>
public sealed class ApiRateLimitTests : IDisposable
{
    private readonly GlossaryApp app = new GlossaryApp()
        .With("Api:RateLimit:AnonymousPermits", "3")
        .With("Api:RateLimit:KeyPermits", "5")
        .With("Api:RateLimit:WindowSeconds", "3600");

    private static readonly Uri Categories = new("/api/v1/categories", UriKind.Relative);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Every_answer_says_the_policy_and_what_is_left()
    {
        using var response = await app.Browser().GetAsync(Categories);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"address\";q=3;w=3600", Header(response, "RateLimit-Policy"));
        Assert.StartsWith("\"address\";r=2;t=", Header(response, "RateLimit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_quota_the_answer_is_429_with_Retry_After_as_a_problem()
    {
        var client = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(Categories);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync(Categories);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After should say how long to wait");
        Assert.StartsWith("\"address\";r=0;", Header(refused, "RateLimit"), StringComparison.Ordinal);

        // A program with a key is counted on its own, not against the address it shares.
        using var withKey = await (await app.ProgramAsync(ApiScope.Read)).GetAsync(Categories);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal("\"key\";q=5;w=3600", Header(withKey, "RateLimit-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(",", response.Headers.GetValues(name));
}

/// <summary>Everything under /api answers errors as problems, never with the site's HTML pages.</summary>
public sealed class ApiErrorTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/terms", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/terms?limit=many", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/terms?modifiedSince=yesterday", HttpStatusCode.BadRequest)]
    public async Task An_error_is_a_problem_that_says_what_to_do(string method, string path, HttpStatusCode expected)
    {
        using var response = await app.Browser().SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_failure_inside_the_API_is_a_problem_with_its_trace_id()
    {
        using var response = await app.Browser().GetAsync(new Uri("/api/v1/test/fail", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }
}
