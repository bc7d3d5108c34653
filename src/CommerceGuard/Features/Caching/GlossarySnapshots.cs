using System.Collections.Concurrent;
using CommerceGuard.Data;

namespace CommerceGuard.Features.Caching;

/// <summary>Something made from one language's whole published glossary, and the <see cref="TermChanges"/> version it was made at.</summary>
public interface IGlossarySnapshot
{
    long Version { get; }
}

/// <summary>
/// Keeps one snapshot per language (the auto-linker's directory, the A–Z listing) and rebuilds
/// it only when <see cref="TermChanges"/> says a term changed, never per request. While a rebuild
/// runs, readers briefly get the previous snapshot rather than waiting on a large glossary's
/// rebuild, and the pages made with it are not cached.
/// </summary>
public abstract partial class GlossarySnapshots<T>(TermChanges changes, IHttpContextAccessor requests, ILogger logger) : IDisposable
    where T : class, IGlossarySnapshot
{
    /// <summary>How long a request waits for a rebuild before it makes do with the previous snapshot.</summary>
    private static readonly TimeSpan PatienceForRebuild = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, T> current = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<T>> rebuilds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim building = new(1, 1);

    /// <summary>Makes the language's snapshot from the glossary as it is at <paramref name="version"/> or later.</summary>
    protected abstract Task<T> BuildAsync(string language, long version);

    protected async ValueTask<T> SnapshotAsync(string language, CancellationToken cancellationToken)
    {
        if (!current.TryGetValue(language, out var snapshot))
        {
            // Nothing to serve yet: this request waits for the first build.
            return Checked(await RebuildAsync(language).WaitAsync(cancellationToken));
        }
        if (snapshot.Version == changes.Version)
        {
            return snapshot;
        }
        // One rebuild at a time per language; a finished one is cleared so the next change starts anew.
        if (rebuilds.TryGetValue(language, out var finishedEarlier) && finishedEarlier.IsCompleted)
        {
            rebuilds.TryRemove(KeyValuePair.Create(language, finishedEarlier));
        }
        var rebuild = rebuilds.GetOrAdd(language, RebuildAsync);
        var first = await Task.WhenAny(rebuild, Task.Delay(PatienceForRebuild, cancellationToken));
        return Checked(first == rebuild && rebuild.IsCompletedSuccessfully ? rebuild.Result : snapshot);
    }

    /// <summary>
    /// A snapshot older than the newest change (the rebuild was slow, or was one begun for an
    /// earlier change) still serves this request, but the page made with it is not cached.
    /// </summary>
    private T Checked(T snapshot)
    {
        if (snapshot.Version < changes.Version)
        {
            PageCache.MarkUnfit(requests.HttpContext);
        }
        return snapshot;
    }

    private async Task<T> RebuildAsync(string language)
    {
        await building.WaitAsync();
        try
        {
            // Read the version under the lock, so a slow request never replaces a newer snapshot with an older.
            var version = changes.Version;
            if (current.TryGetValue(language, out var snapshot) && snapshot.Version >= version)
            {
                return snapshot;
            }
            snapshot = await BuildAsync(language, version);
            current[language] = snapshot;
            return snapshot;
        }
        catch (Exception error)
        {
            LogRebuildFailed(error, GetType().Name, language);
            throw;
        }
        finally
        {
            building.Release();
        }
    }

    public void Dispose()
    {
        building.Dispose();
        GC.SuppressFinalize(this);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding {Snapshot} for language {Language} failed")]
    private partial void LogRebuildFailed(Exception error, string snapshot, string language);
}
