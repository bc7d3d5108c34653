namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>
/// A term an import brings: its content, whether readers should see it, where it came from (for
/// its first revision), the term it updates if its slug exists, and the "Last Modified" the
/// source gives, kept for a new term (null: now).
/// </summary>
public sealed record ImportedTerm(TermContent Content, bool Publish, string Origin, int? ExistingId, DateTime? Modified = null);

/// <summary>What an import did to one term.</summary>
public enum ImportResult
{
    Created,
    Updated,
    Unchanged,
}

public sealed partial class TermEditor
{
    /// <summary>
    /// Writes an import's terms in one transaction: all of them or none. A new term's first
    /// revision names its origin; an existing term gets a new revision only when the import says
    /// something new, so importing the same file twice changes nothing the second time.
    /// </summary>
    public async Task<IReadOnlyList<ImportResult>> ImportAsync(
        IReadOnlyList<ImportedTerm> terms, StaffMember who, CancellationToken cancellationToken = default)
    {
        var results = new List<ImportResult>(terms.Count);
        // Joins the caller's transaction (which also writes the import's categories), or opens its own.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            foreach (var imported in terms)
            {
                results.Add(imported.ExistingId is { } id
                    ? await UpdateFromImportAsync(id, imported, who, cancellationToken)
                    : await CreateFromImportAsync(imported, who, cancellationToken));
            }
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        db.ChangeTracker.Clear();
        return results;
    }

    private async Task<ImportResult> CreateFromImportAsync(ImportedTerm imported, StaffMember who, CancellationToken cancellationToken)
    {
        var content = imported.Content;
        var now = imported.Modified ?? Now;
        var term = new Term
        {
            Title = content.Title,
            Slug = content.Slug,
            Language = Languages.Default,
            Status = imported.Publish ? TermStatus.Published : TermStatus.Draft,
            PublishedRevision = imported.Publish ? 1 : null,
            ContentRevision = 1,
            CreatedAt = now,
            ModifiedAt = now,
            Version = 1,
        };
        await ApplyAsync(term, content, becomesPublic: imported.Publish, cancellationToken);
        term.ModifiedAt = now;
        db.Terms.Add(term);
        await db.SaveChangesAsync(cancellationToken);
        db.Revisions.Add(await NewRevisionAsync(term.Id, 1, content, imported.Origin, [], who, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return ImportResult.Created;
    }

    private async Task<ImportResult> UpdateFromImportAsync(int id, ImportedTerm imported, StaffMember who, CancellationToken cancellationToken)
    {
        var term = await TrackedAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Term {id} went away during the import.");
        var content = await ResolvedAsync(imported.Content, term.Language, cancellationToken);
        var publish = imported.Publish && term.Status != TermStatus.Published;
        if (content.ChangedFrom(await WorkingContentAsync(term, cancellationToken)).Count == 0 && !publish)
        {
            return ImportResult.Unchanged;
        }
        // A published term that the import keeps published is updated where readers see it.
        var outcome = await WriteAsync(term, content, imported.Origin, who, imported.Publish, restoring: null, cancellationToken);
        return outcome.Succeeded
            ? ImportResult.Updated
            : throw new InvalidOperationException($"Term {id} could not be updated: {string.Join(" ", outcome.Problems.Values)}");
    }
}
