using CommerceGuard.Data;
using CommerceGuard.Features.Feedback.Complaints;
using CommerceGuard.Features.Glossary.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

public static partial class GlossarySetup
{
    public static WebApplicationBuilder AddGlossary(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GlossaryOptions>()
            .BindConfiguration(GlossaryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AlphabetListings>();
        builder.Services.AddSingleton<CategoryNavigation>();
        builder.Services.AddScoped<StarterGlossary>();
        builder.Services.AddScoped<StarterComplaintChannels>();
        builder.Services.AddScoped<TermArticles>();
        builder.Services.AddScoped<Editing.TermEditor>();
        builder.Services.AddScoped<Editing.CategoryEditor>();
        builder.Services.AddOptions<Editing.ReadabilityOptions>().BindConfiguration(Editing.ReadabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Editing.TermReadability>();
        builder.AddReviews();
        return builder;
    }

    /// <summary>Fills an empty database with the starter glossary and complaint channels, the first time the site starts.</summary>
    public static async Task LoadStarterGlossaryAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            // Started with Database:MigrateOnStart=false on a schema not yet migrated: serve
            // what can be served, report not ready, and leave the content to after 'db migrate'.
            LogSchemaNotCurrent(app.Logger);
            return;
        }
        await scope.ServiceProvider.GetRequiredService<StarterGlossary>().LoadIfNewAsync();
        // After the glossary: the channels name its categories.
        await scope.ServiceProvider.GetRequiredService<StarterComplaintChannels>().LoadIfNewAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database schema is not current, so the starter glossary was not checked: run 'db migrate'")]
    private static partial void LogSchemaNotCurrent(ILogger logger);
}
