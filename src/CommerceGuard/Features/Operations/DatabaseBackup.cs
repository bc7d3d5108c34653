using System.Diagnostics;
using CommerceGuard.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommerceGuard.Features.Operations;

/// <summary>
/// Backs up and restores the configured database with each database's own means: SQLite's
/// online backup (a consistent copy while the site runs), and PostgreSQL's pg_dump and
/// pg_restore (custom format) when they are installed. A backup is written beside its final name
/// and renamed only when whole, so a failed one never looks like a good one.
/// </summary>
public static class DatabaseBackup
{
    public static async Task BackupAsync(DatabaseProvider provider, string connectionString, string file, CancellationToken cancellationToken)
    {
        if (File.Exists(file))
        {
            throw new InvalidOperationException($"{file} exists already: choose a new name, so that no backup is overwritten.");
        }
        var partial = file + ".partial";
        File.Delete(partial);
        // A backup holds password hashes and the keys that sign cookies: only its owner may read it.
        await File.WriteAllBytesAsync(partial, [], cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            // Read only: a mistyped path must fail, not make an empty database and back that up.
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
            await source.OpenAsync(cancellationToken);
            if (!await HasMigrationHistoryAsync(source, cancellationToken))
            {
                throw new InvalidOperationException("The database holds no glossary: it has no migration history.");
            }
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await target.OpenAsync(cancellationToken);
                source.BackupDatabase(target);
            }
        }
        else
        {
            await RunAsync("pg_dump", ["--format=custom", "--no-owner", $"--file={partial}"], connectionString, cancellationToken);
        }
        File.Move(partial, file);
    }

    /// <summary>Replaces everything in the database with the backup's contents.</summary>
    public static async Task RestoreAsync(DatabaseProvider provider, string connectionString, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"There is no backup at {file}.");
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await backup.OpenAsync(cancellationToken);
            if (!await HasMigrationHistoryAsync(backup, cancellationToken))
            {
                throw new InvalidOperationException($"{file} is not a backup of a glossary: it has no migration history.");
            }
            await using var live = new SqliteConnection(connectionString);
            await live.OpenAsync(cancellationToken);
            backup.BackupDatabase(live);
        }
        else
        {
            await RestorePostgresAsync(connectionString, file, cancellationToken);
        }
    }

    /// <summary>
    /// pg_restore writes the backup out as SQL first, whole, so that a damaged backup fails
    /// before anything is touched; psql then empties the schema and runs that SQL in one
    /// transaction. Emptying the schema, rather than dropping the backup's own tables, also
    /// removes tables that later versions added, which would otherwise outlive the restore.
    /// </summary>
    private static async Task RestorePostgresAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var script = Path.Combine(Path.GetTempPath(), $"commerceguard-restore-{Guid.NewGuid():N}.sql");
        try
        {
            await File.WriteAllBytesAsync(script, [], cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            await RunAsync("pg_restore", ["--no-owner", "--no-privileges", $"--file={script}", file], null, cancellationToken);
            await RunAsync("psql", ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1",
                "--command=DROP SCHEMA public CASCADE; CREATE SCHEMA public;", $"--file={script}"], connectionString, cancellationToken);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<bool> HasMigrationHistoryAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Runs a PostgreSQL client program, against the database the connection string names if one is given.</summary>
    private static async Task RunAsync(string program, string[] arguments, string? connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(program)) { RedirectStandardError = true, UseShellExecute = false };
        if (connectionString is not null)
        {
            Connect(start, new NpgsqlConnectionStringBuilder(connectionString));
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} would not start.");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {errors.Trim()}");
        }
    }

    /// <summary>The server, database and user, and how to reach them: as libpq's environment says it, so no secret is on a command line.</summary>
    private static void Connect(ProcessStartInfo start, NpgsqlConnectionStringBuilder connection)
    {
        var environment = start.Environment;
        environment["PGHOST"] = connection.Host;
        environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PGUSER"] = connection.Username;
        environment["PGDATABASE"] = connection.Database;
        environment["PGPASSWORD"] = string.IsNullOrEmpty(connection.Password) ? null : connection.Password;
        environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        environment["PGSSLROOTCERT"] = string.IsNullOrEmpty(connection.RootCertificate) ? null : connection.RootCertificate;
        environment["PGSSLCERT"] = string.IsNullOrEmpty(connection.SslCertificate) ? null : connection.SslCertificate;
        environment["PGSSLKEY"] = string.IsNullOrEmpty(connection.SslKey) ? null : connection.SslKey;
    }

    /// <summary>The program on the PATH, or from Debian's newest PostgreSQL, which is not on the PATH.</summary>
    private static string Find(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(folder => Path.Combine(folder, "bin", program)).Where(File.Exists)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
        return onPath ?? debian
            ?? throw new InvalidOperationException($"{program} is not installed: install PostgreSQL's client programs (Debian: postgresql-client).");
    }
}
