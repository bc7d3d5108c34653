using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CommerceGuard.Data;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Operations;
using CommerceGuard.Tests.Admin;
using CommerceGuard.Tests.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Operations;

/// <summary>Measured against the clock, so these run alone rather than beside a hundred other tests.</summary>
[CollectionDefinition(nameof(Timed), DisableParallelization = true)]
public sealed class Timed;

/// <summary>
/// Two servers on loopback ports sharing one database (PostgreSQL when the tests run on it) and
/// one Redis, as behind a load balancer: whichever a reader reaches, they see the same glossary.
/// </summary>
[Collection(nameof(Timed))]
public sealed class TwoNodeTests : IAsyncLifetime, IDisposable
{
    /// <summary>How soon a change saved on one server must show on the other.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private readonly RedisServer redis = new();
    private readonly CookieContainer cookies = new();
    private GlossaryApp nodeA = null!;
    private GlossaryApp nodeB = null!;
    private HttpClient toA = null!;
    private HttpClient toB = null!;

    public async Task InitializeAsync()
    {
        // A starts first: it makes the database and its starter glossary, as the first node of a deploy would.
        nodeA = new GlossaryApp().With("Redis:Configuration", redis.Configuration);
        toA = Client(Serve(nodeA));
        nodeB = nodeA.AnotherServer().With("Redis:Configuration", redis.Configuration);
        toB = Client(Serve(nodeB));
        // A node that has just started knows of no change until it first reads the feed.
        await WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(Changes(nodeB).Version == Changes(nodeA).Version));
        await SharingAsync();
    }

    /// <summary>
    /// Waits until both nodes read and keep pages in Redis. A node that has just started, or has
    /// missed an eviction, first catches Redis up, evicting every page there when Redis cannot say
    /// what it missed: a page the other node kept meanwhile would go with them.
    /// </summary>
    private Task SharingAsync() => WithinAsync(TimeSpan.FromSeconds(15), () => Task.FromResult(
        new[] { nodeA, nodeB }.All(node => Redis(node).Available is not null && !node.Services.GetRequiredService<EvictionProgress>().SharedStoreBehind)));

    [Fact]
    public async Task An_edit_saved_on_one_node_is_shown_linked_and_found_on_the_other_within_two_seconds()
    {
        using var program = Client(toA.BaseAddress!);
        program.DefaultRequestHeaders.Authorization = new("Bearer", (await nodeA.IssueKeyAsync(ApiScope.Publish)).Secret);
        await PublishAsync(program, "Ledger Notes", "Every bank keeps a shadow ledger of fees.");
        await WithinAsync(TimeSpan.FromSeconds(10), async () => (await toB.GetAsync(new Uri("/glossary/ledger-notes", UriKind.Relative))).IsSuccessStatusCode);
        // Node B has made and cached the pages the next change must replace.
        await toB.GetPageAsync("/glossary/ledger-notes");
        await toB.GetPageAsync("/glossary");

        await PublishAsync(program, "Shadow Ledger", "Records a lender keeps apart from the statement you see.");
        var saved = Stopwatch.StartNew();

        await WithinAsync(Bound, async () =>
            (await toB.GetPageAsync("/glossary")).QuerySelector("a[href='/glossary/shadow-ledger']") is not null
            && (await toB.GetPageAsync("/glossary/ledger-notes")).QuerySelector("main a[href='/glossary/shadow-ledger']") is not null
            && (await toB.GetAsync(new Uri("/glossary/shadow-ledger", UriKind.Relative))).IsSuccessStatusCode
            && (await toB.GetPageAsync("/search?q=shadw+ledgr")).QuerySelector("main a[href='/glossary/shadow-ledger']") is not null);
        Assert.True(saved.Elapsed < Bound, $"node B caught up after {saved.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_sign_in_on_one_node_is_honoured_by_the_other()
    {
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        await nodeA.AddAccountAsync(email, "Editor");

        var signedIn = await toA.SignInAsync(email);
        using var desk = await toB.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
    }

    [Fact]
    public async Task A_page_one_node_made_is_served_to_the_other_from_redis()
    {
        await KeptInRedisAsync(() => toA.GetAsync(new Uri("/about", UriKind.Relative)));

        using var shared = await toB.GetAsync(new Uri("/about", UriKind.Relative));

        Assert.NotNull(shared.Headers.Age);
    }

    [Fact]
    public async Task A_site_on_another_database_sharing_the_redis_never_gets_this_sites_pages()
    {
        // A first start of its own: a copy of the run's first start would be the same database.
        using var otherSite = new FirstStartApp().With("Redis:Configuration", redis.Configuration);
        otherSite.Browser();
        // Both glossaries start alike, so their change feeds reach the same sequence.
        await WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(Changes(otherSite).Version == Changes(nodeA).Version));
        await KeptInRedisAsync(() => toA.GetAsync(new Uri("/about", UriKind.Relative)));

        using var other = await otherSite.Browser().GetAsync(new Uri("/about", UriKind.Relative));

        Assert.Null(other.Headers.Age);
    }

    [Fact]
    public async Task Without_redis_each_node_serves_from_its_own_memory_and_shares_again_when_redis_returns()
    {
        redis.Stop();
        await WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(Redis(nodeA).Available is null && Redis(nodeB).Available is null));

        foreach (var node in new[] { toA, toB })
        {
            using var made = await node.GetAsync(new Uri("/donate", UriKind.Relative));
            using var kept = await node.GetAsync(new Uri("/donate", UriKind.Relative));
            using var api = await node.GetAsync(new Uri("/api/v1/terms", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, made.StatusCode);
            Assert.True(kept.Headers.Age is not null, $"made again; {State(node == toA ? nodeA : nodeB)}; first answer: {made.Headers}");
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }

        redis.Start();
        await SharingAsync();
        await KeptInRedisAsync(() => toA.GetAsync(new Uri("/glossary/category/insurance", UriKind.Relative)));
        using var shared = await toB.GetAsync(new Uri("/glossary/category/insurance", UriKind.Relative));
        Assert.NotNull(shared.Headers.Age);
    }

    public async Task DisposeAsync()
    {
        toA.Dispose();
        toB.Dispose();
        await nodeB.DisposeAsync();
        await nodeA.DisposeAsync();
    }

    /// <summary>After <see cref="DisposeAsync"/>: Redis outlives the nodes that use it.</summary>
    public void Dispose()
    {
        inspector?.Dispose();
        redis.Dispose();
    }

    /// <summary>What a node knew, for a failure's message: a page not served from the cache depends on all of it.</summary>
    private static string State(GlossaryApp node)
    {
        var eviction = node.Services.GetRequiredService<EvictionProgress>();
        return $"Redis usable {Redis(node).Available is not null}, connected {Redis(node).Multiplexer.IsConnected}, behind {eviction.SharedStoreBehind}, "
            + $"evicted through {eviction.EvictedThrough} of {Changes(node).Version}, pages kept on disk {node.Services.GetRequiredService<DiskPageStore>().Count}";
    }

    private static TermChanges Changes(GlossaryApp node) => node.Services.GetRequiredService<TermChanges>();

    private static RedisConnection Redis(GlossaryApp node) => node.Services.GetRequiredService<RedisConnection>();

    private static Uri Serve(GlossaryApp node)
    {
        node.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        node.StartServer();
        return new Uri(node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>A browser talking to one node; both share a cookie jar, as one reader behind a load balancer.</summary>
    private HttpClient Client(Uri node) => new(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node };

    private static async Task PublishAsync(HttpClient program, string title, string definition)
    {
        using var response = await program.PostAsJsonAsync(new Uri("/api/v1/editing/terms", UriKind.Relative), new { title, definition, status = "published" });
        await response.ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// Makes a page on a node until it is in Redis: the cache keeps a page only after the reader
    /// has it, and a node that has just got Redis back may still keep one in its own memory.
    /// </summary>
    private async Task KeptInRedisAsync(Func<Task<HttpResponseMessage>> request)
    {
        var before = PagesInRedis();
        await WithinAsync(TimeSpan.FromSeconds(10), async () =>
        {
            (await request()).Dispose();
            await Task.Delay(100);
            return PagesInRedis() > before;
        });
    }

    /// <summary>Counted over a connection of the test's own, with the client's default patience, not the site's.</summary>
    private int PagesInRedis()
    {
        inspector ??= StackExchange.Redis.ConnectionMultiplexer.Connect(redis.Configuration);
        return inspector.GetServer(inspector.GetEndPoints()[0]).Keys(pattern: Redis(nodeA).InstanceName + "pages:*").Count();
    }

    private StackExchange.Redis.ConnectionMultiplexer? inspector;

    private static async Task WithinAsync(TimeSpan bound, Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < bound, $"not so within {bound.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
