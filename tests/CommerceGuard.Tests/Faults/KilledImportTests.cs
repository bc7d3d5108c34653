using System.Globalization;
using System.Text;
using CommerceGuard.Tests.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CommerceGuard.Tests.Faults;

/// <summary>
/// <c>kill -9</c> in the middle of an import: the <c>import</c> command, run as the operator runs
/// it (a process of its own, on the site's database, while the site serves), is killed once it
/// has written over a thousand rows, not yet committed. The import is one transaction, so the
/// glossary is as it was before (or, had the kill come after the commit, wholly imported), never
/// part of it; the database is sound, no temporary file is left behind, the site starts on it
/// and serves, and the import can simply be run again. On whichever database the tests run on.
/// </summary>
[Collection(nameof(Timed))]
public sealed class KilledImportTests(ITestOutputHelper log) : IDisposable
{
    /// <summary>Enough that writing them takes seconds: six batches of 500, each with their revisions.</summary>
    private const int ImportedTerms = 3000;

    /// <summary>
    /// The importer saves each batch inside its one transaction, and EF Core logs a savepoint per
    /// save; no other save of the command makes one. Four of them: the new category and a
    /// batch and a half of terms are written, and not committed.
    /// </summary>
    private const int SavesBeforeTheKill = 4;

    private const string SavepointReleased = "Released transaction savepoint";

    /// <summary>The transaction log at Debug, so that the test can see where the import has got to.</summary>
    private static readonly Dictionary<string, string> TransactionLog = new()
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Transaction"] = "Debug",
    };

    private readonly GlossaryApp app = new();
    private readonly string folder = Directory.CreateTempSubdirectory("commerceguard-import-").FullName;

    [Fact]
    public async Task An_import_killed_midway_leaves_the_glossary_as_it_was_sound_and_served()
    {
        app.Browser(); // the site runs, its database filled with the starter glossary
        var before = await CountsAsync();
        var file = WriteGlossary();

        using (var import = AppProcess.Command(app, TransactionLog, "import", file))
        {
            await import.UntilOutputAsync(output => Occurrences(output, SavepointReleased) >= SavesBeforeTheKill, TimeSpan.FromSeconds(120));
            import.Kill();
            // The kill came inside the import's transaction: its commit had not begun.
            var written = import.Output;
            Assert.DoesNotContain("Committing transaction", written[written.IndexOf(SavepointReleased, StringComparison.Ordinal)..], StringComparison.Ordinal);
            // The accepted terms wait in a temporary file between checking and writing: it goes with the process.
            Assert.Empty(Directory.EnumerateFiles(import.TemporaryFolder, "*.spool"));
        }

        var after = await CountsAsync();
        log.WriteLine($"Before: {before}; after the kill: {after}.");
        Assert.Contains(after, new[] { before, before.With(ImportedTerms) });
        if (!app.OnPostgresDatabase)
        {
            Assert.Equal("ok", IntegrityCheck(app.DatabaseFile));
        }
        using (var restarted = app.AnotherServer())
        {
            var reader = restarted.Browser();
            await reader.GetPageAsync("/glossary");
            await reader.GetPageAsync("/glossary/balance-billing");
        }
        var (exitCode, report) = await app.RunCommandAsync("import", file);
        Assert.True(exitCode == 0, report);
        Assert.Equal(before.With(ImportedTerms), await CountsAsync());
        await app.Browser().GetPageAsync($"/glossary/fault-term-{ImportedTerms - 1}");
    }

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Terms, their revisions and the categories: an import adds to each, so a part of one shows in them.</summary>
    private sealed record Counts(int Terms, int Revisions, int Categories)
    {
        /// <summary>After an import of this many new terms, each with its first revision, in one new category.</summary>
        public Counts With(int imported) => new(Terms + imported, Revisions + imported, Categories + 1);
    }

    private Task<Counts> CountsAsync() => app.WithDbAsync(async db =>
        new Counts(await db.Terms.CountAsync(), await db.Revisions.CountAsync(), await db.Categories.CountAsync()));

    /// <summary>A CSV glossary of new terms, every one in a new category, and the file of that category.</summary>
    private string WriteGlossary()
    {
        var terms = Path.Combine(folder, "glossary.csv");
        File.WriteAllText(Path.Combine(folder, "glossary.categories.csv"), "slug,name,description\r\nfault-tests,Fault Tests,Terms an interrupted import brings.\r\n");
        using var writer = new StreamWriter(terms, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write("title,slug,definition,examples,categories,status\r\n");
        var random = new Random(11);
        string[] words = ["insurer", "premium", "claim", "denial", "network", "lender", "fee", "balance", "statement", "credit", "report", "wage", "consent", "notice"];
        string Sentence() => string.Join(' ', Enumerable.Range(0, 60).Select(_ => words[random.Next(words.Length)])) + ".";
        for (var i = 0; i < ImportedTerms; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"Fault term {i},fault-term-{i},{Sentence()} {Sentence()},{Sentence()}; {Sentence()},fault-tests,published\r\n"));
        }
        return terms;
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>SQLite's own check of every page, index and row of the file: "ok", or what is wrong.</summary>
    internal static string IntegrityCheck(string databaseFile)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return string.Join("; ", Rows(check));

        static IEnumerable<string> Rows(SqliteCommand command)
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                yield return reader.GetString(0);
            }
        }
    }
}
