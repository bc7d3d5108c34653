using System.Net.Http.Json;
using CommerceGuard.Data;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Operations;
using CommerceGuard.Tests.Admin;
using CommerceGuard.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// <c>db copy</c>: a whole glossary moves to another database, across providers when the tests
/// run on PostgreSQL, and is verified table by table before it is committed.
/// </summary>
public sealed class DatabaseCopyTests : IDisposable
{
    private readonly GlossaryApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_glossary_copied_there_and_back_arrives_whole_row_for_row()
    {
        await GlossaryWithEverythingAsync();
        // On a PostgreSQL run: PostgreSQL → SQLite → PostgreSQL. On SQLite: SQLite → SQLite → SQLite.
        var sqlite = $"Data Source={Path.Combine(Path.GetDirectoryName(app.DatabaseFile)!, "copied.db")}";
        var back = app.NewDatabase("back");

        var (there, thereOutput) = await app.RunCommandAsync("db", "copy", "--from", app.ConnectionString, "--to", sqlite);
        var (again, againOutput) = await app.RunCommandAsync("db", "copy", "--from", sqlite, "--to", back);

        Assert.True(there == 0, thereOutput);
        Assert.True(again == 0, againOutput);
        Assert.Contains("Copied and verified", againOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("DIFFERS", thereOutput + againOutput, StringComparison.Ordinal);
        await using var original = DatabaseCopy.Open(app.ConnectionString);
        await using var copied = DatabaseCopy.Open(back);
        foreach (var table in new Func<GlossaryDb, IQueryable<object>>[] { db => db.Terms, db => db.Revisions, db => db.Votes, db => db.Users, db => db.ApiKeys, db => db.TermChanges, db => db.DataProtectionKeys })
        {
            Assert.Equal(await table(original).CountAsync(), await table(copied).CountAsync());
        }
        Assert.True(await copied.Terms.AnyAsync(term => term.Slug == "therapeutic-relationship" && term.Examples.Count > 0));
    }

    [Fact]
    public async Task A_copy_into_a_database_that_holds_data_is_refused_and_changes_nothing()
    {
        await GlossaryWithEverythingAsync();
        var target = app.NewDatabase("full");
        var (first, _) = await app.RunCommandAsync("db", "copy", "--from", app.ConnectionString, "--to", target);
        await using (var db = DatabaseCopy.Open(target))
        {
            Assert.Equal(0, first);
            db.Votes.RemoveRange(db.Votes);
            await db.SaveChangesAsync();
        }

        var (second, output) = await app.RunCommandAsync("db", "copy", "--from", app.ConnectionString, "--to", target);

        Assert.Equal(2, second);
        Assert.Contains("already holds data", output, StringComparison.Ordinal);
        await using var after = DatabaseCopy.Open(target);
        Assert.Equal(0, await after.Votes.CountAsync());
    }

    [Fact]
    public async Task A_copy_into_a_database_of_something_else_is_refused_before_it_is_touched()
    {
        await app.SearchIndexReadyAsync();
        var target = app.NewDatabase("other");
        await using (var other = DatabaseCopy.Open(target))
        {
            await other.Database.EnsureCreatedAsync();
        }

        var (status, output) = await app.RunCommandAsync("db", "copy", "--from", app.ConnectionString, "--to", target);

        Assert.Equal(2, status);
        Assert.Contains("not a glossary's", output, StringComparison.Ordinal);
        await using var after = DatabaseCopy.Open(target);
        Assert.Empty(await after.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>The starter glossary, plus what the site gathers: an account, an edit's revisions, votes, an API key.</summary>
    private async Task GlossaryWithEverythingAsync()
    {
        await app.SearchIndexReadyAsync();
        await app.AddAccountAsync($"copy-{Guid.NewGuid():N}@example.org", CommerceGuard.Features.Accounts.Roles.Editor);
        await app.IssueKeyAsync(ApiScope.Write, "Copy test");
        var program = await app.ProgramAsync(ApiScope.Publish);
        using (await program.PostAsJsonAsync(new Uri("/api/v1/editing/terms", UriKind.Relative),
            new { title = "Copy test term", definition = "Written before the copy.", status = "published", sources = new[] { new { title = "A source", accessed = "2026-11-30" } } }))
        {
        }
        var reader = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            using var vote = await reader.PostAsync(new Uri("/glossary/premium/vote", UriKind.Relative), new FormUrlEncodedContent([new("helpful", i % 2 == 0 ? "yes" : "no")]));
        }
    }
}

/// <summary>Which database a connection string names, as <c>db copy</c> tells them apart.</summary>
public sealed class ConnectionProviderTests
{
    [Theory]
    [InlineData("Data Source=/tmp/x.db", DatabaseProvider.Sqlite)]
    [InlineData("Host=127.0.0.1;Port=5432;Database=glossary", DatabaseProvider.Postgres)]
    [InlineData("Server=db;Database=glossary", DatabaseProvider.Postgres)]
    [InlineData("nonsense", null)]
    public void The_provider_is_told_by_the_connection_string(string connection, DatabaseProvider? provider) =>
        Assert.Equal(provider, DatabaseCopy.ProviderOf(connection));
}
