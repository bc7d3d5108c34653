using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary;

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 20_000;

    public void Configure(EntityTypeBuilder<Term> builder)
    {
        builder.Property(term => term.Title).HasMaxLength(TitleMaxLength);
        builder.Property(term => term.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(term => term.Language).HasMaxLength(10);
        builder.Property(term => term.Definition).HasMaxLength(TextMaxLength);
        builder.Property(term => term.Misuse).HasMaxLength(TextMaxLength);
        builder.Property(term => term.Benefits).HasMaxLength(TextMaxLength);
        builder.Property(term => term.Conclusion).HasMaxLength(TextMaxLength);
        builder.Property(term => term.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(term => term.AutoLink).HasDefaultValue(true).HasSentinel(true);

        // Spanish terms get slugs of their own, so a slug is unique within its language.
        builder.HasIndex(term => new { term.Language, term.Slug }).IsUnique();
        // The home page's "recently updated" list.
        builder.HasIndex(term => new { term.Status, term.ModifiedAt });
        // Titles with their slugs, so that finding titles (search and suggestions while the search
        // index is built) reads this small index rather than every term's whole text.
        builder.HasIndex(term => new { term.Status, term.Language, term.Title, term.Slug });

        builder.HasMany(term => term.Categories)
            .WithMany(category => category.Terms)
            .UsingEntity("TermCategories");
    }
}
