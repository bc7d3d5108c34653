using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Community.Suggestions;

/// <summary>Where a suggestion stands in the back office's queue.</summary>
public enum SuggestionStatus
{
    Open,
    Drafted,
    Dismissed,
}

/// <summary>
/// A term a reader asked for: a title and a note, nothing about the reader. The same title asked
/// for again while open counts as one more request, so editors see what readers want most.
/// </summary>
public sealed class TermSuggestion
{
    public const int TitleMaxLength = TermConfiguration.TitleMaxLength;
    public const int NoteMaxLength = 1000;

    public long Id { get; set; }
    public required string Title { get; set; }

    /// <summary>The title made comparable (<see cref="Slug.FromTitle"/>), so that "Junk Fee" and "junk fees?" meet.</summary>
    public required string Key { get; set; }

    public string? Note { get; set; }
    public string Language { get; set; } = Languages.Default;

    /// <summary>How many times readers asked for it while it was open.</summary>
    public int Requests { get; set; } = 1;

    public DateTime SuggestedAt { get; set; }
    public DateTime LastRequestedAt { get; set; }
    public SuggestionStatus Status { get; set; }
    public DateTime? HandledAt { get; set; }
    public string? HandledBy { get; set; }
}

internal sealed class TermSuggestionConfiguration : IEntityTypeConfiguration<TermSuggestion>
{
    public void Configure(EntityTypeBuilder<TermSuggestion> builder)
    {
        builder.Property(suggestion => suggestion.Title).HasMaxLength(TermSuggestion.TitleMaxLength);
        builder.Property(suggestion => suggestion.Key).HasMaxLength(Slug.MaxLength);
        builder.Property(suggestion => suggestion.Note).HasMaxLength(TermSuggestion.NoteMaxLength);
        builder.Property(suggestion => suggestion.Language).HasMaxLength(10);
        builder.Property(suggestion => suggestion.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(suggestion => suggestion.HandledBy).HasMaxLength(256);
        builder.HasIndex(suggestion => new { suggestion.Language, suggestion.Key, suggestion.Status });
    }
}
