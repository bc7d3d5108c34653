using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Data;

/// <summary>
/// SQLite chooses among indexes by guesswork until <c>ANALYZE</c> has measured them. Unmeasured,
/// at 100,000 terms it looked up a term page's related terms by slug through the
/// (Status, Language, Title, Slug) index, reading every published term's entry: 30 ms a page
/// where the (Language, Slug) index takes a tenth of a millisecond. So the measurements are
/// taken when the site starts and after every import, the two moments the glossary's shape can
/// change by orders of magnitude. PostgreSQL's autovacuum keeps its own.
/// </summary>
public static class SqliteStatistics
{
    public static async Task RefreshAsync(GlossaryDb db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }
        // With a limit, ANALYZE samples each index instead of reading all of it: about a quarter
        // of a second at 100,000 terms, and the estimates are as good for choosing an index.
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", cancellationToken);
    }
}
