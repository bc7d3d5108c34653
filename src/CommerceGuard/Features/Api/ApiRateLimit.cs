using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
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
/// quota gets through. A client is its API key when it sends a good one, otherwise its address;
/// with Redis the buckets are shared by every server. Every answer says where the client
/// stands, in the IETF draft's <c>RateLimit-Policy</c> and <c>RateLimit</c> fields; past the
/// limit the answer is 429 with <c>Retry-After</c>.
/// </summary>
public sealed class ApiRateLimit(IOptions<ApiRateLimitOptions> options, TokenBuckets buckets) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var limits = options.Value;
        var (client, policy, quota) = await ClientOfAsync(context, limits);
        var shape = BucketShape.Of(quota, limits.WindowSeconds);
        var answer = await buckets.TakeAsync("api:" + client, shape);
        var headers = context.Response.Headers;
        // Written as the answer starts, over any the page cache kept with an answer it serves:
        // the standing is this request's, not that of the request the answer was made for.
        context.Response.OnStarting(() =>
        {
            headers["RateLimit-Policy"] = Invariant($"\"{policy}\";q={quota};w={limits.WindowSeconds}");
            headers["RateLimit"] = Invariant($"\"{policy}\";r={answer.Remaining};t={shape.SecondsToFill(answer.Remaining)}");
            return Task.CompletedTask;
        });
        if (answer.Granted)
        {
            await next(context);
            return;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(answer.RetryAfter.TotalSeconds));
        headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Of(StatusCodes.Status429TooManyRequests, "Too many requests.",
            $"This client has used its {quota} requests for {limits.WindowSeconds} seconds; try again in {seconds} s.").ExecuteAsync(context);
    }

    /// <summary>The client a request counts against: a good key's id, or the address (an IPv6 /64).</summary>
    private static async Task<(string Client, string Policy, int Quota)> ClientOfAsync(HttpContext context, ApiRateLimitOptions limits)
    {
        var key = await context.AuthenticateAsync(ApiPolicies.Scheme);
        return key.Succeeded && key.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? ("key:" + id, "key", limits.KeyPermits)
            : ("address:" + ClientAddresses.Key(context.Connection.RemoteIpAddress), "address", limits.AnonymousPermits);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
