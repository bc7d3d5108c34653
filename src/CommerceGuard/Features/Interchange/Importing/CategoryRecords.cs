using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>Categories as interchange files carry them, both ways.</summary>
public static class CategoryRecords
{
    public static CategoryRecord Of(Category category) =>
        new(category.Slug, category.Name, category.Description,
            category.Translations.Count == 0 ? null
                : [.. category.Translations.OrderBy(translation => translation.Language, StringComparer.Ordinal)
                    .Select(translation => new CategoryNameRecord(translation.Language, translation.Slug, translation.Name, translation.Description))]);

    /// <summary>The record's names in other languages, the offered ones with a name and a valid slug; null and a reason when one is not.</summary>
    public static (List<CategoryTranslation> Translations, string? Problem) TranslationsOf(CategoryRecord record, IReadOnlyCollection<string> offered)
    {
        var translations = new List<CategoryTranslation>();
        foreach (var named in record.Translations ?? [])
        {
            var language = (named.Language ?? "").Trim().ToLowerInvariant();
            var slug = string.IsNullOrWhiteSpace(named.Slug) ? Slug.FromTitle(named.Name ?? "") : named.Slug.Trim();
            if (!offered.Contains(language) || language == Languages.Default || string.IsNullOrWhiteSpace(named.Name)
                || named.Name.Length > Glossary.Editing.CategoryEditor.NameMaxLength || !Slug.IsValid(slug)
                || named.Description?.Length > Glossary.Editing.CategoryEditor.DescriptionMaxLength
                || translations.Any(translation => translation.Language == language))
            {
                return ([], $"The category \"{record.Name}\" has a name in \"{named.Language}\" that cannot be used: give each language the site offers, besides English, one name of at most {Glossary.Editing.CategoryEditor.NameMaxLength} characters and a valid slug.");
            }
            translations.Add(new CategoryTranslation { Language = language, Slug = slug, Name = named.Name.Trim(), Description = named.Description?.Trim() ?? "" });
        }
        return (translations, null);
    }
}
