using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// /health/live and /health/ready, for load balancers: live while the process runs; ready only
/// with a reachable, migrated database and a search index that is caught up.
/// </summary>
public sealed class HealthTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Fact]
    public async Task A_running_server_is_live_and_once_its_index_is_built_ready()
    {
        await app.SearchIndexReadyAsync();

        using var live = await app.Browser().GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await app.Browser().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(ready.Headers.CacheControl!.NoStore);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("search-index").GetProperty("status").GetString());
    }
}

/// <summary>
/// With <c>Database:MigrateOnStart=false</c> (rolling deploys) the server does not touch the
/// schema: it reports not ready until <c>db migrate</c> has run, which says what it applied.
/// </summary>
public sealed class MigrateOnStartTests : IDisposable
{
    private readonly GlossaryApp app = new GlossaryApp().With("Database:MigrateOnStart", "false");

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_server_told_not_to_migrate_is_not_ready_until_db_migrate_has_run()
    {
        using var before = await app.Browser().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        var database = (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("database");
        Assert.Contains("db migrate", database.GetProperty("description").GetString(), StringComparison.Ordinal);

        var (first, applied) = await app.RunCommandAsync("db", "migrate");
        var (second, nothing) = await app.RunCommandAsync("db", "migrate");

        Assert.Equal(0, first);
        Assert.Matches(@"Applied \d+ migration\(s\):", applied);
        Assert.Contains("ApiKeys", applied, StringComparison.Ordinal);
        Assert.Equal(0, second);
        Assert.Contains("up to date", nothing, StringComparison.Ordinal);
        using var after = await app.Browser().GetAsync(new Uri("/health/ready", UriKind.Relative));
        var checks = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
    }
}
