using CommerceGuard.Features.Operations;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Caching;

/// <summary>
/// Keeps pages in Redis, where every server finds them, and in this server's memory while Redis
/// cannot be reached, so that losing Redis costs speed, never a reader's page. Evictions go to
/// both, since pages kept while Redis was away are in memory. Redis is not used while it may
/// hold pages an eviction missed (<see cref="EvictionProgress.SharedStoreBehind"/>), until
/// <see cref="PageCacheEviction"/> has caught it up.
/// </summary>
internal sealed class SharedOutputCacheStore(
    IOutputCacheStore redis, IOutputCacheStore local, RedisConnection connection, EvictionProgress progress) : IOutputCacheStore
{
    private bool RedisUsable => connection.Available is not null && !progress.SharedStoreBehind;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (RedisUsable)
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
        if (RedisUsable)
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

    /// <summary>
    /// Evicts from Redis alone, catching it up with evictions it missed: this server's memory had
    /// them when they happened. A failure is the caller's to handle.
    /// </summary>
    public ValueTask EvictSharedByTagAsync(string tag, CancellationToken cancellationToken) => redis.EvictByTagAsync(tag, cancellationToken);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await local.EvictByTagAsync(tag, cancellationToken);
        if (connection.Available is null)
        {
            progress.SharedStoreMissed();
            return;
        }
        try
        {
            await redis.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            connection.Failed(error, "evicting pages");
            progress.SharedStoreMissed();
        }
    }
}
