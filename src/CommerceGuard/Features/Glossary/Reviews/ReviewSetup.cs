using CommerceGuard.Features.Syndication;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Glossary.Reviews;

/// <summary>Registers what reviews need: their schedule and the source link check.</summary>
public static class ReviewSetup
{
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SourceLinkOptions>().BindConfiguration(SourceLinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReviewSchedule>();
        builder.Services.AddScoped<SourceLinkCheck>();
        builder.Services.AddHostedService<SourceLinkChecking>();
        builder.Services.AddHttpClient(SourceLinkCheck.ClientName, (provider, client) =>
            {
                // Sites see who asks, and where to read about it.
                var site = provider.GetRequiredService<SiteAddress>().Root;
                client.DefaultRequestHeaders.UserAgent.ParseAdd($"CommerceGuard-SourceCheck/1.0 (+{site}/about)");
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(provider => SourceLinkCheck.Handler(provider.GetRequiredService<IOptions<SourceLinkOptions>>().Value));
        return builder;
    }
}
