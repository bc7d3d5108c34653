using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Glossary.Versions;
using CommerceGuard.Features.Operations;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Editing;

public sealed partial class TermEditor
{
    private const string OnlyEditorsPublish = "Only Editors and Admins can publish or unpublish.";
    private const string SlugTakenMeanwhile = "Another term took this slug a moment ago; choose another.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Writes content as the term's newest revision. Readers see it at once only when the term is
    /// not published (they see nothing) or when it is being published. A restore names the
    /// revision it restores, for the audit log.
    /// </summary>
    private async Task<EditOutcome> WriteAsync(
        Term term, TermContent content, string? summary, StaffMember who, bool publish, int? restoring, CancellationToken cancellationToken)
    {
        var problems = await ProblemsAsync(content, term.Language, term.Id, cancellationToken);
        if (problems.Count > 0)
        {
            return new EditOutcome { Problems = problems };
        }
        var changed = content.ChangedFrom(await WorkingContentAsync(term, cancellationToken));
        if (changed.Count == 0 && !publish)
        {
            return restoring is null
                ? EditOutcome.Done(term.Id, term.Version)
                : EditOutcome.Refused($"Revision {restoring} says what the term says now: there is nothing to restore.");
        }
        var started = term.Version;
        // Unchanged content is the revision the working copy already is, not the newest one,
        // which may be a next version that was discarded.
        var number = changed.Count > 0
            ? await LatestRevisionAsync(term, cancellationToken) + 1
            : term.PendingRevision ?? term.ContentRevision ?? await LatestRevisionAsync(term, cancellationToken);
        if (changed.Count > 0)
        {
            db.Revisions.Add(await NewRevisionAsync(term.Id, number, content, summary ?? Summary(changed), changed, who, cancellationToken));
            if (restoring is not null)
            {
                audit.Add(AuditActions.TermRestored, term.Slug, $"{term.Title}, revision {restoring} as revision {number}");
            }
        }
        // A retired term's page still shows its text, so a change to it waits like a published term's.
        if (term.Status is TermStatus.Published or TermStatus.Retired && !publish)
        {
            term.PendingRevision = number;
            term.PendingStatus ??= TermStatus.Draft;
        }
        else
        {
            await ApplyAsync(term, content, becomesPublic: publish, cancellationToken);
            term.ContentRevision = number;
            if (publish)
            {
                (term.Status, term.PublishedRevision, term.PendingRevision, term.PendingStatus) = (TermStatus.Published, number, null, null);
                // Publishing a retired term brings it back: nothing replaces it any more.
                term.ReplacedById = null;
                audit.Add(AuditActions.TermPublished, term.Slug, $"{term.Title}, revision {number}");
                var reason = summary ?? (changed.Count > 0 ? Summary(changed) : await RevisionSummaryAsync(term.Id, number, cancellationToken));
                await AddVersionAsync(term.Id, number, reason, cancellationToken);
            }
        }
        term.Version++;
        return await CommitAsync(term, started, cancellationToken);
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
                    await ApplyAsync(term, await WorkingContentAsync(term, cancellationToken), becomesPublic: false, cancellationToken);
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
            case WorkflowMove.Reinstate:
                (term.Status, term.ReplacedById) = (TermStatus.Published, null);
                break;
        }
        var action = move switch
        {
            WorkflowMove.Submit => AuditActions.TermSubmitted,
            WorkflowMove.Withdraw => AuditActions.TermWithdrawn,
            WorkflowMove.Unpublish => AuditActions.TermUnpublished,
            WorkflowMove.Redraft => AuditActions.TermRedrafted,
            WorkflowMove.Reinstate => AuditActions.TermReinstated,
            _ => AuditActions.TermChangesDiscarded,
        };
        audit.Add(action, term.Slug, term.Title);
    }

    /// <summary>
    /// Writes content into the term's own columns. Addresses are the readers': a published
    /// term's old slug keeps answering with a redirect, and a slug becomes a term's own address,
    /// replacing a redirect that held it, only once readers can see the term there.
    /// </summary>
    private async Task ApplyAsync(Term term, TermContent content, bool becomesPublic, CancellationToken cancellationToken)
    {
        var formerSlug = term.Slug;
        var wasPublic = term.Status is TermStatus.Published or TermStatus.Unpublished or TermStatus.Retired;
        var categories = await db.Categories.Where(category => content.CategoryIds.Contains(category.Id)).ToListAsync(cancellationToken);
        content.ApplyTo(term, categories);
        await KeepNamesAsync(term, cancellationToken);
        term.ModifiedAt = Now;
        var redirects = await db.TermRedirects
            .Where(redirect => redirect.Language == term.Language && (redirect.Slug == formerSlug || redirect.Slug == content.Slug))
            .ToListAsync(cancellationToken);
        if (becomesPublic || term.Status == TermStatus.Published)
        {
            db.TermRedirects.RemoveRange(redirects.Where(redirect => redirect.Slug == content.Slug));
        }
        var formerIsRedirected = redirects.Any(redirect => redirect.Slug == formerSlug);
        if (wasPublic && formerSlug != content.Slug && !formerIsRedirected)
        {
            db.TermRedirects.Add(new TermRedirect { Language = term.Language, Slug = formerSlug, TermId = term.Id });
        }
    }

    /// <summary>Brings the term's <see cref="TermName"/> rows in line with its title and other names, in the same save.</summary>
    private async Task KeepNamesAsync(Term term, CancellationToken cancellationToken)
    {
        var wanted = TermName.Of(term).ToList();
        var stored = term.Id == 0 ? [] : await db.TermNames.Where(name => name.TermId == term.Id).ToListAsync(cancellationToken);
        db.TermNames.RemoveRange(stored.Where(row => !wanted.Exists(name => name.Name == row.Name)));
        foreach (var name in wanted)
        {
            if (stored.Find(row => row.Name == name.Name) is { } row)
            {
                (row.Language, row.Skeleton) = (name.Language, name.Skeleton);
            }
            else
            {
                db.TermNames.Add(name);
            }
        }
    }

    private async Task<TermContent> WorkingContentAsync(Term term, CancellationToken cancellationToken)
    {
        if (term.PendingRevision is not { } pending)
        {
            return TermContent.Of(term);
        }
        return await RevisionAsync(term.Id, pending, cancellationToken)
            ?? throw new InvalidDataException($"Term {term.Id} names next version {pending}, which it does not have.");
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
        if (term.PublishedRevision == 1 && !await db.TermVersions.AnyAsync(version => version.TermId == term.Id, cancellationToken))
        {
            db.TermVersions.Add(NewVersion(term.Id, 1, 1, FirstPublished, term.ModifiedAt));
        }
        return 1;
    }

    private const string FirstPublished = "First published";

    /// <summary>
    /// Records that readers now see revision <paramref name="revision"/>: the term's next
    /// version, with its own permanent address. Publishing again the revision readers last saw
    /// (after unpublishing, say) is not a new version.
    /// </summary>
    private async Task AddVersionAsync(int termId, int revision, string reason, CancellationToken cancellationToken)
    {
        // One added in this save (a loaded term's first) counts too.
        var last = db.TermVersions.Local.Where(version => version.TermId == termId).MaxBy(version => version.Number)
            ?? await db.TermVersions.AsNoTracking().Where(version => version.TermId == termId).OrderByDescending(version => version.Number)
                .FirstOrDefaultAsync(cancellationToken);
        if (last?.RevisionNumber == revision)
        {
            return;
        }
        db.TermVersions.Add(NewVersion(termId, (last?.Number ?? 0) + 1, revision, reason));
    }

    private TermVersion NewVersion(int termId, int number, int revision, string reason, DateTime? at = null) => new()
    {
        TermId = termId,
        Number = number,
        RevisionNumber = revision,
        PublishedAt = at ?? Now,
        Reason = reason.Length <= Revision.SummaryMaxLength ? reason.Trim() : reason[..Revision.SummaryMaxLength],
    };

    /// <summary>The line saved with a revision; "Published" for one not saved yet (a loaded term's first).</summary>
    private async Task<string> RevisionSummaryAsync(int termId, int number, CancellationToken cancellationToken) =>
        await db.Revisions.Where(revision => revision.TermId == termId && revision.Number == number)
            .Select(revision => revision.Summary).SingleOrDefaultAsync(cancellationToken) ?? "Published";

    private async Task<Revision> NewRevisionAsync(
        int termId, int number, TermContent content, string summary, IReadOnlyList<string> changed, StaffMember who,
        CancellationToken cancellationToken) =>
        NewRevision(termId, number, content, summary, changed, who, await AuthorNameAsync(who, cancellationToken));

    /// <summary>How a revision names its author: "Name &lt;email&gt;", or the email alone.</summary>
    private async Task<string> AuthorNameAsync(StaffMember who, CancellationToken cancellationToken)
    {
        var name = await db.Users.Where(account => account.Id == who.AccountId)
            .Select(account => account.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name) ? who.Email : $"{name} <{who.Email}>";
    }

    private Revision NewRevision(
        int termId, int number, TermContent content, string summary, IReadOnlyList<string> changed, StaffMember who, string author) => new()
        {
            TermId = termId,
            Number = number,
            At = Now,
            AccountId = who.AccountId,
            AuthorName = author,
            Summary = summary.Length <= Revision.SummaryMaxLength ? summary.Trim() : summary[..Revision.SummaryMaxLength],
            Changed = string.Join(',', changed),
            Content = Revision.Write(content),
        };

    /// <summary>Saves the change; <paramref name="started"/> is the version it began from.</summary>
    private async Task<EditOutcome> CommitAsync(Term term, int started, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditOutcome.Done(term.Id, term.Version);
        }
        catch (DbUpdateException error) when (!DatabaseOutage.IsOutOfSpace(error))
        {
            // Someone saved between our read and our write. Their save stands, and ours is shown
            // to merge, whichever constraint noticed first: the version, or the revision number
            // both saves took. Otherwise another term took the slug.
            db.ChangeTracker.Clear();
            var now = await db.Terms.AsNoTracking().Where(stored => stored.Id == term.Id)
                .Select(stored => (int?)stored.Version).SingleOrDefaultAsync(cancellationToken);
            return now == started ? EditOutcome.Refused(SlugTakenMeanwhile, TermFields.Slug) : await ConflictAsync(term.Id, cancellationToken);
        }
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException error) when (!DatabaseOutage.IsOutOfSpace(error))
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
        WorkflowMove.Reinstate => "reinstated",
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
