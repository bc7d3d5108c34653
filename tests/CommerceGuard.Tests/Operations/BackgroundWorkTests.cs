using CommerceGuard.Data;
using CommerceGuard.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// Work done once for all servers (pruning the change feed) is claimed with a lease in the
/// shared database, so several servers running it at once do it once.
/// </summary>
public sealed class BackgroundWorkTests : IDisposable
{
    private readonly GlossaryApp serverA = new();
    private readonly GlossaryApp serverB;

    public BackgroundWorkTests()
    {
        serverA.Browser();
        serverB = serverA.AnotherServer();
        serverB.Browser();
    }

    [Fact]
    public async Task A_lease_is_held_by_one_server_until_it_expires_and_its_holder_may_renew_it()
    {
        var clock = new SettableClock();
        var first = new ServerName();
        var second = new ServerName();
        var length = TimeSpan.FromMinutes(1);

        Assert.True(await TakeAsync(first, clock, length));
        Assert.False(await TakeAsync(second, clock, length));
        clock.Now += TimeSpan.FromSeconds(50);
        Assert.True(await TakeAsync(first, clock, length));
        clock.Now += TimeSpan.FromSeconds(50);
        Assert.False(await TakeAsync(second, clock, length));
        clock.Now += TimeSpan.FromSeconds(11);
        Assert.True(await TakeAsync(second, clock, length));
        Assert.False(await TakeAsync(first, clock, length));
    }

    [Fact]
    public async Task Servers_asking_at_once_get_one_lease_between_them()
    {
        var askers = Enumerable.Range(0, 8).Select(attempt => attempt % 2 == 0 ? serverA : serverB).ToList();

        var answers = await Task.WhenAll(askers.Select(server => TakeAsync(server, "contested-work", TimeSpan.FromMinutes(1))));

        var lease = await serverA.WithDbAsync(db => db.Leases.SingleAsync(lease => lease.Name == "contested-work"));
        var winners = askers.Where((_, attempt) => answers[attempt]).Select(NameOf).Distinct();
        Assert.Equal([lease.Holder], winners);
    }

    [Fact]
    public async Task Pruning_forgets_old_changes_but_keeps_the_newest_and_runs_on_one_server_only()
    {
        var old = DateTime.UtcNow.AddDays(-40);
        await serverA.WithDbAsync(async db =>
        {
            db.TermChanges.AddRange(
                new TermChange { Slug = "old-one", Language = "en", At = old },
                new TermChange { Slug = "old-two", Language = "en", At = old });
            await db.SaveChangesAsync();
        });
        await serverA.AddTermAsync("recent-change", "Recent Change");
        var before = await serverA.WithDbAsync(db => db.TermChanges.CountAsync());
        var newest = await serverA.WithDbAsync(db => db.TermChanges.MaxAsync(change => change.Sequence));

        var forgotten = await PruningOf(serverA).PruneAsync(CancellationToken.None);
        var elsewhere = await PruningOf(serverB).PruneAsync(CancellationToken.None);

        Assert.Equal(2, forgotten);
        Assert.Null(elsewhere);
        Assert.Equal(before - 2, await serverA.WithDbAsync(db => db.TermChanges.CountAsync()));
        Assert.Equal(newest, await serverA.WithDbAsync(db => db.TermChanges.MaxAsync(change => change.Sequence)));
    }

    public void Dispose()
    {
        serverB.Dispose();
        serverA.Dispose();
    }

    /// <summary>Takes the lease "test-work" as the server named, on the clock given, in server A's database.</summary>
    private async Task<bool> TakeAsync(ServerName server, TimeProvider clock, TimeSpan length)
    {
        await using var scope = serverA.Services.CreateAsyncScope();
        return await new Leases(scope.ServiceProvider.GetRequiredService<GlossaryDb>(), clock, server).TryTakeAsync("test-work", length);
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static string NameOf(GlossaryApp server) => server.Services.GetRequiredService<ServerName>().Value;

    private static ChangeFeedPruning PruningOf(GlossaryApp server) => server.Services.GetRequiredService<ChangeFeedPruning>();

    private static async Task<bool> TakeAsync(GlossaryApp server, string name, TimeSpan length)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Leases>().TryTakeAsync(name, length);
    }
}
