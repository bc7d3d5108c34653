using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Shared;

/// <summary>
/// Every response carries the headers that keep the site out of frames, its pages free of other
/// sites' scripts, and browsers from guessing types or lending it powerful features: every route
/// the app maps, its error pages, its files, and the metrics endpoint.
/// </summary>
public sealed partial class SecurityHeadersTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["slug"] = "deductible", ["id"] = "1", ["code"] = "404", ["number"] = "1",
    };

    /// <summary>Each GET route's address, its parameters filled with a value that exists.</summary>
    private List<string> GetRoutes() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(endpoint => "/" + Parameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), match => Samples.GetValueOrDefault(match.Groups["name"].Value, "x")))
            .Distinct()];

    private static List<string> Missing(HttpResponseMessage response)
    {
        var missing = new List<string>();
        void Expect(string header, Func<string, bool> holds)
        {
            if (!response.Headers.TryGetValues(header, out var values) || !holds(string.Join(",", values)))
            {
                missing.Add($"{response.RequestMessage!.RequestUri!.PathAndQuery} ({(int)response.StatusCode}): {header}");
            }
        }
        Expect("Content-Security-Policy", policy => policy.Contains("script-src 'self'", StringComparison.Ordinal)
            && policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal) && !policy.Contains("unsafe-inline", StringComparison.Ordinal));
        Expect("X-Content-Type-Options", value => value == "nosniff");
        Expect("Referrer-Policy", value => value == "strict-origin-when-cross-origin");
        Expect("Permissions-Policy", value => value.Contains("camera=()", StringComparison.Ordinal) && value.Contains("geolocation=()", StringComparison.Ordinal));
        Expect("X-Frame-Options", value => value == "DENY");
        return missing;
    }

    [Fact]
    public async Task Every_route_answers_with_the_security_headers_whatever_its_status()
    {
        var routes = GetRoutes();
        var client = app.Browser();
        var missing = new List<string>();

        foreach (var path in routes.Concat(["/no/such/page", GlossaryApp.FailingPath, "/css/site.css", "/widget.js", "/metrics", "/es/glosario/no-existe"]))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            missing.AddRange(Missing(response));
        }
        using var vote = await client.PostAsync(new Uri("/glossary/deductible/vote", UriKind.Relative), new FormUrlEncodedContent([new("helpful", "maybe")]));
        missing.AddRange(Missing(vote));

        Assert.True(routes.Count > 50, $"only {routes.Count} routes found");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Over_https_browsers_are_told_to_keep_to_https()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://glossary.example.org"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/glossary", UriKind.Relative));

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    /// <summary>A route parameter: "{slug}", "{id:int}", "{code:int?}", "{number:int:min(1)}".</summary>
    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
