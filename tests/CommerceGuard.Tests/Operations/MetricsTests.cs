using System.Net;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// <c>/metrics</c>: the operator's figures in Prometheus's text format, for allowed scrapers
/// only. OpenTelemetry listens to meters by name across the whole process, and a process runs one
/// site, but the tests run many side by side: these run alone so that the counts are this app's.
/// </summary>
[Collection(nameof(Timed))]
public sealed class MetricsTests : IDisposable
{
    private readonly GlossaryApp app = new GlossaryApp().With("Metrics:AllowedNetworks", "203.0.113.0/24");

    [Fact]
    public async Task Metrics_count_requests_by_route_cache_hits_and_votes_and_show_the_index_lag()
    {
        await app.SearchIndexReadyAsync();
        var reader = app.Browser();
        await reader.GetPageAsync("/glossary/balance-billing");
        await reader.GetPageAsync("/glossary/balance-billing");
        using var vote = await reader.PostAsync(new Uri("/glossary/balance-billing/vote", UriKind.Relative),
            new FormUrlEncodedContent([new("helpful", "no")]));
        Assert.Equal(HttpStatusCode.SeeOther, vote.StatusCode);

        var metrics = await reader.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("http_route=\"glossary/{slug}\"", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Matches("commerceguard_page_cache_lookups_total\\{[^}]*result=\"hit\"[^}]*\\} 1(\\s|$)", metrics);
        Assert.Matches("commerceguard_page_cache_lookups_total\\{[^}]*result=\"miss\"[^}]*\\} 1(\\s|$)", metrics);
        Assert.Matches("commerceguard_votes_total\\{[^}]*helpful=\"no\"[^}]*\\} 1(\\s|$)", metrics);
        Assert.Matches("commerceguard_search_index_lag\\{[^}]*\\} 0", metrics);
        Assert.Contains("service_name=\"CommerceGuard\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_outside_the_allowed_networks_is_told_there_is_nothing_there()
    {
        using var stranger = new GlossaryApp();

        using var response = await stranger.Browser().GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => app.Dispose();
}
