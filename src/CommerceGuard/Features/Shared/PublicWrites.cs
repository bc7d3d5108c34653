using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Shared;

/// <summary>How often one client address may write to the public site (votes, forms). Section <c>PublicWrites</c>.</summary>
public sealed class PublicWriteOptions
{
    public const string Section = "PublicWrites";

    /// <summary>Writes allowed per client address in each window.</summary>
    [Range(1, 100_000)]
    public int PermitsPerWindow { get; set; } = 30;

    /// <summary>The window's length in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Guards for anonymous writes: a rate limit per client address, and a same-origin check for
/// writes from cached pages, which cannot carry an antiforgery token of their own.
/// </summary>
public static class PublicWrites
{
    /// <summary>The rate-limit policy for anonymous writes; reads pass through it untouched.</summary>
    public const string Policy = "public-writes";

    public static WebApplicationBuilder AddPublicWriteLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicWriteOptions>()
            .BindConfiguration(PublicWriteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, LimitWrites);
        });
        return builder;
    }

    /// <summary>
    /// Refuses a write that a browser says came from another site. Browsers send
    /// <c>Sec-Fetch-Site</c> or <c>Origin</c> on every cross-site form post and fetch, so a page
    /// elsewhere cannot vote on a reader's behalf.
    /// </summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Who a limit counts against: an IPv4 address, or an IPv6 address's /64 network, since one
    /// IPv6 client is usually handed a whole /64 and could otherwise change address at will.
    /// </summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> LimitWrites(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reads");
        }
        var limits = context.RequestServices.GetRequiredService<IOptions<PublicWriteOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitsPerWindow,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
        });
    }
}
