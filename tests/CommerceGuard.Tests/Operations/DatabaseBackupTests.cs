using CommerceGuard.Features.Operations;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// <c>db backup</c> and <c>db restore</c>, on whichever database the tests run on: a backup
/// restored over later changes gives back exactly the glossary that was backed up.
/// </summary>
public sealed class DatabaseBackupTests : IDisposable
{
    private readonly GlossaryApp app = new();
    private readonly string folder = Directory.CreateTempSubdirectory("commerceguard-backup-").FullName;

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_restored_backup_gives_back_every_table_as_it_was()
    {
        await app.SearchIndexReadyAsync();
        await app.AddTermAsync("before-backup", "Before backup");
        var file = Path.Combine(folder, "glossary.backup");
        var before = await ChecksumsAsync();

        var (backedUp, backupOutput) = await app.RunCommandAsync("db", "backup", file);
        await app.AddTermAsync("after-backup", "After backup");
        await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "before-backup").ExecuteDeleteAsync());
        // As a later version's migration would: a table the backup knows nothing of.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("CREATE TABLE \"AddedLater\" (\"Id\" integer PRIMARY KEY)"));
        var (refused, refusal) = await app.RunCommandAsync("db", "restore", file);
        var (restored, restoreOutput) = await app.RunCommandAsync("db", "restore", file, "--replace");

        Assert.True(backedUp == 0, backupOutput);
        Assert.True(File.Exists(file));
        Assert.Equal(2, refused);
        Assert.Contains("--replace", refusal, StringComparison.Ordinal);
        Assert.True(restored == 0, restoreOutput);
        Assert.Equal(before, await ChecksumsAsync());
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "after-backup")));
        Assert.Empty(await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(db.Database.IsNpgsql()
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name = 'AddedLater'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE name = 'AddedLater'").ToListAsync()));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_and_a_missing_backup_is_named()
    {
        app.Browser();
        var file = Path.Combine(folder, "taken.backup");
        await File.WriteAllTextAsync(file, "an earlier backup");

        var (overwrite, overwriteOutput) = await app.RunCommandAsync("db", "backup", file);
        var (missing, missingOutput) = await app.RunCommandAsync("db", "restore", Path.Combine(folder, "nowhere.backup"), "--replace");

        Assert.Equal(2, overwrite);
        Assert.Contains("exists already", overwriteOutput, StringComparison.Ordinal);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(file));
        Assert.Equal(2, missing);
        Assert.Contains("no backup", missingOutput, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<(string Table, long Rows, string Checksum)>> ChecksumsAsync()
    {
        await using var db = DatabaseCopy.Open(app.ConnectionString);
        return await DatabaseCopy.ChecksumsAsync(db, CancellationToken.None);
    }
}
