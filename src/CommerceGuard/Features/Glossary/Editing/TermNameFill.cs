using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>
/// Works out the <see cref="TermName"/> rows the term editor did not write: every term's, once
/// the table is new or <see cref="TermName.Rules"/> has changed (a marker remembers the rules the
/// rows follow), and afterwards those of terms put in around the editor (a database generated
/// for benchmarks, say). Part of bringing the database up to date, so it runs before the site
/// serves and with <c>db migrate</c>.
/// </summary>
public static class TermNameFill
{
    private const int BatchSize = 1000;

    private static string Marker => $"term-names-rules-{TermName.Rules}";

    public static async Task RunAsync(GlossaryDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = await db.SiteMarkers.AnyAsync(marker => marker.Key == Marker, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (!current)
            {
                await db.TermNames.ExecuteDeleteAsync(cancellationToken);
            }
            // By id, so that a term with no name at all is passed once, not looked at forever.
            var after = 0;
            while (await WithoutNamesAsync(db, after, cancellationToken) is { Count: > 0 } terms)
            {
                db.TermNames.AddRange(terms.SelectMany(term => TermName.Of(term.Id, term.Title, term.Aliases, term.Language)));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                after = terms[^1].Id;
            }
            if (!current)
            {
                db.SiteMarkers.Add(new SiteMarker { Key = Marker, SetAt = time.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two servers started together on one database: the other one has filled them.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (!await db.SiteMarkers.AnyAsync(marker => marker.Key == Marker, cancellationToken))
            {
                throw;
            }
        }
    }

    private static Task<List<Unnamed>> WithoutNamesAsync(GlossaryDb db, int after, CancellationToken cancellationToken) =>
        db.Terms.AsNoTracking()
            .Where(term => term.Id > after && !db.TermNames.Any(name => name.TermId == term.Id))
            .OrderBy(term => term.Id)
            .Take(BatchSize)
            .Select(term => new Unnamed(term.Id, term.Title, term.Aliases, term.Language))
            .ToListAsync(cancellationToken);

    private sealed record Unnamed(int Id, string Title, List<string> Aliases, string Language);
}
