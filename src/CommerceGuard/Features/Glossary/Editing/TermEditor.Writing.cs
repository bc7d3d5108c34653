using CommerceGuard.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Editing;

public sealed partial class TermEditor
{
    private const string OnlyEditorsPublish = "Only Editors and Admins can publish or unpublish.";
    private const string SlugTakenMeanwhile = "Another term took this slug a moment ago; choose another.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Writes content as the term's newest revision. Readers see it at once only when the term is
    /// not published (they see nothing) or when it is being published.
    /// </summary>
    private async Task<EditOutcome> WriteAsync(
        Term term, TermContent content, string? summary, StaffMember who, bool publish, CancellationToken cancellationToken)
    {
        var problems = await ProblemsAsync(content, term.Language, term.Id, cancellationToken);
        if (problems.Count > 0)
        {
            return new EditOutcome { Problems = problems };
        }
        var changed = content.ChangedFrom(await WorkingContentAsync(term, cancellationToken));
        if (changed.Count == 0 && !publish)
        {
            return EditOutcome.Done(term.Id);
        }
        var number = await LatestRevisionAsync(term, cancellationToken);
        if (changed.Count > 0)
        {
            number++;
            db.Revisions.Add(await NewRevisionAsync(term.Id, number, content, summary ?? Summary(changed), changed, who, cancellationToken));
        }
        if (term.Status == TermStatus.Published && !publish)
        {
            term.PendingRevision = number;
            term.PendingStatus ??= TermStatus.Draft;
        }
        else
        {
            await ApplyAsync(term, content, cancellationToken);
            term.ContentRevision = number;
            if (publish)
            {
                (term.Status, term.PublishedRevision, term.PendingRevision, term.PendingStatus) = (TermStatus.Published, number, null, null);
                audit.Add(AuditActions.TermPublished, term.Slug, $"{term.Title}, revision {number}");
            }
        }
        term.Version++;
        return await CommitAsync(term, cancellationToken);
    }

    private async Task MakeMoveAsync(Term term, WorkflowMove move, CancellationToken cancellationToken)
    {
        switch (move)
        {
            case WorkflowMove.Submit or WorkflowMove.Withdraw:
                var status = move == WorkflowMove.Submit ? TermStatus.InReview : TermStatus.Draft;
                if (term.PendingRevision is null)
                {
                    term.Status = status;
                }
                else
                {
                    term.PendingStatus = status;
                }
                break;
            case WorkflowMove.Unpublish:
                // Readers stop seeing the term, so a next version in progress can become its text.
                if (term.PendingRevision is not null)
                {
                    await ApplyAsync(term, await WorkingContentAsync(term, cancellationToken), cancellationToken);
                    (term.ContentRevision, term.PendingRevision, term.PendingStatus) = (term.PendingRevision, null, null);
                }
                term.Status = TermStatus.Unpublished;
                break;
            case WorkflowMove.Redraft:
                term.Status = TermStatus.Draft;
                break;
            case WorkflowMove.Discard:
                (term.PendingRevision, term.PendingStatus) = (null, null);
                break;
        }
        var action = move switch
        {
            WorkflowMove.Submit => AuditActions.TermSubmitted,
            WorkflowMove.Withdraw => AuditActions.TermWithdrawn,
            WorkflowMove.Unpublish => AuditActions.TermUnpublished,
            WorkflowMove.Redraft => AuditActions.TermRedrafted,
            _ => AuditActions.TermChangesDiscarded,
        };
        audit.Add(action, term.Slug, term.Title);
    }

    /// <summary>Writes content into the term's own columns, keeping its old address answering.</summary>
    private async Task ApplyAsync(Term term, TermContent content, CancellationToken cancellationToken)
    {
        var formerSlug = term.Slug;
        var categories = await db.Categories.Where(category => content.CategoryIds.Contains(category.Id)).ToListAsync(cancellationToken);
        content.ApplyTo(term, categories);
        term.ModifiedAt = Now;
        var redirects = await db.TermRedirects
            .Where(redirect => redirect.Language == term.Language && (redirect.Slug == formerSlug || redirect.Slug == content.Slug))
            .ToListAsync(cancellationToken);
        // A slug a term holds now is its own address, whatever term held it before.
        db.TermRedirects.RemoveRange(redirects.Where(redirect => redirect.Slug == content.Slug));
        if (term.Id != 0 && formerSlug != content.Slug)
        {
            var old = redirects.SingleOrDefault(redirect => redirect.Slug == formerSlug);
            if (old is null)
            {
                db.TermRedirects.Add(new TermRedirect { Language = term.Language, Slug = formerSlug, TermId = term.Id });
            }
            else
            {
                old.TermId = term.Id;
            }
        }
    }

