using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CommerceGuard.Data;
using CommerceGuard.Features.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Operations;

/// <summary>What "ready" allows. Section <c>Health</c>.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long the search index may be behind the newest change before the server is not ready.</summary>
    [Range(1, 3600)]
    public int MaxIndexLagSeconds { get; set; } = 30;
}

/// <summary>
/// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> only while this server
/// can serve readers properly: its database answers, the schema is current (with
/// <c>Database:MigrateOnStart=false</c> it may not be), and its search index is caught up
/// within a bound. Load balancers send readers only to ready servers.
/// </summary>
public static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // A check that hangs (a database that accepts connections and never answers) counts as failed.
        var patience = TimeSpan.FromSeconds(5);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealth>("database", tags: [ReadyTag], timeout: patience)
            .AddCheck<SearchIndexHealth>("search-index", tags: [ReadyTag], timeout: patience);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary>The status, and each check's with what it found, as JSON; never cached.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            // An exception's message may name servers and users: it goes to the log, not to whoever asks.
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new
            {
                status = entry.Value.Status.ToString(),
                description = entry.Value.Exception is null ? entry.Value.Description : "The check failed; the server's log says why.",
            }),
        }, cancellationToken: http.RequestAborted);
    }
}

/// <summary>The database answers, and has every migration this build knows.</summary>
internal sealed class DatabaseHealth(GlossaryDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer, or does not exist yet: 'db migrate' makes it.");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers and its schema is current.")
                : HealthCheckResult.Unhealthy($"The schema lacks {pending.Count} migration(s), from {pending[0]}: run 'db migrate'.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database could not be reached.", error);
        }
    }
}

/// <summary>This server's search index is built and no further behind the newest change than the bound allows.</summary>
internal sealed class SearchIndexHealth(SearchIndex index, GlossaryDb db, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!index.IsReady)
        {
            return HealthCheckResult.Unhealthy("The search index is being built.");
        }
        // The oldest change the index lacks says how long it has been behind, however busy the site is.
        var missing = db.TermChanges.AsNoTracking().Where(change => change.Sequence > index.Sequence);
        var oldest = await missing.OrderBy(change => change.Sequence).Select(change => (DateTime?)change.At).FirstOrDefaultAsync(cancellationToken);
        if (oldest is null)
        {
            return HealthCheckResult.Healthy("The search index has every change.");
        }
        var behind = time.GetUtcNow().UtcDateTime - oldest.Value;
        var bound = TimeSpan.FromSeconds(options.Value.MaxIndexLagSeconds);
        var description = $"The search index is {await missing.CountAsync(cancellationToken)} change(s) behind, the oldest {behind.TotalSeconds:0} s old.";
        return behind > bound ? HealthCheckResult.Unhealthy(description) : HealthCheckResult.Degraded(description);
    }
}
