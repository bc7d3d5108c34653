using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Caching;

/// <summary>
/// Keeps a page only when no eviction ran while it was being made (a page read from the glossary
/// before a change, and stored after that change's eviction, would otherwise outlive it), and
/// not before the first eviction round, which therefore finds nothing this server kept to evict.
/// </summary>
internal sealed class EvictionAwareStore(IOutputCacheStore inner, EvictionProgress eviction, IHttpContextAccessor requests) : IOutputCacheStore
{
    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        eviction.EvictedThrough == 0 || (PageCache.BegunAt(requests.HttpContext) is { } begun && eviction.EvictedThrough > begun)
            ? ValueTask.CompletedTask
            : inner.SetAsync(key, value, tags, validFor, cancellationToken);

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);
}