    private async Task<TermContent> WorkingContentAsync(Term term, CancellationToken cancellationToken)
    {
        if (term.PendingRevision is not { } pending)
        {
            return TermContent.Of(term);
        }
        var revision = await db.Revisions.AsNoTracking()
            .SingleAsync(revision => revision.TermId == term.Id && revision.Number == pending, cancellationToken);
        return revision.ReadContent();
    }

    private Task<Term?> TrackedAsync(int id, CancellationToken cancellationToken) =>
        db.Terms.Include(term => term.Categories).SingleOrDefaultAsync(term => term.Id == id, cancellationToken);

    /// <summary>
    /// The newest revision's number. A term loaded from a file or the starter glossary has none
    /// yet, so its text as loaded becomes revision 1 before anything replaces it.
    /// </summary>
    private async Task<int> LatestRevisionAsync(Term term, CancellationToken cancellationToken)
    {
        var latest = await db.Revisions.Where(revision => revision.TermId == term.Id)
            .MaxAsync(revision => (int?)revision.Number, cancellationToken);
        if (latest is { } number)
        {
            return number;
        }
        db.Revisions.Add(new Revision
        {
            TermId = term.Id,
            Number = 1,
            At = term.ModifiedAt,
            AuthorName = "Imported",
            Summary = "The text as it was loaded",
            Content = Revision.Write(TermContent.Of(term)),
        });
        term.PublishedRevision ??= term.Status == TermStatus.Published ? 1 : null;
        term.ContentRevision = 1;
        return 1;
    }

    private async Task<Revision> NewRevisionAsync(
        int termId, int number, TermContent content, string summary, IReadOnlyList<string> changed, StaffMember who,
        CancellationToken cancellationToken)
    {
        var name = await db.Users.Where(account => account.Id == who.AccountId)
            .Select(account => account.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new Revision
        {
            TermId = termId,
            Number = number,
            At = Now,
            AccountId = who.AccountId,
            AuthorName = string.IsNullOrWhiteSpace(name) ? who.Email : $"{name} <{who.Email}>",
            Summary = summary.Length <= Revision.SummaryMaxLength ? summary.Trim() : summary[..Revision.SummaryMaxLength],
            Changed = string.Join(',', changed),
            Content = Revision.Write(content),
        };
    }

    private async Task<EditOutcome> CommitAsync(Term term, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditOutcome.Done(term.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: their save stands, ours is shown to merge.
            db.ChangeTracker.Clear();
            return await ConflictAsync(term.Id, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return EditOutcome.Refused(SlugTakenMeanwhile, TermFields.Slug);
        }
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<EditOutcome> ConflictAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await LoadAsync(id, cancellationToken) is not { } current)
        {
            return new EditOutcome { Missing = true };
        }
        var latest = await db.Revisions.AsNoTracking().Where(revision => revision.TermId == id)
            .OrderByDescending(revision => revision.Number).FirstOrDefaultAsync(cancellationToken);
        return new EditOutcome
        {
            TermId = id,
            Conflict = new EditConflict(current.Content, current.Term.Version, latest?.AuthorName, latest?.At),
        };
    }

    private static string Describe(Term term) => term.PendingStatus switch
    {
        TermStatus.Draft => "published with a draft of its next version",
        TermStatus.InReview => "published with its next version in review",
        _ => TermStatuses.Describe(term.Status),
    };

    private static string Done(WorkflowMove move) => move switch
    {
        WorkflowMove.Submit => "submitted for review",
        WorkflowMove.Withdraw => "taken back from review",
        WorkflowMove.Publish => "published",
        WorkflowMove.Unpublish => "unpublished",
        WorkflowMove.Redraft => "returned to draft",
        _ => "rid of a next version it does not have",
    };

    /// <summary>"Changed the definition and examples."</summary>
    private static string Summary(IReadOnlyList<string> changed)
    {
        var names = changed.Select(TermFields.Label).ToList();
        var list = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        return $"Changed the {list}";
    }
}
