using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Data;

/// <summary>
/// A fact the site remembers about itself, such as "the starter glossary was loaded".
/// Markers make one-time work happen once even when the data it created is later deleted.
/// </summary>
public sealed class SiteMarker
{
    public required string Key { get; init; }
    public DateTime SetAt { get; init; }
}

internal sealed class SiteMarkerConfiguration : IEntityTypeConfiguration<SiteMarker>
{
    public void Configure(EntityTypeBuilder<SiteMarker> builder)
    {
        builder.HasKey(marker => marker.Key);
        builder.Property(marker => marker.Key).HasMaxLength(100);
    }
}
