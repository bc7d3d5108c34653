using CommerceGuard.Data;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Versions;

/// <summary>A version as readers' pages list it.</summary>
public sealed record VersionEntry(int Number, DateTime PublishedAt, string Reason);

/// <summary>What readers can read of a term's published versions.</summary>
public static class PublishedVersions
{
    /// <summary>The term's versions, newest first.</summary>
    public static Task<List<VersionEntry>> VersionsAsync(this GlossaryDb db, int termId, CancellationToken cancellationToken) =>
        db.TermVersions.AsNoTracking().Where(version => version.TermId == termId)
            .OrderByDescending(version => version.Number)
            .Select(version => new VersionEntry(version.Number, version.PublishedAt, version.Reason))
            .ToListAsync(cancellationToken);

    /// <summary>The version readers see now; null for a term never published since versions were kept.</summary>
    public static Task<VersionEntry?> LatestVersionAsync(this GlossaryDb db, int termId, CancellationToken cancellationToken) =>
        db.TermVersions.AsNoTracking().Where(version => version.TermId == termId)
            .OrderByDescending(version => version.Number)
            .Select(version => new VersionEntry(version.Number, version.PublishedAt, version.Reason))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A version's text as a term readers can be shown (its categories as they are now, those
    /// since deleted left out), dated when it was published; null when the term has no such version.
    /// </summary>
    public static async Task<Term?> VersionAsync(this GlossaryDb db, Term current, int number, CancellationToken cancellationToken)
    {
        var version = await db.TermVersions.AsNoTracking()
            .SingleOrDefaultAsync(version => version.TermId == current.Id && version.Number == number, cancellationToken);
        if (version is null)
        {
            return null;
        }
        var json = await db.Revisions.AsNoTracking()
            .Where(revision => revision.TermId == current.Id && revision.Number == version.RevisionNumber)
            .Select(revision => revision.Content).SingleOrDefaultAsync(cancellationToken);
        // A term loaded whole has no revision until its first save: its own text is its one version.
        var content = json is not null ? Revision.Read(json)
            : !await db.TermVersions.AnyAsync(later => later.TermId == current.Id && later.Number > number, cancellationToken) ? TermContent.Of(current)
            : null;
        if (content is null)
        {
            return null;
        }
        var categories = await db.Categories.AsNoTracking().Where(category => content.CategoryIds.Contains(category.Id))
            .OrderBy(category => category.DisplayOrder).ToListAsync(cancellationToken);
        var term = new Term
        {
            Id = current.Id,
            Title = content.Title,
            Slug = current.Slug,
            Language = current.Language,
            TranslationOfId = current.TranslationOfId,
            Status = current.Status,
            ModifiedAt = version.PublishedAt,
        };
        content.ApplyTo(term, categories);
        // The address is the term's, whatever it was when this version was published.
        term.Slug = current.Slug;
        return term;
    }
}
