using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>
/// One saved version of a term's content: who saved it, when, what changed and why. Revisions
/// are never changed or removed while the term lives; restoring one writes a new one.
/// </summary>
public sealed class Revision
{
    public const int SummaryMaxLength = 200;

    public long Id { get; set; }
    public int TermId { get; set; }

    /// <summary>1 for the term's first revision, then one more for each.</summary>
    public int Number { get; set; }

    public DateTime At { get; set; }

    /// <summary>The account that saved it, and its name at the time, kept in case the account changes.</summary>
    public string? AccountId { get; set; }
    public required string AuthorName { get; set; }

    /// <summary>The line the editor wrote about the change, or one made from the changed fields.</summary>
    public required string Summary { get; set; }

    /// <summary>The <see cref="TermFields"/> that changed, comma-separated.</summary>
    public string Changed { get; set; } = "";

    /// <summary>The whole content, as JSON.</summary>
    public required string Content { get; set; }

    public TermContent ReadContent() => Read(Content);

    public static TermContent Read(string content) =>
        JsonSerializer.Deserialize<TermContent>(content, JsonSerializerOptions.Web)
        ?? throw new InvalidDataException("A revision holds no content.");

    public static string Write(TermContent content) => JsonSerializer.Serialize(content, JsonSerializerOptions.Web);

    public IReadOnlyList<string> ChangedFields => Changed.Length == 0 ? [] : Changed.Split(',');
}

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.Property(revision => revision.AccountId).HasMaxLength(64);
        builder.Property(revision => revision.AuthorName).HasMaxLength(400);
        builder.Property(revision => revision.Summary).HasMaxLength(Revision.SummaryMaxLength);
        builder.Property(revision => revision.Changed).HasMaxLength(200);
        builder.HasIndex(revision => new { revision.TermId, revision.Number }).IsUnique();
        builder.HasOne<Term>().WithMany().HasForeignKey(revision => revision.TermId).OnDelete(DeleteBehavior.Cascade);
    }
}
