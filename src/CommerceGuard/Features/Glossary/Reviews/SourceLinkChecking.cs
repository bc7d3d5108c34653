using CommerceGuard.Features.Operations;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Glossary.Reviews;

/// <summary>Runs the source link check every hour, on one server of those sharing the database, when it is turned on.</summary>
internal sealed partial class SourceLinkChecking(
    IServiceScopeFactory scopes, IOptions<SourceLinkOptions> options, TimeProvider time, ILogger<SourceLinkChecking> logger) : BackgroundService
{
    private const string LeaseName = "source-link-check";
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Check)
        {
            return;
        }
        // Not at start-up: a server that has just started has more pressing work.
        await Task.Delay(TimeSpan.FromMinutes(2), time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // Held for a round at most; a server that dies mid-round lets another take over.
                if (await scope.ServiceProvider.GetRequiredService<Leases>().TryTakeAsync(LeaseName, Interval * 0.9, stoppingToken))
                {
                    var checkedCount = await scope.ServiceProvider.GetRequiredService<SourceLinkCheck>().RunRoundAsync(Interval * 0.75, stoppingToken);
                    LogRound(checkedCount);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRoundFailed(error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked {Count} source addresses")]
    private partial void LogRound(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The source link check failed; it runs again in an hour")]
    private partial void LogRoundFailed(Exception error);
}
