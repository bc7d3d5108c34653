using CommerceGuard.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Caching;

/// <summary>
/// Evicts the cached pages when the change feed moves, whichever server made the change. The
/// pages' keys hold the feed's version, so no reader is served a page from before a change even
/// before this runs; it frees the room the old pages take.
/// </summary>
internal sealed partial class PageCacheEviction(
    TermChanges changes, IOutputCacheStore store, ILogger<PageCacheEviction> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var evictedAt = changes.Version;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var version = changes.Version;
            if (version == evictedAt)
            {
                continue;
            }
            if (evictedAt == 0)
            {
                // A server that has just started only now learns the version from the feed:
                // nothing changed, and the pages other servers keep in Redis are still good.
                evictedAt = version;
                continue;
            }
            try
            {
                await store.EvictByTagAsync(PageCache.Tag, stoppingToken);
                evictedAt = version;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogEvictionFailed(error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evicting the cached pages failed; trying again")]
    private partial void LogEvictionFailed(Exception error);
}
