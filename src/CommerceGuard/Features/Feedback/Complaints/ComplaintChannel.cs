using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Feedback.Complaints;

/// <summary>
/// Somewhere a reader can complain when a term describes what happened to them: an agency or
/// organisation, what it handles, and where to reach it. Shown for the categories and states it
/// names; one naming no category serves every category, one naming no state the whole country.
/// </summary>
public sealed class ComplaintChannel
{
    public const int NameMaxLength = 200;
    public const int HandlesMaxLength = 600;
    public const int AddressMaxLength = 2000;
    public const int PhoneMaxLength = 40;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>What it takes complaints about, in a sentence or two, as readers see it.</summary>
    public required string Handles { get; set; }

    /// <summary>The page where its complaints start: an absolute https or http address.</summary>
    public required string Address { get; set; }

    public string? Phone { get; set; }

    /// <summary>The categories it serves; empty for every category.</summary>
    public List<int> CategoryIds { get; set; } = [];

    /// <summary>The states it serves, as two-letter postal codes; empty for the whole country.</summary>
    public List<string> States { get; set; } = [];

    /// <summary>Position in the list, smallest first: the most useful first.</summary>
    public int DisplayOrder { get; set; }
}

internal sealed class ComplaintChannelConfiguration : IEntityTypeConfiguration<ComplaintChannel>
{
    public void Configure(EntityTypeBuilder<ComplaintChannel> builder)
    {
        builder.Property(channel => channel.Name).HasMaxLength(ComplaintChannel.NameMaxLength);
        builder.Property(channel => channel.Handles).HasMaxLength(ComplaintChannel.HandlesMaxLength);
        builder.Property(channel => channel.Address).HasMaxLength(ComplaintChannel.AddressMaxLength);
        builder.Property(channel => channel.Phone).HasMaxLength(ComplaintChannel.PhoneMaxLength);
    }
}
