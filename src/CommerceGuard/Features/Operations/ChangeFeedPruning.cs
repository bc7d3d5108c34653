using System.ComponentModel.DataAnnotations;
using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Operations;

/// <summary>How long the change feed remembers. Section <c>ChangeFeed</c>.</summary>
public sealed class ChangeFeedOptions
{
    public const string Section = "ChangeFeed";

    /// <summary>
    /// Days a change stays in the feed. A server whose search index is older than that (one
    /// that was off for longer) rebuilds its index rather than catching up.
    /// </summary>
    [Range(1, 3650)]
    public int KeepDays { get; set; } = 30;
}

/// <summary>
/// Forgets changes older than <see cref="ChangeFeedOptions.KeepDays"/>, so that the feed does not
/// grow for ever. Every server runs this, and a database lease makes one of them do the work;
/// the newest change is always kept, since every server's version is read from it.
/// </summary>
internal sealed partial class ChangeFeedPruning(
    IServiceScopeFactory scopes, IOptions<ChangeFeedOptions> options, TimeProvider time, ILogger<ChangeFeedPruning> logger) : BackgroundService
{
    private const string LeaseName = "change-feed-pruning";
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not at start-up: a server that has just started has more pressing work.
        await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogPruningFailed(error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Prunes the feed if this server holds the lease; the number of changes forgotten, or null when another server has it.</summary>
    public async Task<int?> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Held for less than the interval, so that the next round finds it free whoever runs it.
        if (!await scope.ServiceProvider.GetRequiredService<Leases>().TryTakeAsync(LeaseName, Interval / 2, cancellationToken))
        {
            return null;
        }
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.KeepDays);
        var newest = await db.TermChanges.MaxAsync(change => (long?)change.Sequence, cancellationToken) ?? 0;
        var forgotten = await db.TermChanges
            .Where(change => change.At < cutoff && change.Sequence < newest)
            .ExecuteDeleteAsync(cancellationToken);
        if (forgotten > 0)
        {
            LogPruned(forgotten, options.Value.KeepDays);
        }
        return forgotten;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} changes older than {Days} days from the change feed")]
    private partial void LogPruned(int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the change feed failed; trying again in an hour")]
    private partial void LogPruningFailed(Exception error);
}
