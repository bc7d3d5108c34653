using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Tests.Api;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// The database stops (a PostgreSQL server of this test's own, stopped as by a crash) and
/// comes back: readers get cached pages where there are some and a "back soon" page where there
/// are not, writes fail saying nothing changed, and the site recovers by itself.
/// </summary>
[Collection(nameof(Timed))]
public sealed class DatabaseOutageTests : IDisposable
{
    private static readonly Uri Terms = new("/api/v1/editing/terms", UriKind.Relative);

    private readonly PostgresServer database = new();
    private readonly GlossaryApp app;

    public DatabaseOutageTests() => app = GlossaryApp.OnPostgres(database.Server);

    [Fact]
    public async Task Readers_get_cached_pages_or_a_503_while_the_database_is_down_and_all_recovers_when_it_returns()
    {
        var reader = app.Browser();
        var program = await app.ProgramAsync(ApiScope.Publish);
        await reader.GetPageAsync("/glossary/balance-billing");

        database.Stop();

        using var cached = await reader.GetAsync(new Uri("/glossary/balance-billing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        using var uncached = await reader.GetAsync(new Uri("/glossary/automatic-renewal", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), uncached.Headers.RetryAfter?.Delta);
        Assert.Equal("Back in a moment", (await Pages.ParseAsync(uncached)).QuerySelector("h1")!.Text());
        using var refusedWrite = await program.PostAsJsonAsync(Terms, new { title = "Outage Term", definition = "Written while the database was down.", status = "published" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedWrite.StatusCode);
        Assert.StartsWith("A change sent now was most likely not saved", (await refusedWrite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var ready = await reader.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.DoesNotContain(database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        database.Start();

        await RecoversAsync(reader, "/glossary/automatic-renewal");
        await RecoversAsync(reader, "/health/ready");
        using var write = await program.PostAsJsonAsync(Terms, new { title = "Outage Term", definition = "Written once the database was back.", status = "published" });
        await write.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Terms.Count(term => term.Slug == "outage-term"))));
    }

    public void Dispose()
    {
        app.Dispose();
        database.Dispose();
    }

    /// <summary>Pooled connections to the stopped server are broken; the site must replace them by itself.</summary>
    private static async Task RecoversAsync(HttpClient reader, string url)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await reader.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"{url} still answers {response.StatusCode}");
            await Task.Delay(200);
        }
    }
}
