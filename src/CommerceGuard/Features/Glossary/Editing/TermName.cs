using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>
/// One name a term goes by (its title or one of its other names) beside the
/// <see cref="TitleLookalikes.Skeleton"/> it looks like, so that a save finds the terms a name
/// could be mistaken for through an index instead of reading every term's names. Worked out
/// from the term whenever the term editor writes its names; never edited on its own.
/// </summary>
public sealed class TermName
{
    /// <summary>Raise it when <see cref="TitleLookalikes.Skeleton"/> changes: the next migration works every name out anew.</summary>
    public const int Rules = 1;

    /// <summary>Long enough to tell names apart; a longer skeleton is cut, and the whole one compared after the lookup.</summary>
    public const int SkeletonMaxLength = 200;

    public int TermId { get; set; }
    public Term? Term { get; set; }
    public required string Name { get; set; }

    /// <summary>The term's language: names are mistaken for one another only within one.</summary>
    public required string Language { get; set; }

    /// <summary>The name's skeleton, cut to <see cref="SkeletonMaxLength"/>; see <see cref="KeyOf"/>.</summary>
    public required string Skeleton { get; set; }

    /// <summary>The term's names as rows, linked to the term itself so that a new term's rows take its id.</summary>
    public static IEnumerable<TermName> Of(Term term) =>
        Of(term.Title, term.Aliases, term.Language).Select(name => { name.Term = term; return name; });

    /// <summary>A term's names as rows, for a term known by its id.</summary>
    public static IEnumerable<TermName> Of(int termId, string title, IEnumerable<string> aliases, string language) =>
        Of(title, aliases, language).Select(name => { name.TermId = termId; return name; });

    private static IEnumerable<TermName> Of(string title, IEnumerable<string> aliases, string language) =>
        aliases.Prepend(title).Where(name => name.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(name => new TermName { Name = name, Language = language, Skeleton = KeyOf(name) });

    /// <summary>
    /// What a name is looked up by: its skeleton, cut short (never between the halves of a
    /// character) so that the index holds no name that compatibility folding made 18 times longer.
    /// </summary>
    public static string KeyOf(string name)
    {
        var skeleton = TitleLookalikes.Skeleton(name);
        if (skeleton.Length <= SkeletonMaxLength)
        {
            return skeleton;
        }
        return skeleton[..(char.IsHighSurrogate(skeleton[SkeletonMaxLength - 1]) ? SkeletonMaxLength - 1 : SkeletonMaxLength)];
    }
}

internal sealed class TermNameConfiguration : IEntityTypeConfiguration<TermName>
{
    public void Configure(EntityTypeBuilder<TermName> builder)
    {
        builder.HasKey(name => new { name.TermId, name.Name });
        builder.Property(name => name.Name).HasMaxLength(TermConfiguration.TitleMaxLength);
        builder.Property(name => name.Language).HasMaxLength(10);
        builder.Property(name => name.Skeleton).HasMaxLength(TermName.SkeletonMaxLength);
        // The look-alike check: which names of a language have this skeleton.
        builder.HasIndex(name => new { name.Language, name.Skeleton });
        builder.HasOne(name => name.Term).WithMany().HasForeignKey(name => name.TermId).OnDelete(DeleteBehavior.Cascade);
    }
}
