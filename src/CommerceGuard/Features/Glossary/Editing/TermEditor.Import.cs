using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>
/// A term an import brings: its content, its status (a new term takes it; an existing one is
/// published when it says published), where it came from (for its first revision), the term it
/// updates if its slug exists, the "Last Modified" the source gives, kept for a new term (null:
/// now), the language the term is in, and for a translation the slug of its English original.
/// </summary>
public sealed record ImportedTerm(
    TermContent Content, TermStatus Status, string Origin, int? ExistingId, DateTime? Modified = null, string Language = Languages.Default,
    string? TranslationOf = null)
{
    /// <summary>Whether readers should see it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Publish => Status == TermStatus.Published;
}

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
    /// <remarks>
    /// The terms are read as they are written, as an import's may not all fit in memory; the
    /// progress callback is told how many are written after each batch.
    /// </remarks>
    public async Task<List<ImportResult>> ImportAsync(
        IEnumerable<ImportedTerm> terms, StaffMember who, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<ImportResult>();
        var pairs = new List<(int TermId, string Original)>();
        // Joins the caller's transaction (which also writes the import's categories), or opens its own.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var author = await AuthorNameAsync(who, cancellationToken);
            foreach (var batch in terms.Chunk(ImportBatchSize))
            {
                var created = new Queue<int>(await CreateAllAsync([.. batch.Where(imported => imported.ExistingId is null)], who, author, cancellationToken));
                foreach (var imported in batch)
                {
                    var id = imported.ExistingId ?? created.Dequeue();
                    results.Add(imported.ExistingId is null ? ImportResult.Created : await UpdateFromImportAsync(id, imported, who, cancellationToken));
                    if (imported.TranslationOf is { } original)
                    {
                        pairs.Add((id, original));
                    }
                }
                // What is saved need not be tracked: memory stays bounded however many terms come.
                db.ChangeTracker.Clear();
                progress?.Invoke(results.Count);
            }
            // Last, when every original of the import is written, whatever order the terms came in.
            await PairAsync(pairs, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        return results;
    }

    /// <summary>
    /// Gives terms stored whole (the starter glossary) their first revision and, for published
    /// ones, their first version, to be written by the caller's next save.
    /// </summary>
    internal void AddFirstRevisions(IEnumerable<Term> terms, string origin)
    {
        foreach (var term in terms)
        {
            db.Revisions.Add(new Revision
            {
                TermId = term.Id,
                Number = 1,
                At = term.ModifiedAt,
                AuthorName = origin,
                Summary = origin,
                Content = Revision.Write(TermContent.Of(term)),
            });
            term.ContentRevision = 1;
            if (term.Status == TermStatus.Published)
            {
                term.PublishedRevision = 1;
                db.TermVersions.Add(NewVersion(term.Id, 1, 1, FirstPublished, term.ModifiedAt));
            }
        }
    }

    /// <summary>How many terms are written in one save: large enough that saves are few, small enough to track.</summary>
    private const int ImportBatchSize = 500;

    /// <summary>
    /// Adds new terms in two saves, whatever their number: the terms, then each one's first
    /// revision. A published term takes its address back from any redirect that held it.
    /// </summary>
    /// <returns>The new terms' ids, in the batch's order.</returns>
    private async Task<List<int>> CreateAllAsync(List<ImportedTerm> batch, StaffMember who, string author, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        var categoryIds = batch.SelectMany(imported => imported.Content.CategoryIds).Distinct().ToList();
        var categories = await db.Categories.Where(category => categoryIds.Contains(category.Id)).ToDictionaryAsync(category => category.Id, cancellationToken);
        var published = batch.Where(imported => imported.Publish).Select(imported => (imported.Language, imported.Content.Slug)).ToHashSet();
        var slugs = published.Select(entry => entry.Slug).Distinct().ToList();
        var redirects = await db.TermRedirects.Where(redirect => slugs.Contains(redirect.Slug)).ToListAsync(cancellationToken);
        db.TermRedirects.RemoveRange(redirects.Where(redirect => published.Contains((redirect.Language, redirect.Slug))));
        var terms = batch.Select(imported => NewTerm(imported, categories)).ToList();
        // The change feed's interceptor looks for changes before every save, so the save need
        // not look again: for hundreds of new terms that second look is a tenth of the import.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Terms.AddRange(terms);
            db.TermNames.AddRange(terms.SelectMany(TermName.Of));
            await db.SaveChangesAsync(cancellationToken);
            db.Revisions.AddRange(terms.Select((term, index) => NewRevision(term.Id, 1, batch[index].Content, batch[index].Origin, [], who, author)));
            db.TermVersions.AddRange(terms.Where(term => term.Status == TermStatus.Published)
                .Select(term => NewVersion(term.Id, 1, 1, FirstPublished, term.ModifiedAt)));
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return [.. terms.Select(term => term.Id)];
    }

    private Term NewTerm(ImportedTerm imported, Dictionary<int, Category> categories)
    {
        var now = imported.Modified ?? Now;
        var term = new Term
        {
            Title = imported.Content.Title,
            Slug = imported.Content.Slug,
            Language = imported.Language,
            Status = imported.Status,
            PublishedRevision = imported.Publish ? 1 : null,
            ContentRevision = 1,
            CreatedAt = now,
            Version = 1,
        };
        imported.Content.ApplyTo(term, imported.Content.CategoryIds.Select(id => categories[id]));
        term.ModifiedAt = now;
        return term;
    }

    /// <summary>
    /// Pairs imported translations with their English originals, as matching the original's
    /// published revision. One whose original is nowhere (the import's report said so), whose
    /// original has a translation into its language already, or that has translations of its
    /// own, stays on its own.
    /// </summary>
    private async Task PairAsync(List<(int TermId, string Original)> pairs, CancellationToken cancellationToken)
    {
        foreach (var chunk in pairs.Chunk(ImportBatchSize))
        {
            var originalSlugs = chunk.Select(pair => pair.Original).Distinct().ToList();
            var originals = await db.Terms.AsNoTracking()
                .Where(term => term.Language == Languages.Default && term.TranslationOfId == null && originalSlugs.Contains(term.Slug))
                .Select(term => new { term.Id, term.Slug, term.PublishedRevision, Translated = db.Terms.Where(other => other.TranslationOfId == term.Id).Select(other => other.Language).ToList() })
                .ToDictionaryAsync(term => term.Slug, cancellationToken);
            var ids = chunk.Select(pair => pair.TermId).ToList();
            var translations = await db.Terms.Where(term => ids.Contains(term.Id) && term.Language != Languages.Default && !db.Terms.Any(other => other.TranslationOfId == term.Id))
                .ToDictionaryAsync(term => term.Id, cancellationToken);
            foreach (var (id, originalSlug) in chunk)
            {
                if (translations.TryGetValue(id, out var translation) && originals.TryGetValue(originalSlug, out var original)
                    && translation.TranslationOfId != original.Id && !original.Translated.Contains(translation.Language))
                {
                    // A new pairing: the translation is taken as made from the original as it is now.
                    (translation.TranslationOfId, translation.TranslatedRevision) = (original.Id, original.PublishedRevision);
                    translation.Version++;
                    original.Translated.Add(translation.Language);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
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
