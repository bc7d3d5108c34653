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

    /// <summary>Why the reader answered No, when they said.</summary>
    public FeedbackReason? Reason { get; set; }

    /// <summary>What the reader added after a No, in their words.</summary>
    public string? Comment { get; set; }

    /// <summary>When an editor dealt with the reason and comment; until then they wait in the triage queue.</summary>
    public DateTime? HandledAt { get; set; }

    public DateTime CastAt { get; set; }

    /// <summary>A random key kept in the reader's browser; it says nothing about who they are.</summary>
    public required string VoterKey { get; set; }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.Property(vote => vote.Comment).HasMaxLength(Vote.CommentMaxLength);
        builder.Property(vote => vote.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(vote => vote.VoterKey).HasMaxLength(VoterKeys.MaxLength);
        builder.HasIndex(vote => new { vote.TermId, vote.VoterKey }).IsUnique();
        builder.HasOne<Term>().WithMany().HasForeignKey(vote => vote.TermId).OnDelete(DeleteBehavior.Cascade);
    }
}
