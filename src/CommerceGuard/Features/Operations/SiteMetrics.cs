using System.Diagnostics.Metrics;
using System.Net;
using CommerceGuard.Data;
using CommerceGuard.Features.Search;
using CommerceGuard.Features.Shared;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CommerceGuard.Features.Operations;

/// <summary>Who may read <c>/metrics</c>. Section <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Networks (CIDR, comma separated) whose scrapers may read <c>/metrics</c>, besides this
    /// machine itself. Everyone else gets 404: the figures are for the operator, not the public.
    /// </summary>
    public string AllowedNetworks { get; set; } = "";
}

/// <summary>
/// The site's own measures, beside the framework's (requests by route, their latency and
/// status, exceptions): how often the page cache answers, votes cast, and how far this server's
/// search index trails the change feed. All are served to Prometheus at <c>/metrics</c>.
/// </summary>
public sealed class SiteMetrics
{
    public const string MeterName = "CommerceGuard";

    private readonly Counter<long> pageCacheLookups;
    private readonly Counter<long> votes;
    private readonly Counter<long> spamRefused;

    public SiteMetrics(IMeterFactory meters, TermChanges changes, SearchIndex index)
    {
        var meter = meters.Create(MeterName);
        pageCacheLookups = meter.CreateCounter<long>("commerceguard.page_cache.lookups", "{lookup}",
            "Public pages asked of the cache, by result: hit (served from it) or miss (made afresh)");
        votes = meter.CreateCounter<long>("commerceguard.votes", "{vote}", "\"Was this helpful?\" votes counted, by answer");
        spamRefused = meter.CreateCounter<long>("commerceguard.spam.refused", "{post}",
            "Public form posts refused as spam, by form and by why (honeypot filled, or sent too quickly)");
        meter.CreateObservableGauge("commerceguard.search.index_lag", () => Math.Max(0, changes.Version - index.Sequence), "{change}",
            "Changes this server knows of that its search index does not have yet");
        meter.CreateObservableGauge("commerceguard.change_feed.sequence", () => changes.Version, "{change}",
            "The newest change-feed sequence this server knows of");
    }

    public void PageCacheHit() => pageCacheLookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));

    public void PageCacheMiss() => pageCacheLookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));

    public void Vote(bool helpful) => votes.Add(1, new KeyValuePair<string, object?>("helpful", helpful ? "yes" : "no"));

    public void SpamRefused(string form, SpamVerdict verdict) => spamRefused.Add(1,
        new KeyValuePair<string, object?>("form", form), new KeyValuePair<string, object?>("verdict", verdict.ToString()));
}

public static class MetricsSetup
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddSiteMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        builder.Services.AddSingleton<SiteMetrics>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("CommerceGuard"))
            .WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(SiteMetrics.MeterName, "Microsoft.AspNetCore.Diagnostics")
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Serves <c>/metrics</c> to this machine and the networks named, and answers 404 to everyone else.</summary>
    public static WebApplication UseSiteMetrics(this WebApplication app)
    {
        var allowed = Networks(app.Configuration[$"{MetricsOptions.Section}:{nameof(MetricsOptions.AllowedNetworks)}"]);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == Path && IsAllowed(context.Connection.RemoteIpAddress, allowed));
        return app;
    }

    private static bool IsAllowed(IPAddress? address, IReadOnlyList<System.Net.IPNetwork> allowed)
    {
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return IPAddress.IsLoopback(address) || allowed.Any(network => network.Contains(address));
    }

    private static List<System.Net.IPNetwork> Networks(string? list) =>
        [.. (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(network => System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{MetricsOptions.Section}:AllowedNetworks: \"{network}\" is not a network such as 10.0.0.0/8."))];
}
