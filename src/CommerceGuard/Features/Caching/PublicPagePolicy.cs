using System.Globalization;
using CommerceGuard.Data;
using CommerceGuard.Features.Operations;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CommerceGuard.Features.Caching;

/// <summary>
/// When a public page may be cached, and under what key. A page is served from the cache only
/// once <see cref="PageCacheEviction"/> has evicted for the newest change this server knows of;
/// until then it is made afresh. The key names the database (<see cref="TermChanges.Origin"/>),
/// so sites on other databases sharing the Redis never share pages.
/// </summary>
/// <param name="queryKeys">The query string's parts the page reads; any others are ignored.</param>
internal sealed class PublicPagePolicy(params string[] queryKeys) : IOutputCachePolicy
{
    /// <summary>How long a reader waits for the eviction of a change just made before the page is made afresh instead.</summary>
    private static readonly TimeSpan PatienceForEviction = TimeSpan.FromMilliseconds(200);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        // Signed-in staff see drafts' effects and menus of their own: never from the cache, never into it.
        var anonymous = http.User.Identity?.IsAuthenticated != true && !request.Headers.ContainsKey("Authorization");
        var reading = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var services = http.RequestServices;
        // A server that has just started knows no version until it first reads the change feed.
        var changes = services.GetRequiredService<TermChanges>();
        var version = changes.Version;
        context.EnableOutputCaching = true;
        context.AllowCacheStorage = anonymous && reading && version > 0 && changes.Origin is not null;
        context.AllowCacheLookup = context.AllowCacheStorage && await EvictedForAsync(services, version, cancellation);
        PageCache.MarkBegun(http, version);
        context.AllowLocking = true;
        context.Tags.Add(PageCache.Tag);
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<PageCacheOptions>>().Value.Seconds);
        // Only the query's parts a page reads make another page, so "?anything" is not a new
        // entry for whoever wants to fill the cache or get past it.
        context.CacheVaryByRules.QueryKeys = new StringValues(queryKeys);
        // Pages name the site by its configured address, never by the Host a client sent, so
        // one copy serves every node and every name the site answers to.
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.VaryByValues["site"] = changes.Origin ?? "";
        context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
        // Pages are kept as they were sent: compressed one way, or another, or not at all.
        context.CacheVaryByRules.VaryByValues["encoding"] = Compression.EncodingFor(http);
    }

    /// <summary>Whether the pages a change up to <paramref name="version"/> touched are evicted, waiting a little for it.</summary>
    private static async ValueTask<bool> EvictedForAsync(IServiceProvider services, long version, CancellationToken cancellation)
    {
        var progress = services.GetRequiredService<EvictionProgress>();
        if (progress.EvictedThrough >= version)
        {
            return true;
        }
        try
        {
            await services.GetRequiredService<PageCacheEviction>().CatchUpAsync().WaitAsync(PatienceForEviction, cancellation);
        }
        catch (TimeoutException)
        {
            // Made afresh this time; the eviction goes on.
        }
        return progress.EvictedThrough >= version;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.HttpContext.RequestServices.GetRequiredService<SiteMetrics>().PageCacheHit();
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (context.AllowCacheLookup)
        {
            http.RequestServices.GetRequiredService<SiteMetrics>().PageCacheMiss();
        }
        // A cookie belongs to one reader; anything but a whole page is not worth keeping.
        if (http.Response.Headers.SetCookie.Count > 0 || http.Response.StatusCode != StatusCodes.Status200OK || PageCache.IsUnfit(http))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
