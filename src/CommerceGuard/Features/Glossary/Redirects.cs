using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary;

/// <summary>A term's former slug, kept so that its old address answers with a permanent redirect.</summary>
public sealed class TermRedirect
{
    public int Id { get; set; }
    public required string Language { get; set; }
    public required string Slug { get; set; }
    public int TermId { get; set; }
}

/// <summary>A category's former slug, kept for the same reason.</summary>
public sealed class CategoryRedirect
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int CategoryId { get; set; }
}

internal sealed class TermRedirectConfiguration : IEntityTypeConfiguration<TermRedirect>
{
    public void Configure(EntityTypeBuilder<TermRedirect> builder)
    {
        builder.Property(redirect => redirect.Language).HasMaxLength(10);
        builder.Property(redirect => redirect.Slug).HasMaxLength(Glossary.Slug.MaxLength);
        builder.HasIndex(redirect => new { redirect.Language, redirect.Slug }).IsUnique();
        builder.HasOne<Term>().WithMany().HasForeignKey(redirect => redirect.TermId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryRedirectConfiguration : IEntityTypeConfiguration<CategoryRedirect>
{
    public void Configure(EntityTypeBuilder<CategoryRedirect> builder)
    {
        builder.Property(redirect => redirect.Slug).HasMaxLength(Glossary.Slug.MaxLength);
        builder.HasIndex(redirect => redirect.Slug).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(redirect => redirect.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
