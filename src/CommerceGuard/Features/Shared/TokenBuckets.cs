using System.Threading.RateLimiting;
using CommerceGuard.Features.Operations;
using StackExchange.Redis;

namespace CommerceGuard.Features.Shared;

/// <summary>
/// A quota as a token bucket: it holds <see cref="Capacity"/> requests, all of which a client
/// may spend at once, and refills <see cref="TokensPerStep"/> every <see cref="StepSeconds"/>.
/// </summary>
public readonly record struct BucketShape(int Capacity, int TokensPerStep, int StepSeconds)
{
    /// <summary>
    /// A quota per window at its exact rate in the coarsest whole steps: 120 a minute refills 2
    /// every second, 100 a minute 5 every 3 seconds; finer steps would only cost more work.
    /// </summary>
    public static BucketShape Of(int quota, int windowSeconds)
    {
        var common = (int)System.Numerics.BigInteger.GreatestCommonDivisor(quota, windowSeconds);
        return new BucketShape(quota, quota / common, windowSeconds / common);
    }

    /// <summary>How long until a bucket with <paramref name="remaining"/> left is full again.</summary>
    public int SecondsToFill(int remaining) => (Capacity - remaining + TokensPerStep - 1) / TokensPerStep * StepSeconds;
}

/// <summary>What a bucket said to one request.</summary>
public readonly record struct BucketAnswer(bool Granted, int Remaining, TimeSpan RetryAfter);

/// <summary>
/// Rate-limit buckets by name. With Redis they are shared by every server, so a client cannot
/// multiply its quota by the number of servers behind the load balancer; without it, or while
/// it is away, each server counts on its own.
/// </summary>
public sealed class TokenBuckets(RedisConnection redis) : IDisposable
{
    // Refills in whole steps from the time Redis keeps, so every server sees one clock. A
    // bucket that was full starts its steps anew when first spent; one left alone expires
    // once it would be full again, which is when forgetting it changes nothing.
    private const string TakeScript = """
        local capacity = tonumber(ARGV[1])
        local per_step = tonumber(ARGV[2])
        local step_ms = tonumber(ARGV[3])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1]) or capacity
        local at = tonumber(state[2]) or now
        local steps = math.floor((now - at) / step_ms)
        if steps > 0 then
          tokens = math.min(capacity, tokens + steps * per_step)
          at = at + steps * step_ms
        end
        if tokens >= capacity then at = now end
        local granted = 0
        local retry = 0
        if tokens >= 1 then
          tokens = tokens - 1
          granted = 1
        else
          retry = at + step_ms - now
        end
        redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', at)
        redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_step) * step_ms + step_ms)
        return { granted, tokens, retry }
        """;

    private readonly PartitionedRateLimiter<(string Bucket, BucketShape Shape)> local =
        PartitionedRateLimiter.Create<(string Bucket, BucketShape Shape), string>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key.Bucket, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = key.Shape.Capacity,
                TokensPerPeriod = key.Shape.TokensPerStep,
                ReplenishmentPeriod = TimeSpan.FromSeconds(key.Shape.StepSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>Takes one request's token from the named bucket, if it has one.</summary>
    public async ValueTask<BucketAnswer> TakeAsync(string bucket, BucketShape shape)
    {
        if (redis.Available is { } shared)
        {
            try
            {
                return await TakeSharedAsync(shared, bucket, shape);
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                redis.Failed(error, "counting a request");
            }
        }
        return TakeLocally(bucket, shape);
    }

    private async Task<BucketAnswer> TakeSharedAsync(IDatabase shared, string bucket, BucketShape shape)
    {
        var result = (RedisResult[])(await shared.ScriptEvaluateAsync(
            TakeScript,
            [new RedisKey(redis.InstanceName + "limits:" + bucket)],
            [shape.Capacity, shape.TokensPerStep, shape.StepSeconds * 1000]))!;
        return new BucketAnswer((int)result[0] == 1, (int)result[1], TimeSpan.FromMilliseconds((long)result[2]));
    }

    private BucketAnswer TakeLocally(string bucket, BucketShape shape)
    {
        using var lease = local.AttemptAcquire((bucket, shape));
        var remaining = (int)(local.GetStatistics((bucket, shape))?.CurrentAvailablePermits ?? 0);
        var retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.Zero;
        return new BucketAnswer(lease.IsAcquired, remaining, retryAfter);
    }

    public void Dispose() => local.Dispose();
}
