using CommerceGuard.Features.Operations;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Caching;

/// <summary>
/// Keeps pages in Redis, where every server finds them, and in this server's memory while Redis
/// cannot be reached, so that losing Redis costs speed, never a reader's page. Evictions go to
/// both, since pages kept while Redis was away are in memory; an eviction Redis missed empties
/// it of every page as soon as it answers again, before anything is read from it.
/// </summary>
internal sealed class SharedOutputCacheStore(
    IOutputCacheStore redis, IOutputCacheStore local, RedisConnection connection) : IOutputCacheStore
{
    private volatile bool redisMissedEviction;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (connection.Available is not null && await CaughtUpAsync(cancellationToken))
        {
            try
            {
                return await redis.GetAsync(key, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                connection.Failed(error, "reading a cached page");
            }
        }
        return await local.GetAsync(key, cancellationToken);
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (connection.Available is not null && await CaughtUpAsync(cancellationToken))
        {
            try
            {
                await redis.SetAsync(key, value, tags, validFor, cancellationToken);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                connection.Failed(error, "keeping a page");
            }
        }
        await local.SetAsync(key, value, tags, validFor, cancellationToken);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await local.EvictByTagAsync(tag, cancellationToken);
        if (connection.Available is null || !await EvictedAsync(tag, cancellationToken))
        {
            redisMissedEviction = true;
        }
    }

    /// <summary>False while Redis holds pages an eviction it missed should have removed and they cannot be removed yet.</summary>
    private async ValueTask<bool> CaughtUpAsync(CancellationToken cancellationToken)
    {
        if (!redisMissedEviction)
        {
            return true;
        }
        redisMissedEviction = false;
        if (await EvictedAsync(PageCache.Tag, cancellationToken))
        {
            return true;
        }
        redisMissedEviction = true;
        return false;
    }

    private async ValueTask<bool> EvictedAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await redis.EvictByTagAsync(tag, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            connection.Failed(error, "evicting pages");
            return false;
        }
    }
}
