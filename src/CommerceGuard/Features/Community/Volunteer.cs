using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Community;

/// <summary>Someone who offered to help. One entry per email address; offering again updates it.</summary>
public sealed class Volunteer
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int MessageMaxLength = 2000;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Trimmed and lower-cased, so one person is one entry.</summary>
    public required string Email { get; set; }

    /// <summary>Keys from <see cref="VolunteerInterests.All"/>.</summary>
    public List<string> Interests { get; set; } = [];

    public string? Message { get; set; }
    public bool ConsentGiven { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.Property(volunteer => volunteer.Name).HasMaxLength(Volunteer.NameMaxLength);
        builder.Property(volunteer => volunteer.Email).HasMaxLength(Volunteer.EmailMaxLength);
        builder.Property(volunteer => volunteer.Message).HasMaxLength(Volunteer.MessageMaxLength);
        builder.HasIndex(volunteer => volunteer.Email).IsUnique();
    }
}
