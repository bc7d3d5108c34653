using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Shared;

/// <summary>How often one client address may write to the public site (votes, forms). Section <c>PublicWrites</c>.</summary>
public sealed class PublicWriteOptions
{
    public const string Section = "PublicWrites";

    /// <summary>Writes one client address may make at once; they come back steadily over the window.</summary>
    [Range(1, 100_000)]
    public int PermitsPerWindow { get; set; } = 30;

    /// <summary>The window's length in seconds: the time in which a spent quota comes back whole.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Marks a page or endpoint whose writes (anything but GET and HEAD) count against <see cref="PublicWriteOptions"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class LimitPublicWritesAttribute : Attribute;

/// <summary>
/// Guards for anonymous writes: a rate limit per client address (a token bucket, shared by
/// every server through Redis when there is one), and a same-origin check for writes from
/// cached pages, which cannot carry an antiforgery token of their own.
/// </summary>
public static class PublicWrites
{
    public static WebApplicationBuilder AddPublicWriteLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicWriteOptions>()
            .BindConfiguration(PublicWriteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TokenBuckets>();
        return builder;
    }

    /// <summary>After routing, so that it knows which endpoint a write is for.</summary>
    public static WebApplication UsePublicWriteLimits(this WebApplication app)
    {
        app.Use(LimitAsync);
        return app;
    }

    public static TBuilder LimitPublicWrites<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new LimitPublicWritesAttribute());

    private static async Task LimitAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<LimitPublicWritesAttribute>() is null)
        {
            await next(context);
            return;
        }
        var limits = context.RequestServices.GetRequiredService<IOptions<PublicWriteOptions>>().Value;
        var answer = await context.RequestServices.GetRequiredService<TokenBuckets>()
            .TakeAsync("writes:" + ClientKey(context.Connection.RemoteIpAddress), BucketShape.Of(limits.PermitsPerWindow, limits.WindowSeconds));
        if (answer.Granted)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(answer.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
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

}
