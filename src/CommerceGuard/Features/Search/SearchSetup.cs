namespace CommerceGuard.Features.Search;

public static class SearchSetup
{
    public static WebApplicationBuilder AddGlossarySearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<SearchIndex>();
        builder.Services.AddHostedService<SearchIndexer>();
        builder.Services.AddScoped<GlossarySearch>();
        builder.Services.AddScoped<Suggestions>();
        builder.Services.AddSingleton<CachedSearches>();
        return builder;
    }
}
