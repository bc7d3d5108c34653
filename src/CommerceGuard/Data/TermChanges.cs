using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommerceGuard.Data;

/// <summary>
/// A counter that moves whenever a term is added, changed or removed, so that anything built from
/// the terms (the auto-link matcher, caches) knows to rebuild, and only then.
/// </summary>
public sealed class TermChanges
{
    private long version;

    public long Version => Interlocked.Read(ref version);

    public void Bump() => Interlocked.Increment(ref version);
}

/// <summary>Bumps <see cref="TermChanges"/> after every save that touched a term.</summary>
internal sealed class TermChangeInterceptor(TermChanges changes) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // Whether the save touches terms is only known before it; the bump must wait until after it.
    private static void Remember(DbContext? context)
    {
        if (context is GlossaryDb db)
        {
            db.TermsTouched = db.ChangeTracker.Entries<Term>().Any(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        }
    }

    private void Announce(DbContext? context)
    {
        if (context is GlossaryDb { TermsTouched: true } db)
        {
            db.TermsTouched = false;
            changes.Bump();
        }
    }
}
