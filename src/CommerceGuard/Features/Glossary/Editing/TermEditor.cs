using CommerceGuard.Data;
using CommerceGuard.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>
/// The one way terms are written. Each change is checked, stamped, written as a revision with
/// the change feed entry and audit row it causes, in one save: it all happens or none of it does.
/// A change names the <see cref="Term.Version"/> it started from and is refused with the other
/// person's text when the term has moved on.
/// </summary>
public sealed partial class TermEditor(GlossaryDb db, AuditLog audit, TimeProvider time)
{
    /// <summary>The term with the content an editor works on: its next version's, when it has one.</summary>
    public async Task<TermDraft?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        var term = await db.Terms.AsNoTracking().Include(term => term.Categories)
            .SingleOrDefaultAsync(term => term.Id == id, cancellationToken);
        return term is null ? null : new TermDraft(term, await WorkingContentAsync(term, cancellationToken));
    }

    /// <summary>A revision's content, or null when the term has no such revision.</summary>
    public async Task<TermContent?> RevisionAsync(int id, int number, CancellationToken cancellationToken = default)
    {
        var revision = await db.Revisions.AsNoTracking()
            .SingleOrDefaultAsync(revision => revision.TermId == id && revision.Number == number, cancellationToken);
        return revision?.ReadContent();
    }

    /// <summary>Writes a new term as a draft, or publishes it at once when an Editor asks.</summary>
    public Task<EditOutcome> CreateAsync(
        TermContent content, string? summary, StaffMember who, bool publish = false, CancellationToken cancellationToken = default) =>
        CreateAsync(content, summary, who, publish, Languages.Default, original: null, cancellationToken);

    private async Task<EditOutcome> CreateAsync(
        TermContent content, string? summary, StaffMember who, bool publish, string language, Term? original, CancellationToken cancellationToken)
    {
        if (publish && !who.CanPublish)
        {
            return EditOutcome.Refused(OnlyEditorsPublish);
        }
        content = await ResolvedAsync(TermValidation.Tidied(content), language, cancellationToken);
        var problems = await ProblemsAsync(content, language, termId: null, cancellationToken);
        if (problems.Count > 0)
        {
            return new EditOutcome { Problems = problems };
        }
        var now = Now;
        var term = new Term
        {
            Title = content.Title,
            Slug = content.Slug,
            Language = language,
            Status = publish ? TermStatus.Published : TermStatus.Draft,
            PublishedRevision = publish ? 1 : null,
            ContentRevision = 1,
            CreatedAt = now,
            ModifiedAt = now,
            Version = 1,
            // A translation is made from its original as readers see it now.
            TranslationOfId = original?.Id,
            TranslatedRevision = original?.PublishedRevision,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ApplyAsync(term, content, becomesPublic: publish, cancellationToken);
        db.Terms.Add(term);
        if (!await TrySaveAsync(cancellationToken))
        {
            return EditOutcome.Refused(SlugTakenMeanwhile, TermFields.Slug);
        }
        db.Revisions.Add(await NewRevisionAsync(term.Id, 1, content, summary ?? "Created", [], who, cancellationToken));
        if (publish)
        {
            audit.Add(AuditActions.TermPublished, term.Slug, $"{term.Title}, revision 1");
            await AddVersionAsync(term.Id, 1, summary ?? FirstPublished, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditOutcome.Done(term.Id, term.Version);
    }

    /// <summary>
    /// Saves new content. On a published term it becomes the next version, which readers do not
    /// see until it is published; <paramref name="publish"/> (Editors) publishes it with the save.
    /// </summary>
    public Task<EditOutcome> SaveAsync(
        int id, int version, TermContent content, string? summary, StaffMember who, bool publish = false,
        CancellationToken cancellationToken = default) =>
        SaveOrRestoreAsync(id, version, content, summary, who, publish, restoring: null, cancellationToken);

    private async Task<EditOutcome> SaveOrRestoreAsync(
        int id, int version, TermContent content, string? summary, StaffMember who, bool publish, int? restoring,
        CancellationToken cancellationToken)
    {
        var term = await TrackedAsync(id, cancellationToken);
        if (term is null)
        {
            return new EditOutcome { Missing = true };
        }
        if (term.Version != version)
        {
            return await ConflictAsync(id, cancellationToken);
        }
        if (publish && !who.CanPublish)
        {
            return EditOutcome.Refused(OnlyEditorsPublish);
        }
        content = await ResolvedAsync(TermValidation.Tidied(content), term.Language, cancellationToken);
        return await WriteAsync(term, content, summary, who, publish, restoring, cancellationToken);
    }

    /// <summary>Saves an earlier revision's content as a new revision.</summary>
    public async Task<EditOutcome> RestoreAsync(
        int id, int version, int number, StaffMember who, bool publish = false, CancellationToken cancellationToken = default)
    {
        var content = await RevisionAsync(id, number, cancellationToken);
        return content is null
            ? new EditOutcome { Missing = true }
            : await SaveOrRestoreAsync(id, version, content, $"Restored revision {number}", who, publish, restoring: number, cancellationToken);
    }

    /// <summary>Moves the term (or its next version) one step through the workflow.</summary>
    public async Task<EditOutcome> MoveAsync(
        int id, int version, WorkflowMove move, StaffMember who, CancellationToken cancellationToken = default)
    {
        var term = await TrackedAsync(id, cancellationToken);
        if (term is null)
        {
            return new EditOutcome { Missing = true };
        }
        if (term.Version != version)
        {
            return await ConflictAsync(id, cancellationToken);
        }
        if (TermWorkflow.NeedsEditor(move) && !who.CanPublish)
        {
            return EditOutcome.Refused(OnlyEditorsPublish);
        }
        if (!TermWorkflow.IsLegal(term, move))
        {
            return EditOutcome.Refused($"A term that is {Describe(term)} cannot be {Done(move)}.");
        }
        if (move == WorkflowMove.Publish)
        {
            var working = await WorkingContentAsync(term, cancellationToken);
            return await WriteAsync(term, working, summary: null, who, publish: true, restoring: null, cancellationToken);
        }
        await MakeMoveAsync(term, move, cancellationToken);
        term.Version++;
        return await CommitAsync(term, version, cancellationToken);
    }

    /// <summary>Deletes a term that readers cannot see, with its history. Editors only.</summary>
    public async Task<EditOutcome> DeleteAsync(int id, int version, StaffMember who, CancellationToken cancellationToken = default)
    {
        var term = await TrackedAsync(id, cancellationToken);
        if (term is null)
        {
            return new EditOutcome { Missing = true };
        }
        if (!who.CanPublish)
        {
            return EditOutcome.Refused("Only Editors and Admins can delete terms.");
        }
        if (term.Version != version)
        {
            return await ConflictAsync(id, cancellationToken);
        }
        if (term.Status is TermStatus.Published or TermStatus.Retired)
        {
            // A retired term's address, and its versions', still answer readers and citations.
            return EditOutcome.Refused(term.Status == TermStatus.Retired
                ? "A retired term's address still answers readers and citations: reinstate and unpublish it before deleting it."
                : "Readers can see this term: unpublish it before deleting it.");
        }
        db.Terms.Remove(term);
        audit.Add(AuditActions.TermDeleted, term.Slug, term.Title);
        return await CommitAsync(term, version, cancellationToken);
    }
}
