using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Data;

public static class ConflictRetry
{
    /// <summary>
    /// Runs an upsert (find the row or add it, change it, save), and runs it once more when a
    /// concurrent request inserted the same unique row first: the second run finds that row
    /// and updates it, so neither request fails.
    /// </summary>
    public static async Task UpsertAsync(this GlossaryDb db, Func<CancellationToken, Task> upsert, CancellationToken cancellationToken)
    {
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
