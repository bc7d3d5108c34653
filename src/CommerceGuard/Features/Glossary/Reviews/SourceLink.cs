using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary.Reviews;

/// <summary>
/// A source address the link check follows, shared by every term that cites it: when it last
/// answered, and since when it has not. Written only by <see cref="SourceLinkCheck"/>.
/// </summary>
public sealed class SourceLink
{
    public long Id { get; set; }
    public required string Address { get; set; }
    public DateTime? CheckedAt { get; set; }

    /// <summary>The HTTP status of the last answer; null when there was none (no such host, a timeout).</summary>
    public int? Status { get; set; }

    /// <summary>What went wrong last time, in words, for the review queue; null when it answered.</summary>
    public string? Problem { get; set; }

    /// <summary>Failed checks in a row. One can be a passing outage; <see cref="SourceLinkOptions.FailuresBeforeFlag"/> make it broken.</summary>
    public int Failures { get; set; }

    /// <summary>When the address was found broken; null while it answers.</summary>
    public DateTime? BrokenSince { get; set; }
}

internal sealed class SourceLinkConfiguration : IEntityTypeConfiguration<SourceLink>
{
    public void Configure(EntityTypeBuilder<SourceLink> builder)
    {
        builder.Property(link => link.Address).HasMaxLength(TermSource.AddressMaxLength);
        builder.Property(link => link.Problem).HasMaxLength(200);
        builder.HasIndex(link => link.Address).IsUnique();
    }
}
