namespace CommerceGuard.Features.Operations;

/// <summary>What an operator runs the site with: the server's limits, health, metrics, proxies, Redis, and the background work one server does for all.</summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.AddServerLimits();
        builder.AddRedis();
        builder.AddHealth();
        builder.AddSiteMetrics();
        builder.AddProxySupport();
        builder.Services.AddSingleton<ServerName>();
        builder.Services.AddScoped<Leases>();
        builder.Services.AddOptions<ChangeFeedOptions>().BindConfiguration(ChangeFeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ChangeFeedPruning>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ChangeFeedPruning>());
        return builder;
    }

    /// <summary>First in the pipeline: the client's real address, then the scrapers' figures.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseProxySupport();
        app.UseSiteMetrics();
        return app;
    }
}
