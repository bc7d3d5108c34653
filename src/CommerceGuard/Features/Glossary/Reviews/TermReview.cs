using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary.Reviews;

/// <summary>
/// One deliberate review of a term: an editor checked it against its sources and found it
/// right (or fixed it first). The term shows its latest; these are the record of them all.
/// </summary>
public sealed class TermReview
{
    public const int ReviewerMaxLength = 100;
    public const int DisclosureMaxLength = 300;
    public const int NoteMaxLength = 1000;

    public long Id { get; set; }
    public int TermId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The account that reviewed; kept with the name shown, in case the account changes.</summary>
    public string? AccountId { get; set; }
    public required string ReviewerName { get; set; }

    /// <summary>What readers are told about the reviewer: expertise, and any ties relevant to the term.</summary>
    public required string Disclosure { get; set; }

    /// <summary>For editors: what was checked, what is left to do. Readers never see it.</summary>
    public string? Note { get; set; }
}

internal sealed class TermReviewConfiguration : IEntityTypeConfiguration<TermReview>
{
    public void Configure(EntityTypeBuilder<TermReview> builder)
    {
        builder.Property(review => review.AccountId).HasMaxLength(64);
        builder.Property(review => review.ReviewerName).HasMaxLength(TermReview.ReviewerMaxLength);
        builder.Property(review => review.Disclosure).HasMaxLength(TermReview.DisclosureMaxLength);
        builder.Property(review => review.Note).HasMaxLength(TermReview.NoteMaxLength);
        builder.HasIndex(review => new { review.TermId, review.At });
        builder.HasOne<Term>().WithMany().HasForeignKey(review => review.TermId).OnDelete(DeleteBehavior.Cascade);
    }
}
