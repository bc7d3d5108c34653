using System.CommandLine;
using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Operations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Cli;

/// <summary><c>db</c>: the database's schema, for operators.</summary>
public static class DatabaseCommands
{
    public static Command Create(IServiceProvider services)
    {
        var migrate = new Command("migrate",
            "Bring the database's schema up to date. With Database:MigrateOnStart=false (rolling deploys), run this once before starting the new version.");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            var applied = await GlossaryDataSetup.MigrateAsync(services, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (applied.Count == 0)
            {
                output.WriteLine("The schema is up to date: nothing to apply.");
            }
            else
            {
                output.WriteLine($"Applied {applied.Count} migration(s):");
                foreach (var name in applied)
                {
                    output.WriteLine($"  {name}");
                }
            }
            return 0;
        });
        return new Command("db", "Work on the database itself.") { migrate, CopyCommand(), BackupCommand(services), RestoreCommand(services) };
    }

    private static Command BackupCommand(IServiceProvider services)
    {
        var file = new Argument<string>("file") { Description = "Where to write the backup; it must not exist yet" };
        var backup = new Command("backup",
            "Back up the database while the site runs: SQLite's online backup, or pg_dump (custom format) for PostgreSQL.") { file };
        backup.SetAction(async (parse, cancellationToken) =>
        {
            var database = services.GetRequiredService<GlossaryConnection>();
            var path = Path.GetFullPath(parse.GetValue(file)!);
            return await ReportAsync(parse.InvocationConfiguration.Output, async () =>
            {
                await DatabaseBackup.BackupAsync(database.Provider, database.ConnectionString, path, cancellationToken);
                return $"Backed up the {database.Provider} database to {path} ({new FileInfo(path).Length:N0} bytes).";
            });
        });
        return backup;
    }

    private static Command RestoreCommand(IServiceProvider services)
    {
        var file = new Argument<string>("file") { Description = "A backup that 'db backup' wrote" };
        var replace = new Option<bool>("--replace") { Description = "Confirm that everything in the database is to be replaced by the backup" };
        var restore = new Command("restore",
            "Replace everything in the database with a backup. Stop the site's servers first, and start them again afterwards.") { file, replace };
        restore.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!parse.GetValue(replace))
            {
                output.WriteLine("This replaces everything in the database with the backup: pass --replace to confirm.");
                return 2;
            }
            var database = services.GetRequiredService<GlossaryConnection>();
            var path = Path.GetFullPath(parse.GetValue(file)!);
            return await ReportAsync(output, async () =>
            {
                await DatabaseBackup.RestoreAsync(database.Provider, database.ConnectionString, path, cancellationToken);
                // Pages in Redis may show changes the restored glossary does not have. Each server
                // starting on it evicts them too, finding the feed behind the store's record.
                await services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PageCache.Tag, cancellationToken);
                return $"Restored {path}. Start the servers; each rebuilds its search index from the restored terms.";
            });
        });
        return restore;
    }

    /// <summary>Runs the work and prints what became of it; a refusal or a tool's failure is a message and exit code 2, not a stack trace.</summary>
    private static async Task<int> ReportAsync(TextWriter output, Func<Task<string>> work)
    {
        try
        {
            output.WriteLine(await work());
            return 0;
        }
        catch (InvalidOperationException refused)
        {
            output.WriteLine(refused.Message);
            return 2;
        }
    }

    private static Command CopyCommand()
    {
        var from = new Option<string>("--from") { Description = "The database to copy: 'Data Source=…' for SQLite, 'Host=…;Database=…' for PostgreSQL", Required = true };
        var to = new Option<string>("--to") { Description = "The database to copy into, which must be empty (it is created and migrated when missing)", Required = true };
        var copy = new Command("copy",
            "Copy a whole glossary (terms, revisions, votes, accounts, everything) from one database to another, SQLite or PostgreSQL either way, and verify it by row counts and checksums before committing.")
        {
            from, to,
        };
        copy.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (source, target) = (parse.GetValue(from)!, parse.GetValue(to)!);
            foreach (var (name, connection) in new[] { ("--from", source), ("--to", target) })
            {
                if (DatabaseCopy.ProviderOf(connection) is null)
                {
                    output.WriteLine($"{name}: say 'Data Source=…' for SQLite or 'Host=…;Database=…' for PostgreSQL.");
                    return 2;
                }
            }
            await using var sourceDb = DatabaseCopy.Open(source);
            await using var targetDb = DatabaseCopy.Open(target);
            if ((await sourceDb.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                output.WriteLine("The source's schema is older than this version's: run 'db migrate' on it first.");
                return 2;
            }
            IReadOnlyList<CopiedTable> checks;
            try
            {
                checks = await DatabaseCopy.CopyAsync(sourceDb, targetDb, line => output.WriteLine($"  copied {line}"), cancellationToken);
            }
            catch (InvalidOperationException refused)
            {
                output.WriteLine(refused.Message);
                return 2;
            }
            output.WriteLine();
            foreach (var check in checks)
            {
                output.WriteLine($"  {(check.Matches ? "ok      " : "DIFFERS ")}{check.Table}: {check.SourceRows} → {check.TargetRows} rows, checksum {check.SourceChecksum[..12]} → {check.TargetChecksum[..12]}");
            }
            var differing = checks.Count(check => !check.Matches);
            output.WriteLine(differing == 0
                ? $"Copied and verified {checks.Count} tables, {checks.Sum(check => check.TargetRows)} rows."
                : $"{differing} table(s) differ after copying: nothing was committed, and the target is as it was.");
            return differing == 0 ? 0 : 1;
        });
        return copy;
    }
}
