namespace CommerceGuard.Features.Glossary;

public static class GlossarySetup
{
    public static WebApplicationBuilder AddGlossary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StarterGlossary>();
        builder.Services.AddScoped<TermArticles>();
        builder.Services.AddScoped<Editing.TermEditor>();
        builder.Services.AddScoped<Editing.CategoryEditor>();
        return builder;
    }

    /// <summary>Fills an empty database with the starter glossary, the first time the site starts.</summary>
    public static async Task LoadStarterGlossaryAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StarterGlossary>().LoadIfNewAsync();
    }
}
