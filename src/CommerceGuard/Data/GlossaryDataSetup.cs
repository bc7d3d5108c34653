using CommerceGuard.Data.Postgres;
using CommerceGuard.Data.Sqlite;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Data;

public static class GlossaryDataSetup
{
    /// <summary>Registers <see cref="GlossaryDb"/> on the configured provider.</summary>
    public static WebApplicationBuilder AddGlossaryData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString("Glossary") ?? options.ConnectionString)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Both contexts are registered and the provider is chosen when a GlossaryDb is asked for,
        // so configuration supplied late (by a test host, say) still decides.
        // The change feed stamps each change with the time; a test host may bring a clock of its own.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GlossaryConnection>();
        builder.Services.AddSingleton<TermChanges>();
        builder.Services.AddSingleton<TermChangeInterceptor>();
        builder.Services.AddSingleton<TermChangeCommitInterceptor>();
        builder.Services.AddHostedService<ChangeFeedFollower>();
        builder.Services.AddDbContext<SqliteGlossaryDb>((services, options) => options
            .UseSqlite(services.GetRequiredService<GlossaryConnection>().ConnectionString)
            .AddInterceptors(services.GetRequiredService<TermChangeInterceptor>(), services.GetRequiredService<TermChangeCommitInterceptor>()));
        builder.Services.AddDbContext<PostgresGlossaryDb>((services, options) => options
            .UseNpgsql(services.GetRequiredService<GlossaryConnection>().ConnectionString)
            .AddInterceptors(services.GetRequiredService<TermChangeInterceptor>(), services.GetRequiredService<TermChangeCommitInterceptor>()));
        builder.Services.AddScoped<GlossaryDb>(services =>
            services.GetRequiredService<GlossaryConnection>().Provider switch
            {
                DatabaseProvider.Postgres => services.GetRequiredService<PostgresGlossaryDb>(),
                _ => services.GetRequiredService<SqliteGlossaryDb>(),
            });
        return builder;
    }

    /// <summary>Brings the schema up to date before the site serves, unless <c>Database:MigrateOnStart</c> is off.</summary>
    public static async Task MigrateGlossaryDataOnStartAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await MigrateAsync(app.Services, CancellationToken.None);
        }
    }

    /// <summary>Applies the migrations the database lacks, and returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers go on while a write is in progress.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await TermNameFill.RunAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        await SqliteStatistics.RefreshAsync(db, cancellationToken);
        return pending;
    }
}
