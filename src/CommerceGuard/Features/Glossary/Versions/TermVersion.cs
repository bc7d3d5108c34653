using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary.Versions;

/// <summary>
/// One version of a term as readers saw it: the revision that was published, when, and the
/// editor's one-line reason. Numbered 1, 2, 3… per term, each keeps its own permanent address
/// (<c>/glossary/{slug}/v/{n}</c>) so that a reader can cite exactly what they read. Never
/// changed or removed while the term lives.
/// </summary>
public sealed class TermVersion
{
    public long Id { get; set; }
    public int TermId { get; set; }

    /// <summary>1 for the first version readers saw, then one more for each.</summary>
    public int Number { get; set; }

    /// <summary>The <see cref="Revision.Number"/> whose content this version is.</summary>
    public int RevisionNumber { get; set; }

    public DateTime PublishedAt { get; set; }

    /// <summary>What changed for readers, in the editor's words or made from the changed fields.</summary>
    public required string Reason { get; set; }
}

internal sealed class TermVersionConfiguration : IEntityTypeConfiguration<TermVersion>
{
    public void Configure(EntityTypeBuilder<TermVersion> builder)
    {
        builder.Property(version => version.Reason).HasMaxLength(Revision.SummaryMaxLength);
        builder.HasIndex(version => new { version.TermId, version.Number }).IsUnique();
        builder.HasOne<Term>().WithMany().HasForeignKey(version => version.TermId).OnDelete(DeleteBehavior.Cascade);
    }
}
