using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary;

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 20_000;

    /// <summary>The table that says which terms are in which categories.</summary>
    public const string CategoriesJoin = "TermCategories";
    public const int EditorNoteMaxLength = 2000;

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
        builder.Property(term => term.EditorNote).HasMaxLength(EditorNoteMaxLength);
        builder.HasOne<Term>().WithMany().HasForeignKey(term => term.ReplacedById).OnDelete(DeleteBehavior.SetNull);
        builder.Property(term => term.ReviewedBy).HasMaxLength(Reviews.TermReview.ReviewerMaxLength);
        builder.Property(term => term.ReviewerDisclosure).HasMaxLength(Reviews.TermReview.DisclosureMaxLength);
        builder.Property(term => term.PendingStatus).HasConversion<string>().HasMaxLength(20);
        // Checked by every save, on both providers: see Term.Version.
        builder.Property(term => term.Version).IsConcurrencyToken();
        // Sources are read and written whole, with the term, so they sit beside it as JSON.
        builder.Property(term => term.Sources)
            .HasConversion(
                sources => JsonSerializer.Serialize(sources, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<TermSource>>(json, JsonSerializerOptions.Web) ?? new List<TermSource>(),
                new ValueComparer<List<TermSource>>(
                    (left, right) => left!.SequenceEqual(right!),
                    sources => sources.Aggregate(0, (hash, source) => HashCode.Combine(hash, source)),
                    sources => sources.ToList()));

        // Spanish terms get slugs of their own, so a slug is unique within its language.
        builder.HasIndex(term => new { term.Language, term.Slug }).IsUnique();
        // The home page's "recently updated" list.
        builder.HasIndex(term => new { term.Status, term.ModifiedAt });
        // Titles with their slugs, so that finding titles (search and suggestions while the search
        // index is built) reads this small index rather than every term's whole text.
        builder.HasIndex(term => new { term.Status, term.Language, term.Title, term.Slug });

        // At most one translation of a term per language; deleting the original leaves its
        // translations standing on their own.
        builder.HasIndex(term => new { term.TranslationOfId, term.Language }).IsUnique();
        builder.HasOne<Term>().WithMany().HasForeignKey(term => term.TranslationOfId).OnDelete(DeleteBehavior.SetNull);

        builder.HasMany(term => term.Categories)
            .WithMany(category => category.Terms)
            .UsingEntity(CategoriesJoin);
    }
}
