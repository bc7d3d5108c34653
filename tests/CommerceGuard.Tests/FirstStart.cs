using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommerceGuard.Tests;

/// <summary>
/// A database and search index as an app's first start leaves them (the schema migrated, the
/// starter glossary loaded and indexed), made once a run by a real first start and copied for
/// every test app that would otherwise start the same way. A run starts a couple of hundred apps;
/// copying a file (on PostgreSQL, <c>CREATE DATABASE … TEMPLATE</c>) costs a fraction of
/// migrating, loading and indexing each time. Apps that start otherwise (on a database a test
/// prepared, without migrating, with services of a test's own) still make their own first start.
/// </summary>
internal static class FirstStart
{
    private sealed record Copy(string Folder, string PostgresServer, string? PostgresDatabase)
    {
        public string SqliteFile => Path.Combine(Folder, "glossary.db");
        public string IndexFolder => Path.Combine(Folder, "search-index");
    }

    /// <summary>One copy for SQLite (key "") and one for each PostgreSQL server used.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Copy>> Copies = new();

    /// <summary>PostgreSQL copies one database from a template at a time.</summary>
    private static readonly Lock PostgresCopying = new();

    static FirstStart() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveCopies();

    /// <summary>Lays the first start's database and index where the app will look for them.</summary>
    public static void LayFor(string? postgresServer, string? postgresDatabase, string sqliteFile, string? indexFolder)
    {
        var copy = Copies.GetOrAdd(postgresServer ?? "", server => new Lazy<Copy>(() => Make(server))).Value;
        if (postgresDatabase is null)
        {
            File.Copy(copy.SqliteFile, sqliteFile);
        }
        else
        {
            lock (PostgresCopying)
            {
                RunOnServer(postgresDatabase, $"CREATE DATABASE \"{Name(postgresDatabase)}\" TEMPLATE \"{copy.PostgresDatabase}\"");
            }
        }
        if (indexFolder is not null)
        {
            CopyIndex(copy.IndexFolder, indexFolder);
        }
    }

    /// <summary>Starts an app for the first time on an empty database and keeps what it leaves.</summary>
    private static Copy Make(string postgresServer)
    {
        var folder = Directory.CreateTempSubdirectory("commerceguard-first-start-").FullName;
        using var first = GlossaryApp.FirstStartOn(postgresServer);
        first.SearchIndexReadyAsync().GetAwaiter().GetResult();
        var copy = new Copy(folder, postgresServer, first.OnPostgresDatabase ? Name(first.ConnectionString) : null);
        // Copied while the app runs: it is idle once indexed, and Lucene's committed files never change.
        CopyIndex(first.SearchIndexFolder, copy.IndexFolder);
        if (copy.PostgresDatabase is null)
        {
            Sqlite(first.DatabaseFile, $"VACUUM INTO '{copy.SqliteFile}'");
            // Each app makes keys of its own, as each site does.
            Sqlite(copy.SqliteFile, "DELETE FROM DataProtectionKeys");
        }
        else
        {
            // A template may have no one connected: the app stopped, its pooled connections closed.
            first.Dispose();
            using (var connection = new NpgsqlConnection(first.ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }
            RunOnServer(first.ConnectionString, "DELETE FROM \"DataProtectionKeys\"", inDatabase: true);
        }
        return copy;
    }

    /// <summary>
    /// Copies a search index as it stands. Every index write is committed at once, so the files
    /// of an idle index are a whole copy; the lock file is the writer's, not the index's.
    /// </summary>
    public static void CopyIndex(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from).Where(file => Path.GetFileName(file) != "write.lock"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static void Sqlite(string file, string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static string Name(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    /// <summary>Runs a statement on the server of the database named, in that database or in <c>postgres</c>.</summary>
    internal static void RunOnServer(string connectionString, string sql, bool inDatabase = false)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (!inDatabase)
        {
            target.Database = "postgres";
        }
        using var connection = new NpgsqlConnection(target.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void RemoveCopies()
    {
        foreach (var copy in Copies.Values.Where(copy => copy.IsValueCreated).Select(copy => copy.Value))
        {
            try
            {
                if (copy.PostgresDatabase is { } database)
                {
                    GlossaryApp.DropPostgresDatabase($"{copy.PostgresServer};Database={database}");
                }
                Directory.Delete(copy.Folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or NpgsqlException)
            {
                // Left behind in the temporary folder or on a throwaway server: nothing depends on it.
            }
        }
    }
}
