using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CommerceGuard.Features.Operations;

/// <summary>
/// Behind a reverse proxy (nginx, a load balancer) the client's address and scheme arrive in
/// X-Forwarded-For and X-Forwarded-Proto. They are believed only from the proxies named here,
/// section <c>ForwardedHeaders</c>: otherwise anyone could claim any address and so escape the
/// rate limits, which count by address. With none named, the headers are ignored.
/// </summary>
public static class ProxySetup
{
    public const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddProxySupport(this WebApplicationBuilder builder)
    {
        var networks = Split(builder.Configuration[$"{Section}:KnownNetworks"]);
        var proxies = Split(builder.Configuration[$"{Section}:KnownProxies"]);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks: \"{network}\" is not a network such as 10.0.0.0/8."));
            }
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownProxies: \"{proxy}\" is not an IP address."));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after sees the client's own address.</summary>
    public static WebApplication UseProxySupport(this WebApplication app)
    {
        var configuration = app.Configuration;
        if (Split(configuration[$"{Section}:KnownNetworks"]).Length + Split(configuration[$"{Section}:KnownProxies"]).Length > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
