using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Data;

public static class ConflictRetry
{
    /// <summary>
    /// Runs an upsert (find the row or add it, change it, save), and runs it once more when a
    /// concurrent request inserted the same unique row first: the second run finds that row
    /// and updates it, so neither request fails. On SQLite, upserts to one database take turns.
    /// </summary>
    public static async Task UpsertAsync(this GlossaryDb db, Func<CancellationToken, Task> upsert, CancellationToken cancellationToken)
    {
        using var turn = await SqliteTurns.TakeAsync(db, cancellationToken);
        try
        {
            await upsert(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await upsert(cancellationToken);
        }
    }
}

/// <summary>
/// SQLite lets one connection write at a time. A second writer is refused, and Microsoft.Data.Sqlite
/// tries it again after 150 ms asleep on its thread: under a stream of votes, that made some
/// voters wait over a second and starved every other reader of threads. Frequent writes (votes,
/// forms) therefore wait here for their turn on the database file, in order and without holding a
/// thread. Other servers on the same file, and rare writes such as an editor's, are not queued.
/// </summary>
internal static class SqliteTurns
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    public static async Task<IDisposable?> TakeAsync(GlossaryDb db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() || db.Database.GetConnectionString() is not { } file)
        {
            return null;
        }
        var turn = Files.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        return new Release(turn);
    }

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
