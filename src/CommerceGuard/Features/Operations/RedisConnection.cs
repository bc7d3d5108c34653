using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommerceGuard.Features.Operations;

/// <summary>The Redis server that several nodes share, when there is one. Section <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string such as <c>redis:6379,password=…</c>; empty
    /// (the default) for a single server that needs no Redis.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Prefixes every key, so that several sites can share one Redis.</summary>
    public string InstanceName { get; set; } = "commerceguard:";
}

/// <summary>
/// This server's one connection to Redis, shared by the output cache and the rate limits. It
/// connects in the background and reconnects by itself, and while Redis is away it fails at once
/// rather than queueing, so that every caller falls back to what this server has of its own
/// instead of making readers wait.
/// </summary>
public sealed partial class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer? multiplexer;
    private readonly ILogger<RedisConnection> logger;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        this.logger = logger;
        InstanceName = options.Value.InstanceName;
        if (string.IsNullOrWhiteSpace(options.Value.Configuration))
        {
            return;
        }
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        // Redis answers in well under a millisecond; one that has not answered in half a second
        // is stalled, and readers must not wait on it.
        configuration.AsyncTimeout = configuration.SyncTimeout = 500;
        multiplexer = ConnectionMultiplexer.Connect(configuration);
        multiplexer.ConnectionFailed += (_, failure) => LogLost(failure.Exception, failure.EndPoint);
        multiplexer.ConnectionRestored += (_, restored) => LogRestored(restored.EndPoint);
    }

    public bool IsConfigured => multiplexer is not null;

    public string InstanceName { get; }

    /// <summary>The connection, for libraries that take one; only when <see cref="IsConfigured"/>.</summary>
    public IConnectionMultiplexer Multiplexer =>
        multiplexer ?? throw new InvalidOperationException("Redis is not configured.");

    /// <summary>
    /// Redis when it can be reached now; null when it is not configured, is away, or failed a
    /// command in the last few seconds (connected but stalled, which the connection cannot tell).
    /// </summary>
    public IDatabase? Available =>
        multiplexer is { IsConnected: true } && Environment.TickCount64 >= Interlocked.Read(ref restingUntil) ? multiplexer.GetDatabase() : null;

    private long restingUntil;

    /// <summary>How long Redis is left alone after a command fails.</summary>
    private const int RestMilliseconds = 5000;

    /// <summary>Logs a command that failed, and leaves Redis alone for a few seconds; the caller carries on without it.</summary>
    public void Failed(Exception error, string what)
    {
        Interlocked.Exchange(ref restingUntil, Environment.TickCount64 + RestMilliseconds);
        LogFailed(error, what);
    }

    public void Dispose() => multiplexer?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection to Redis at {EndPoint}; this server uses its own cache and limits until it returns")]
    private partial void LogLost(Exception? error, System.Net.EndPoint? endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "The connection to Redis at {EndPoint} is back")]
    private partial void LogRestored(System.Net.EndPoint? endPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Redis command failed ({What}); carrying on without Redis")]
    private partial void LogFailed(Exception error, string what);
}

public static class RedisSetup
{
    /// <summary>Registers the connection; without <c>Redis:Configuration</c> it stays unused.</summary>
    public static WebApplicationBuilder AddRedis(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        builder.Services.AddSingleton<RedisConnection>();
        return builder;
    }
}
