using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Feedback;

/// <summary>A reader's answer to "Was this helpful?" on one term. One per browser per term.</summary>
public sealed class Vote
{
    public const int CommentMaxLength = 500;

    public long Id { get; set; }
    public int TermId { get; set; }
    public bool Helpful { get; set; }

    /// <summary>"What was missing?", asked after a No.</summary>
    public string? Comment { get; set; }

    public DateTime CastAt { get; set; }

    /// <summary>A random key kept in the reader's browser; it says nothing about who they are.</summary>
    public required string VoterKey { get; set; }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.Property(vote => vote.Comment).HasMaxLength(Vote.CommentMaxLength);
        builder.Property(vote => vote.VoterKey).HasMaxLength(VoterKeys.MaxLength);
        builder.HasIndex(vote => new { vote.TermId, vote.VoterKey }).IsUnique();
        builder.HasOne<Term>().WithMany().HasForeignKey(vote => vote.TermId).OnDelete(DeleteBehavior.Cascade);
    }
}
