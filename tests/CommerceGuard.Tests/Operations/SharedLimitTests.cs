using System.Net;
using CommerceGuard.Features.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// With Redis, rate limits count across servers: a client behind a load balancer gets one
/// quota, not one per server. Without Redis each server still counts on its own, and when Redis
/// returns (restarted, empty) they share it again by themselves.
/// </summary>
public sealed class SharedLimitTests : IDisposable
{
    private readonly RedisServer redis = new();
    private readonly GlossaryApp nodeA;
    private readonly GlossaryApp nodeB;

    public SharedLimitTests()
    {
        nodeA = Limited(new GlossaryApp());
        nodeA.Browser();
        nodeB = Limited(nodeA.AnotherServer());
        nodeB.Browser();
    }

    [Fact]
    public async Task Votes_count_against_one_quota_whichever_server_takes_them()
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var node in new[] { nodeA, nodeB, nodeA, nodeB })
        {
            using var vote = await node.Browser().PostAsync(new Uri("/glossary/therapeutic-relationship/vote", UriKind.Relative),
                new FormUrlEncodedContent([new("helpful", "yes")]));
            statuses.Add(vote.StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[2]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task Api_requests_count_against_one_quota_and_say_so_on_every_server()
    {
        using var first = await nodeA.Browser().GetAsync(new Uri("/api/v1/categories", UriKind.Relative));
        using var second = await nodeB.Browser().GetAsync(new Uri("/api/v1/categories", UriKind.Relative));
        using var third = await nodeA.Browser().GetAsync(new Uri("/api/v1/categories", UriKind.Relative));
        using var fourth = await nodeB.Browser().GetAsync(new Uri("/api/v1/categories", UriKind.Relative));

        Assert.Equal("\"address\";r=1;t=2400", second.Headers.GetValues("RateLimit").Single());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.InRange(int.Parse(fourth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 1200);
    }

    [Fact]
    public async Task Without_redis_each_server_counts_on_its_own()
    {
        redis.Stop();
        await Until(() => Redis(nodeA).Available is null);

        for (var request = 0; request < 3; request++)
        {
            using var answer = await nodeA.Browser().GetAsync(new Uri("/api/v1/categories", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        using var refused = await nodeA.Browser().GetAsync(new Uri("/api/v1/categories", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task When_redis_returns_the_servers_count_against_one_quota_again()
    {
        redis.Stop();
        await Until(() => Redis(nodeA).Available is null && Redis(nodeB).Available is null);
        redis.Start();
        await Until(() => Redis(nodeA).Available is not null && Redis(nodeB).Available is not null);

        var statuses = new List<HttpStatusCode>();
        foreach (var node in new[] { nodeA, nodeB, nodeA, nodeB })
        {
            using var answer = await node.Browser().GetAsync(new Uri("/api/v1/categories", UriKind.Relative));
            statuses.Add(answer.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    public void Dispose()
    {
        nodeB.Dispose();
        nodeA.Dispose();
        redis.Dispose();
    }

    /// <summary>Three requests an hour: the bucket refills one every 20 minutes, so none comes back during a test.</summary>
    private GlossaryApp Limited(GlossaryApp node) => node
        .With("Redis:Configuration", redis.Configuration)
        .With("RateLimits:PublicWrites:PermitsPerWindow", "3")
        .With("RateLimits:PublicWrites:WindowSeconds", "3600")
        .With("Api:RateLimit:AnonymousPermits", "3")
        .With("Api:RateLimit:WindowSeconds", "3600");

    private static RedisConnection Redis(GlossaryApp node) => node.Services.GetRequiredService<RedisConnection>();

    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited++)
        {
            Assert.True(waited < 200, "never happened");
            await Task.Delay(50);
        }
    }
}
