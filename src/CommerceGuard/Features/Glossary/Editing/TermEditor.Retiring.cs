using CommerceGuard.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Editing;

public sealed partial class TermEditor
{
    public const string ReplacementField = "replacement";

    /// <summary>
    /// Retires a published term, naming the published term that replaces it (by title or slug)
    /// or none. Its address keeps answering with a notice, and a link to the replacement; lists,
    /// search and automatic links leave it out. Editors only.
    /// </summary>
    public async Task<EditOutcome> RetireAsync(int id, int version, string? replacement, StaffMember who, CancellationToken cancellationToken = default)
    {
        var term = await TrackedAsync(id, cancellationToken);
        if (term is null)
        {
            return new EditOutcome { Missing = true };
        }
        if (!who.CanPublish)
        {
            return EditOutcome.Refused("Only Editors and Admins can retire terms.");
        }
        if (term.Version != version)
        {
            return await ConflictAsync(id, cancellationToken);
        }
        if (term.Status != TermStatus.Published)
        {
            return EditOutcome.Refused($"Only a published term is retired; this one is {Describe(term)}.");
        }
        int? replacedBy = null;
        if (!string.IsNullOrWhiteSpace(replacement))
        {
            var named = replacement.Trim();
            var slug = Slug.IsValid(named) ? named : Slug.FromTitle(named);
            var found = await db.Terms.AsNoTracking()
                .Where(other => other.Language == term.Language && other.Status == TermStatus.Published && (other.Slug == slug || other.Title == named))
                .Select(other => new { other.Id }).FirstOrDefaultAsync(cancellationToken);
            if (found is null || found.Id == id)
            {
                return EditOutcome.Refused(found is null
                    ? $"No published term is called \"{named}\"; name the replacement by its title or slug, or leave it empty."
                    : "A term cannot replace itself.", ReplacementField);
            }
            replacedBy = found.Id;
        }
        (term.Status, term.ReplacedById) = (TermStatus.Retired, replacedBy);
        term.Version++;
        audit.Add(AuditActions.TermRetired, term.Slug, replacedBy is null ? term.Title : $"{term.Title}, replaced by \"{replacement!.Trim()}\"");
        return await CommitAsync(term, version, cancellationToken);
    }
}
