using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary;

/// <summary>A subject area of the glossary, such as Insurance. A term may sit in several.</summary>
public sealed class Category
{
    public int Id { get; set; }

    // Name, slug and description are the category's English ones.
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Position in the site navigation, smallest first.</summary>
    public int DisplayOrder { get; set; }

    /// <summary>
    /// How many months a term in this category may go between reviews; null for the site's
    /// default. A term in several categories takes the shortest.
    /// </summary>
    public int? ReviewMonths { get; set; }

    /// <summary>Its name, address and description in other languages. In a language it has none in, the category is not shown.</summary>
    public List<CategoryTranslation> Translations { get; set; } = [];

    public List<Term> Terms { get; set; } = [];

    /// <summary>The category as a page in this language lists it, or null when it has no name in the language.</summary>
    public CategoryLink? LinkIn(string language) =>
        language == Languages.Default
            ? new CategoryLink(Id, Slug, Name, Description, language)
            : Translations.FirstOrDefault(translation => translation.Language == language) is { } translated
                ? new CategoryLink(Id, translated.Slug, translated.Name, translated.Description, language)
                : null;
}

/// <summary>A category's name, slug and description in a language other than English.</summary>
public sealed class CategoryTranslation
{
    public required string Language { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(category => category.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(category => category.Name).HasMaxLength(Editing.CategoryEditor.NameMaxLength);
        builder.Property(category => category.Description).HasMaxLength(Editing.CategoryEditor.DescriptionMaxLength);
        builder.HasIndex(category => category.Slug).IsUnique();
        builder.OwnsMany(category => category.Translations, translation =>
        {
            translation.ToTable("CategoryTranslations");
            translation.WithOwner().HasForeignKey("CategoryId");
            translation.HasKey("CategoryId", nameof(CategoryTranslation.Language));
            translation.Property(named => named.Language).HasMaxLength(10);
            translation.Property(named => named.Slug).HasMaxLength(Slug.MaxLength);
            translation.Property(named => named.Name).HasMaxLength(Editing.CategoryEditor.NameMaxLength);
            translation.Property(named => named.Description).HasMaxLength(Editing.CategoryEditor.DescriptionMaxLength);
            // A slug is unique within its language, as terms' are.
            translation.HasIndex(nameof(CategoryTranslation.Language), nameof(CategoryTranslation.Slug)).IsUnique();
        });
    }
}
