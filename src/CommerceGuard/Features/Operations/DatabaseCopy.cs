using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CommerceGuard.Data;
using CommerceGuard.Data.Postgres;
using CommerceGuard.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommerceGuard.Features.Operations;

/// <summary>One table's rows on both sides of a copy, and whether their contents agree.</summary>
public sealed record CopiedTable(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

/// <summary>
/// Moves a whole glossary (terms, revisions, votes, accounts, keys, everything the model holds)
/// from one database to another, SQLite or PostgreSQL either way. The target must be empty and
/// is brought to the current schema; every row keeps its key. The source is read as one
/// snapshot, so the site may keep running on it. The copy is one transaction that
/// is committed only when every table's row count and checksum on the target equal the
/// source's, so a failed copy leaves the target as it was.
/// </summary>
public static class DatabaseCopy
{
    private const int BatchSize = 1000;

    /// <summary>The provider a connection string is for: PostgreSQL's name a host, SQLite's a data source.</summary>
    public static DatabaseProvider? ProviderOf(string connectionString)
    {
        var keys = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim().ToLowerInvariant())
            .ToHashSet();
        return keys.Overlaps(["host", "server"]) ? DatabaseProvider.Postgres
            : keys.Overlaps(["data source", "datasource", "filename"]) ? DatabaseProvider.Sqlite
            : null;
    }

    /// <summary>A context on the database, without the site's interceptors: a copy is not a change to announce.</summary>
    public static GlossaryDb Open(string connectionString) => ProviderOf(connectionString) switch
    {
        DatabaseProvider.Postgres => new PostgresGlossaryDb(new DbContextOptionsBuilder<PostgresGlossaryDb>().UseNpgsql(connectionString).Options),
        DatabaseProvider.Sqlite => new SqliteGlossaryDb(new DbContextOptionsBuilder<SqliteGlossaryDb>().UseSqlite(connectionString).Options),
        _ => throw new ArgumentException("Say 'Data Source=…' for SQLite or 'Host=…' for PostgreSQL.", nameof(connectionString)),
    };

    /// <summary>The tables in an order where every row's parent rows are copied before it.</summary>
    public static IReadOnlyList<IEntityType> TablesInOrder(IModel model)
    {
        var tables = model.GetEntityTypes().Where(type => !type.IsOwned() && type.GetTableName() is not null).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(type => !placed.Contains(type) && type.GetForeignKeys()
                .All(key => key.PrincipalEntityType == type || placed.Contains(key.PrincipalEntityType.GetRootType()) || key.PrincipalEntityType.IsOwned()))
                .OrderBy(type => type.GetTableName(), StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The tables' foreign keys form a cycle; they cannot be copied in order.");
            }
            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }
        return ordered;
    }

    /// <summary>Copies every table, checks them, and commits; returns each table's check.</summary>
    public static async Task<IReadOnlyList<CopiedTable>> CopyAsync(
        GlossaryDb source, GlossaryDb target, Action<string> progress, CancellationToken cancellationToken)
    {
        await PrepareTargetAsync(target, cancellationToken);
        // Every read of the source, the checks' included, sees it as it was at one moment, even while the site writes to it.
        await using var snapshot = await BeginSnapshotAsync(source, cancellationToken);
        var tables = TablesInOrder(target.Model);
        // Seed data is kept only in the design-time model.
        var design = target.GetService<IDesignTimeModel>().Model;
        int Seeded(IEntityType table) => design.FindEntityType(table.Name)?.GetSeedData().Count() ?? 0;
        foreach (var table in tables)
        {
            // The migrations seed some rows (the roles); anything beyond them is someone's data.
            if (await CountAsync(target, table, cancellationToken) > Seeded(table))
            {
                throw new InvalidOperationException($"The target already holds data (table {table.GetTableName()}): copy into an empty database.");
            }
        }
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        target.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var table in tables.Where(table => Seeded(table) > 0))
        {
            // The source's seeded rows come over with the rest, as the source has them.
            await Invoke<Task<int>>(nameof(DeleteRowsAsync), table, target, cancellationToken);
        }
        foreach (var table in tables)
        {
            var copied = await Invoke<Task<long>>(nameof(CopyTableAsync), table, source, target, cancellationToken);
            progress($"{table.GetTableName()}: {copied.ToString("N0", CultureInfo.InvariantCulture)} rows");
        }
        if (target.Database.IsNpgsql())
        {
            await RestartSequencesAsync(target, tables, cancellationToken);
        }
        var checks = new List<CopiedTable>();
        foreach (var table in tables)
        {
            var (sourceRows, sourceSum) = await Invoke<Task<(long, string)>>(nameof(ChecksumAsync), table, source, cancellationToken);
            var (targetRows, targetSum) = await Invoke<Task<(long, string)>>(nameof(ChecksumAsync), table, target, cancellationToken);
            checks.Add(new CopiedTable(table.GetTableName()!, sourceRows, targetRows, sourceSum, targetSum));
        }
        if (checks.All(check => check.Matches))
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return checks;
    }

    /// <summary>
    /// Brings an empty target to the current schema. A target with tables of something else, or
    /// with a glossary at an older schema, is refused before anything in it is touched.
    /// </summary>
    private static async Task PrepareTargetAsync(GlossaryDb target, CancellationToken cancellationToken)
    {
        var exists = await target.Database.CanConnectAsync(cancellationToken);
        var applied = exists ? (await target.Database.GetAppliedMigrationsAsync(cancellationToken)).Count() : 0;
        if (applied == 0)
        {
            if (exists && await TableCountAsync(target, cancellationToken) > 0)
            {
                throw new InvalidOperationException("The target holds tables that are not a glossary's: copy into an empty database.");
            }
            await target.Database.MigrateAsync(cancellationToken);
        }
        else if ((await target.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException("The target holds a glossary of an older version: copy into an empty database.");
        }
    }

    private static Task<long> TableCountAsync(GlossaryDb db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<long>(db.Database.IsNpgsql()
                ? "SELECT count(*) AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()"
                : "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .SingleAsync(cancellationToken);

    /// <summary>
    /// A transaction that only reads: PostgreSQL's repeatable read, or SQLite's deferred
    /// transaction, which in WAL mode reads one snapshot and takes no write lock from the site.
    /// </summary>
    private static async Task<IAsyncDisposable> BeginSnapshotAsync(GlossaryDb source, CancellationToken cancellationToken)
    {
        if (source.Database.IsNpgsql())
        {
            return await source.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        }
        await source.Database.OpenConnectionAsync(cancellationToken);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)source.Database.GetDbConnection();
        return await source.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancellationToken)
            ?? throw new InvalidOperationException("The source's snapshot could not begin.");
    }

    /// <summary>Every table's row count and checksum, in copy order: two databases that agree on these hold the same glossary.</summary>
    public static async Task<IReadOnlyList<(string Table, long Rows, string Checksum)>> ChecksumsAsync(GlossaryDb db, CancellationToken cancellationToken)
    {
        var sums = new List<(string, long, string)>();
        foreach (var table in TablesInOrder(db.Model))
        {
            var (rows, checksum) = await Invoke<Task<(long, string)>>(nameof(ChecksumAsync), table, db, cancellationToken);
            sums.Add((table.GetTableName()!, rows, checksum));
        }
        return sums;
    }

    private static async Task<long> CountAsync(GlossaryDb db, IEntityType table, CancellationToken cancellationToken) =>
        await Invoke<Task<long>>(nameof(CountRowsAsync), table, db, cancellationToken);

    private static async Task<long> CountRowsAsync<T>(IEntityType table, GlossaryDb db, CancellationToken cancellationToken)
        where T : class => await Rows<T>(db, table).LongCountAsync(cancellationToken);

    private static Task<int> DeleteRowsAsync<T>(IEntityType table, GlossaryDb db, CancellationToken cancellationToken)
        where T : class => Rows<T>(db, table).ExecuteDeleteAsync(cancellationToken);

    private static async Task<long> CopyTableAsync<T>(IEntityType table, GlossaryDb source, GlossaryDb target, CancellationToken cancellationToken)
        where T : class
    {
        var set = table.HasSharedClrType ? target.Set<T>(table.Name) : target.Set<T>();
        long copied = 0;
        await foreach (var row in Ordered(Rows<T>(source, table), table).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            set.Add(row);
            if (++copied % BatchSize == 0)
            {
                await SaveBatchAsync(target, cancellationToken);
            }
        }
        await SaveBatchAsync(target, cancellationToken);
        return copied;
    }

    private static async Task SaveBatchAsync(GlossaryDb target, CancellationToken cancellationToken)
    {
        target.ChangeTracker.DetectChanges();
        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
    }

    /// <summary>
    /// The rows' count and a checksum: each row's SHA-256 over every column, each value written
    /// in one invariant form, summed modulo 2²⁵⁶. A sum does not depend on the order the rows
    /// come in, which differs between databases that sort text by different collations.
    /// </summary>
    private static async Task<(long Rows, string Checksum)> ChecksumAsync<T>(IEntityType table, GlossaryDb db, CancellationToken cancellationToken)
        where T : class
    {
        var properties = table.GetProperties().OrderBy(property => property.Name, StringComparer.Ordinal).ToList();
        var modulus = System.Numerics.BigInteger.One << 256;
        var sum = System.Numerics.BigInteger.Zero;
        long rows = 0;
        await foreach (var row in Rows<T>(db, table).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var text = string.Join("\u001f", properties.Select(property => Canonical(property.GetGetter().GetClrValue(row))));
            sum = (sum + new System.Numerics.BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(text)), isUnsigned: true)) % modulus;
            rows++;
        }
        return (rows, Convert.ToHexStringLower(sum.ToByteArray(isUnsigned: true, isBigEndian: true)).PadLeft(64, '0'));
    }

    private static string Canonical(object? value) => value switch
    {
        null => "\u2400",
        // In microseconds: PostgreSQL keeps no finer time than that, SQLite keeps ticks.
        DateTime at => (DateTime.SpecifyKind(at, DateTimeKind.Utc).Ticks / 10).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset at => (at.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        string text => text,
        System.Collections.IEnumerable items => string.Join("\u001d", items.Cast<object?>().Select(Canonical)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static IQueryable<T> Rows<T>(GlossaryDb db, IEntityType table) where T : class =>
        (table.HasSharedClrType ? db.Set<T>(table.Name) : db.Set<T>()).AsNoTracking();

    private static IQueryable<T> Ordered<T>(IQueryable<T> rows, IEntityType table) where T : class
    {
        var key = table.FindPrimaryKey()?.Properties ?? table.GetProperties().ToList();
        var ordered = rows.OrderBy(row => EF.Property<object>(row, key[0].Name));
        foreach (var property in key.Skip(1))
        {
            ordered = ordered.ThenBy(row => EF.Property<object>(row, property.Name));
        }
        return ordered;
    }

    /// <summary>PostgreSQL hands out keys from sequences that the copied rows did not advance: start each after the largest key.</summary>
    private static async Task RestartSequencesAsync(GlossaryDb target, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            var name = table.GetTableName()!;
            foreach (var property in table.FindPrimaryKey()?.Properties ?? [])
            {
                if (property.ValueGenerated != ValueGenerated.OnAdd || property.ClrType != typeof(int) && property.ClrType != typeof(long))
                {
                    continue;
                }
                var column = property.GetColumnName(StoreObjectIdentifier.Table(name, table.GetSchema()));
#pragma warning disable EF1002 // The names come from our own model, quoted; nothing here is user input.
                await target.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{name}\"), 0) + 1, false)",
                    cancellationToken);
#pragma warning restore EF1002
            }
        }
    }

    /// <summary>Calls one of the generic helpers above for a table's CLR type.</summary>
    private static TResult Invoke<TResult>(string method, IEntityType table, params object[] arguments) =>
        (TResult)typeof(DatabaseCopy).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(table.ClrType)
            .Invoke(null, [table, .. arguments])!;
}
