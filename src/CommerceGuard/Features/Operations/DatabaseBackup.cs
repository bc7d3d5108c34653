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
            await using var source = new SqliteConnection(connectionString);
            await source.OpenAsync(cancellationToken);
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
            await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", file], connectionString, cancellationToken);
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

    /// <summary>Runs a PostgreSQL client program against the database the connection string names.</summary>
    private static async Task RunAsync(string program, string[] arguments, string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(program)) { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add($"--host={connection.Host}");
        start.ArgumentList.Add($"--port={connection.Port}");
        start.ArgumentList.Add($"--username={connection.Username}");
        start.ArgumentList.Add($"--dbname={connection.Database}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The password goes in the environment, never on a command line that others can list.
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} would not start.");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {errors.Trim()}");
        }
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
