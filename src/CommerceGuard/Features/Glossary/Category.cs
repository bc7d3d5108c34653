using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary;

/// <summary>A subject area of the glossary, such as Insurance. A term may sit in several.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Position in the site navigation, smallest first.</summary>
    public int DisplayOrder { get; set; }

    public List<Term> Terms { get; set; } = [];
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(category => category.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(category => category.Name).HasMaxLength(100);
        builder.Property(category => category.Description).HasMaxLength(2000);
        builder.HasIndex(category => category.Slug).IsUnique();
    }
}
