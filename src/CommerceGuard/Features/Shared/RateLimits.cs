using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Shared;

/// <summary>A quota: requests one client may make at once, which come back steadily over the window.</summary>
public sealed class Quota
{
    [Range(1, 100_000)]
    public int PermitsPerWindow { get; set; }

    /// <summary>The window's length in seconds: the time in which a spent quota comes back whole.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; }

    public BucketShape Shape => BucketShape.Of(PermitsPerWindow, WindowSeconds);
}

/// <summary>How much one client may ask of the public site. Section <c>RateLimits</c>; the API has its own (<c>Api:RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Votes and form posts, and the fresh form stamps asked for before them, per client address.</summary>
    public Quota PublicWrites { get; set; } = new() { PermitsPerWindow = 30, WindowSeconds = 60 };

    /// <summary>Search result pages, per client address: each one is work for the index.</summary>
    public Quota Searches { get; set; } = new() { PermitsPerWindow = 60, WindowSeconds = 60 };

    /// <summary>Sign-in attempts from one client address, whichever accounts they name.</summary>
    public Quota SignInsPerAddress { get; set; } = new() { PermitsPerWindow = 20, WindowSeconds = 300 };

    /// <summary>
    /// Sign-in attempts naming one account, from whichever addresses: what slows a guesser who
    /// spreads over many addresses. Counted for unknown emails too, so the answer tells nothing.
    /// </summary>
    public Quota SignInsPerAccount { get; set; } = new() { PermitsPerWindow = 10, WindowSeconds = 900 };

    public IEnumerable<Quota> All => [PublicWrites, Searches, SignInsPerAddress, SignInsPerAccount];
}

/// <summary>The limits a page or endpoint is under, named by their <see cref="RateLimitOptions"/> quota.</summary>
public enum Limit
{
    /// <summary>Writes only (anything but GET and HEAD) count.</summary>
    PublicWrites,

    /// <summary>Every request counts.</summary>
    Searches,

    /// <summary>Every request counts, against the <see cref="RateLimitOptions.PublicWrites"/> quota: a fresh form stamp is asked for only to post the form.</summary>
    FormStamps,
}

/// <summary>Puts a page or endpoint under one of the site's <see cref="Limit"/>s.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RateLimitedAttribute(Limit limit) : Attribute
{
    public Limit Limit { get; } = limit;
}

/// <summary>
/// Rate limits for the public site: token buckets per client address (shared by every server
/// through Redis when there is one), answering 429 with <c>Retry-After</c> once spent.
/// </summary>
public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        // Settings under the section's old name would be ignored without a word; say so instead.
        if (builder.Configuration.GetSection("PublicWrites").Exists())
        {
            throw new InvalidOperationException(
                $"The PublicWrites settings have moved to {RateLimitOptions.Section}:PublicWrites (PublicWrites:PermitsPerWindow is now {RateLimitOptions.Section}:PublicWrites:PermitsPerWindow).");
        }
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .Validate(options => options.All.All(IsValid),
                $"Every quota under {RateLimitOptions.Section} needs PermitsPerWindow from 1 to 100000 and WindowSeconds from 1 to 86400.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TokenBuckets>();
        return builder;
    }

    /// <summary>After routing, so that it knows which endpoint a request is for.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.Use(LimitAsync);
        return app;
    }

    public static TBuilder RateLimited<TBuilder>(this TBuilder endpoint, Limit limit) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new RateLimitedAttribute(limit));

    /// <summary>
    /// Takes one request from <paramref name="quota"/>'s bucket for <paramref name="who"/>
    /// (by default the client's address); when it is spent, answers 429 with Retry-After and
    /// returns false.
    /// </summary>
    public static async Task<bool> TryTakeAsync(HttpContext context, string bucket, Quota quota, string? who = null)
    {
        var answer = await context.RequestServices.GetRequiredService<TokenBuckets>()
            .TakeAsync($"{bucket}:{who ?? ClientAddresses.Key(context.Connection.RemoteIpAddress)}", quota.Shape);
        if (!answer.Granted)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(answer.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        return answer.Granted;
    }

    private static async Task LimitAsync(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var (bucket, quota) = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>()?.Limit switch
        {
            Limit.PublicWrites when !isRead => ("writes", options.PublicWrites),
            Limit.Searches => ("searches", options.Searches),
            Limit.FormStamps => ("writes", options.PublicWrites),
            _ => (null, null),
        };
        if (quota is null || await TryTakeAsync(context, bucket!, quota))
        {
            await next(context);
        }
    }

    private static bool IsValid(Quota quota) => Validator.TryValidateObject(quota, new ValidationContext(quota), null, validateAllProperties: true);
}

/// <summary>Client addresses as rate limits count them.</summary>
public static class ClientAddresses
{
    /// <summary>
    /// Who a limit counts against: an IPv4 address, or an IPv6 address's /64 network, since one
    /// IPv6 client is usually handed a whole /64 and could otherwise change address at will.
    /// </summary>
    public static string Key(IPAddress? address)
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
