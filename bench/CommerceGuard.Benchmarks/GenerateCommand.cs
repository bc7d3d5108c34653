using CommerceGuard.Data;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceGuard.Benchmarks;

/// <summary>
/// Writes a generated glossary into a database the site can then be started on:
/// <c>generate --terms 100000 --seed 1 --database path/to/glossary.db</c> (SQLite; the file must
/// not hold terms yet). On first start the site adds its starter glossary, as on any new install.
/// </summary>
internal static class GenerateCommand
{
    private const int BatchSize = 2_000;

    public static async Task<int> RunAsync(int termCount, int seed, string databaseFile, double textScale = 1.0)
    {
        await using var app = await OpenAsync(databaseFile);
        if (await WithDbAsync(app, db => db.Terms.AnyAsync()))
        {
            Console.Error.WriteLine($"{databaseFile} already holds terms; generate into a new file.");
            return 1;
        }

        var glossary = new GeneratedGlossary(termCount, seed, textScale);
        await WithDbAsync(app, async db =>
        {
            db.Categories.AddRange(glossary.Categories);
            return await db.SaveChangesAsync();
        });
        var categoryIds = glossary.Categories.ToDictionary(category => category.Slug, category => category.Id);
        foreach (var batch in glossary.Terms().Chunk(BatchSize))
        {
            await WithDbAsync(app, async db =>
            {
                // Each batch has a context of its own, so the categories are attached anew rather than inserted again.
                var categories = await db.Categories.ToDictionaryAsync(category => category.Id);
                foreach (var term in batch)
                {
                    term.Categories = [.. term.Categories.Select(category => categories[categoryIds[category.Slug]])];
                }
                db.Terms.AddRange(batch);
                // As the term editor would: the names that the look-alike check looks up.
                db.TermNames.AddRange(batch.SelectMany(TermName.Of));
                return await db.SaveChangesAsync();
            });
        }
        Console.WriteLine($"{termCount:N0} terms in {glossary.Categories.Count} categories written to {databaseFile} (seed {seed}).");
        return 0;
    }

    /// <summary>The site's data layer on a SQLite file, its schema brought up to date.</summary>
    public static async Task<WebApplication> OpenAsync(string databaseFile)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:Glossary"] = $"Data Source={Path.GetFullPath(databaseFile)}";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddGlossaryData();
        var app = builder.Build();
        await GlossaryDataSetup.MigrateAsync(app.Services, CancellationToken.None);
        return app;
    }

    public static async Task<T> WithDbAsync<T>(WebApplication app, Func<GlossaryDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<GlossaryDb>());
    }
}
