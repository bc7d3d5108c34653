using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Operations;

/// <summary>
/// What one client may ask of the server, set deliberately rather than left to Kestrel's
/// defaults. Section <c>Server</c>. A client that sends its headers or body a byte at a time to
/// hold connections open (slowloris) is cut off; each endpoint that takes a body sets a smaller
/// limit of its own (a vote 8 KB, a form 16–64 KB, an API term 1 MB, an import its file limit).
/// </summary>
public sealed class ServerLimitsOptions
{
    public const string Section = "Server";

    /// <summary>The largest request body an endpoint without its own limit takes.</summary>
    [Range(1, 1024)]
    public int MaxRequestBodyMegabytes { get; set; } = 4;

    /// <summary>How long a client has to send all its request headers.</summary>
    [Range(1, 300)]
    public int RequestHeadersTimeoutSeconds { get; set; } = 15;

    /// <summary>How long an idle kept-alive connection stays open.</summary>
    [Range(1, 3600)]
    public int KeepAliveTimeoutSeconds { get; set; } = 120;

    /// <summary>The slowest a client may send a body or read an answer, after a grace of <see cref="MinDataRateGraceSeconds"/>.</summary>
    [Range(1, 1_000_000)]
    public int MinDataRateBytesPerSecond { get; set; } = 240;

    [Range(1, 300)]
    public int MinDataRateGraceSeconds { get; set; } = 5;

    /// <summary>All of a request's headers together.</summary>
    [Range(4, 1024)]
    public int MaxRequestHeadersKilobytes { get; set; } = 32;
}

internal static class ServerLimits
{
    public static WebApplicationBuilder AddServerLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServerLimitsOptions>().BindConfiguration(ServerLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerLimitsOptions>>((kestrel, options) =>
        {
            var limits = options.Value;
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyMegabytes * 1024L * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(limits.RequestHeadersTimeoutSeconds);
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(limits.KeepAliveTimeoutSeconds);
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersKilobytes * 1024;
            var grace = TimeSpan.FromSeconds(limits.MinDataRateGraceSeconds);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinDataRateBytesPerSecond, grace);
            kestrel.Limits.MinResponseDataRate = new MinDataRate(limits.MinDataRateBytesPerSecond, grace);
        });
        return builder;
    }
}
