using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Api;

/// <summary>How much one client may ask of the API. Section <c>Api:RateLimit</c>.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    /// <summary>Requests per window from one address without a key.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPermits { get; set; } = 120;

    /// <summary>Requests per window for one API key, wherever it is used from.</summary>
    [Range(1, 1_000_000)]
    public int KeyPermits { get; set; } = 600;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// A token bucket per client in front of the whole API: a client may spend its whole quota at
/// once, and it refills steadily over the window, so there is no window edge at which twice the
/// quota gets through. A client is its API key when it sends a good one, otherwise its address.
/// Every answer says where the client stands, in the IETF draft's <c>RateLimit-Policy</c> and
/// <c>RateLimit</c> fields; past the limit the answer is 429 with <c>Retry-After</c>.
/// </summary>
public sealed class ApiRateLimit : IMiddleware, IDisposable
{
    private readonly ApiRateLimitOptions options;
    private readonly PartitionedRateLimiter<string> limiter;

    public ApiRateLimit(IOptions<ApiRateLimitOptions> options)
    {
        this.options = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetTokenBucketLimiter(client, _ => Bucket(QuotaOf(client))));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var client = await ClientOfAsync(context);
        var quota = QuotaOf(client);
        using var lease = limiter.AttemptAcquire(client);
        var remaining = (int)(limiter.GetStatistics(client)?.CurrentAvailablePermits ?? 0);
        var headers = context.Response.Headers;
        var policy = client.StartsWith("key:", StringComparison.Ordinal) ? "key" : "address";
        headers["RateLimit-Policy"] = Invariant($"\"{policy}\";q={quota};w={options.WindowSeconds}");
        headers["RateLimit"] = Invariant($"\"{policy}\";r={remaining};t={SecondsToRefill(quota, remaining)}");
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Of(StatusCodes.Status429TooManyRequests, "Too many requests.",
            $"This client has used its {quota} requests for {options.WindowSeconds} seconds; try again in {seconds} s.").ExecuteAsync(context);
    }

    public void Dispose() => limiter.Dispose();

    /// <summary>The client a request counts against: a good key's id, or the address (an IPv6 /64).</summary>
    private static async Task<string> ClientOfAsync(HttpContext context)
    {
        var key = await context.AuthenticateAsync(ApiPolicies.Scheme);
        return key.Succeeded && key.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? "key:" + id
            : "address:" + PublicWrites.ClientKey(context.Connection.RemoteIpAddress);
    }

    private int QuotaOf(string client) =>
        client.StartsWith("key:", StringComparison.Ordinal) ? options.KeyPermits : options.AnonymousPermits;

    private TokenBucketRateLimiterOptions Bucket(int quota)
    {
        var (tokens, seconds) = Refill(quota);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = quota,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(seconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    /// <summary>
    /// The quota's exact rate in the coarsest whole steps: 120 a minute is 2 every second, 100 a
    /// minute 5 every 3 seconds. Finer steps would wake a timer far more often for nothing.
    /// </summary>
    private (int Tokens, int Seconds) Refill(int quota)
    {
        var common = (int)System.Numerics.BigInteger.GreatestCommonDivisor(quota, options.WindowSeconds);
        return (quota / common, options.WindowSeconds / common);
    }

    /// <summary>How long until the bucket is full again, which is when the whole quota is back.</summary>
    private int SecondsToRefill(int quota, int remaining)
    {
        var (tokens, seconds) = Refill(quota);
        return (quota - remaining + tokens - 1) / tokens * seconds;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
