using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Tests.Api;
using Xunit.Abstractions;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// The database stops (a PostgreSQL server of this test's own, stopped as by a crash) and
/// comes back: readers get cached pages where there are some and a "back soon" page where there
/// are not, writes fail saying nothing changed, and the site recovers by itself, fully (pages,
/// readiness and writes) within five seconds of the database's return.
/// </summary>
[Collection(nameof(Timed))]
public sealed class DatabaseOutageTests : IDisposable
{
    private static readonly Uri Terms = new("/api/v1/editing/terms", UriKind.Relative);

    /// <summary>
    /// How soon after the database returns the site must be whole again. Measured on a loaded
    /// 2-core machine: 0.1 s to the first page, under 1 s to a saved write, since broken pooled
    /// connections are replaced on their first use and nothing backs off.
    /// </summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(5);

    private readonly PostgresServer database = new();
    private readonly GlossaryApp app;

    private readonly ITestOutputHelper output;

    public DatabaseOutageTests(ITestOutputHelper output)
    {
        this.output = output;
        app = GlossaryApp.OnPostgres(database.Server);
    }

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
        var back = Stopwatch.StartNew();

        await RecoversAsync(reader, "/glossary/automatic-renewal", back);
        await RecoversAsync(reader, "/health/ready", back);
        using var write = await program.PostAsJsonAsync(Terms, new { title = "Outage Term", definition = "Written once the database was back.", status = "published" });
        await write.ExpectAsync(HttpStatusCode.Created);
        output.WriteLine($"Whole again {back.Elapsed.TotalSeconds:0.00} s after the database returned.");
        Assert.True(back.Elapsed < RecoveryBound, $"the site took {back.Elapsed.TotalSeconds:0.0} s to recover");
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Terms.Count(term => term.Slug == "outage-term"))));
    }

    public void Dispose()
    {
        app.Dispose();
        database.Dispose();
    }

    /// <summary>Pooled connections to the stopped server are broken; the site must replace them by itself.</summary>
    private async Task RecoversAsync(HttpClient reader, string url, Stopwatch back)
    {
        while (true)
        {
            using var response = await reader.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                output.WriteLine($"{url} answers again {back.Elapsed.TotalSeconds:0.00} s after the database returned.");
                return;
            }
            Assert.True(back.Elapsed < RecoveryBound, $"{url} still answers {response.StatusCode}");
            await Task.Delay(200);
        }
    }
}
