using System.Reflection;
using System.Text.Json;
using CommerceGuard.Data;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Interchange;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>
/// Loads the starter glossary shipped in <c>Starter/</c> into an empty database, once. A marker
/// row remembers the load, so a glossary whose terms were all deleted later stays empty.
/// </summary>
internal sealed partial class StarterGlossary(GlossaryDb db, TermEditor editor, TimeProvider time, ILogger<StarterGlossary> logger)
{
    public const string LoadedMarker = "starter-glossary-loaded";
    private const string TermsFolder = "Starter/terms/";
    private const string CategoriesFile = "Starter/categories.json";
    private static readonly Assembly Source = typeof(StarterGlossary).Assembly;

    public async Task LoadIfNewAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SiteMarkers.AnyAsync(marker => marker.Key == LoadedMarker, cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var databaseIsEmpty = !await db.Terms.AnyAsync(cancellationToken) && !await db.Categories.AnyAsync(cancellationToken);
        // Terms first (translations name their originals by id), then the marker: all of it or none.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (databaseIsEmpty)
            {
                var categories = ReadCategories();
                var records = ReadRecords();
                var terms = records.Select(record => ToTerm(record, categories.ToDictionary(category => category.Slug), now)).ToList();
                db.Categories.AddRange(categories);
                db.Terms.AddRange(terms);
                db.TermNames.AddRange(terms.SelectMany(TermName.Of));
                LogLoading(terms.Count, categories.Count);
                await db.SaveChangesAsync(cancellationToken);
                editor.AddFirstRevisions(terms, "The starter glossary");
                Pair(records, terms);
            }
            db.SiteMarkers.Add(new SiteMarker { Key = LoadedMarker, SetAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two servers started together on one database: if the other one loaded it, all is well.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (!await db.SiteMarkers.AnyAsync(marker => marker.Key == LoadedMarker, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>The starter categories in display order.</summary>
    internal static List<Category> ReadCategories()
    {
        using var stream = Open(CategoriesFile);
        var entries = JsonSerializer.Deserialize<List<CategoryEntry>>(stream, JsonSerializerOptions.Web) ?? [];
        return [.. entries.Select((entry, index) => new Category
        {
            Slug = entry.Slug,
            Name = entry.Name,
            Description = entry.Description,
            DisplayOrder = index + 1,
            Translations = [.. (entry.Translations ?? []).Select(translation => new CategoryTranslation
            {
                Language = translation.Language,
                Slug = translation.Slug,
                Name = translation.Name,
                Description = translation.Description,
            })],
        })];
    }

    /// <summary>Each translation (a file in a language's folder, <c>terms/es/</c>) with the English term it names.</summary>
    private static void Pair(List<TermRecord> records, List<Term> terms)
    {
        var originals = terms.Where(term => term.Language == Languages.Default).ToDictionary(term => term.Slug);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].TranslationOf is not { } original)
            {
                continue;
            }
            terms[i].TranslationOfId = originals.TryGetValue(original, out var term)
                ? term.Id
                : throw new InvalidDataException($"Starter term '{terms[i].Slug}' translates '{original}', which is not a starter term.");
        }
    }

    /// <summary>Every starter term file, read but not yet stored.</summary>
    internal static List<TermRecord> ReadRecords() =>
        [.. Source.GetManifestResourceNames()
            .Where(name => name.StartsWith(TermsFolder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(Open(name));
                return MarkdownTermFile.Read(name, reader.ReadToEnd());
            })];

    private static Term ToTerm(TermRecord record, Dictionary<string, Category> categories, DateTime now)
    {
        var slug = record.Slug ?? Slug.FromTitle(record.Title);
        if (!Slug.IsValid(slug))
        {
            throw new InvalidDataException($"Starter term '{record.Title}' has an invalid slug '{slug}'.");
        }
        var status = record.Status?.ToLowerInvariant() switch
        {
            null or "published" => TermStatus.Published,
            "draft" => TermStatus.Draft,
            var other => throw new InvalidDataException($"Starter term '{slug}' has an unknown status '{other}'."),
        };
        if (record.Related.FirstOrDefault(related => !Slug.IsValid(related)) is { } badRelated)
        {
            throw new InvalidDataException($"Starter term '{slug}' names an invalid related slug '{badRelated}'.");
        }
        // Noon UTC keeps the date the same in every US time zone.
        var modified = record.Modified?.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) ?? now;
        return new Term
        {
            Title = record.Title,
            Slug = slug,
            Language = record.Language ?? Languages.Default,
            Status = status,
            Definition = record.Definition,
            Examples = [.. record.Examples],
            Misuse = record.Misuse,
            Benefits = record.Benefits,
            Conclusion = record.Conclusion,
            RelatedSlugs = [.. record.Related],
            Aliases = [.. record.Aliases],
            AutoLink = record.AutoLink,
            Sources = [.. record.Sources],
            Categories = [.. record.Categories.Select(name => categories.TryGetValue(name, out var category)
                ? category
                : throw new InvalidDataException($"Starter term '{slug}' names an unknown category '{name}'."))],
            CreatedAt = modified,
            ModifiedAt = modified,
        };
    }

    private static Stream Open(string resource) =>
        Source.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"The starter file {resource} is not embedded in the app.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the starter glossary: {TermCount} terms in {CategoryCount} categories")]
    private partial void LogLoading(int termCount, int categoryCount);

    private sealed record CategoryEntry(string Slug, string Name, string Description, List<CategoryEntry.Translated>? Translations)
    {
        public sealed record Translated(string Language, string Slug, string Name, string Description);
    }
}
