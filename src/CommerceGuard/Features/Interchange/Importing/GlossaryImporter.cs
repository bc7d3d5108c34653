using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>
/// Brings records from any source into the glossary. Everything is checked first; a single
/// rejected record and nothing is written, and the report says, per record, the file, the line
/// and why. The writing itself is the term editor's, in one transaction.
/// </summary>
public sealed class GlossaryImporter(
    GlossaryDb db, TermEditor editor, CategoryEditor categoryEditor, TimeProvider time, IOptions<InterchangeOptions> limits, OfferedLanguages offered)
{
    /// <summary>Reads a file or folder in a format, in the languages the options ask for, and imports it.</summary>
    public Task<ImportReport> ImportAsync(
        InterchangeFormat format, string path, ImportOptions options, StaffMember who, IWorkProgress? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(format.Read!(path, new SourceLanguages(options.Language, offered.Codes)), format.Name, options, who, progress, cancellationToken);

    public async Task<ImportReport> ImportAsync(
        IEnumerable<SourceItem> items, string format, ImportOptions options, StaffMember who,
        IWorkProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport { DryRun = options.DryRun };
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var joined = options.Category is null ? null : FindCategory(categories, options.Category);
        if (options.Category is not null && joined is null)
        {
            report.Rejected.Add(new ImportLine("", 0, $"There is no category \"{options.Category}\" to put the terms in."));
            return report;
        }
        if (options.Status is not (null or "draft" or "published"))
        {
            report.Rejected.Add(new ImportLine("", 0, $"--status is draft or published, not \"{options.Status}\"."));
            return report;
        }
        if (options.Language is not null && !offered.IsOffered(options.Language))
        {
            report.Rejected.Add(new ImportLine("", 0, $"The site is not offered in \"{options.Language}\"; it is offered in {string.Join(", ", offered.Codes)} (Languages:Offered)."));
            return report;
        }
        using var spool = new ImportSpool();
        var check = new ImportCheck(report, options, offered.Codes, categories, joined, await ExistingAsync(cancellationToken),
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), format, spool);
        var terms = 0;
        foreach (var item in items)
        {
            if (item.Category is null && ++terms > limits.Value.MaxTerms)
            {
                report.Rejected.Add(new ImportLine(item.File, item.Line,
                    $"The import holds more than {limits.Value.MaxTerms:N0} terms, the most one import takes ({InterchangeOptions.Section}:{nameof(InterchangeOptions.MaxTerms)}); split it, or raise the limit."));
                break;
            }
            check.Add(item);
            progress?.Report("Reading", terms);
        }
        check.Finish();
        report.Acceptable = check.Accepted.Count;
        if (!report.Succeeded)
        {
            return report;
        }
        await ClassifyAsync(check, spool, report, options, who, progress, cancellationToken);
        return report;
    }

    /// <summary>Writes the accepted terms (unless it is a dry run) and lists each as created, updated or unchanged.</summary>
    private async Task ClassifyAsync(
        ImportCheck check, ImportSpool spool, ImportReport report, ImportOptions options, StaffMember who, IWorkProgress? progress,
        CancellationToken cancellationToken)
    {
        report.CategoriesCreated = check.NewCategories.Count;
        List<ImportResult> results;
        if (options.DryRun)
        {
            results = [];
            foreach (var term in spool.Read())
            {
                results.Add(await WouldChangeAsync(term, cancellationToken));
            }
        }
        else
        {
            // Categories and terms are written together: all of them, or none.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await categoryEditor.AddForImportAsync(check.NewCategories, cancellationToken);
            var terms = spool.Read().Select(term => term with
            {
                Content = term.Content with { CategoryIds = [.. term.Content.CategoryIds.Select(id => ids.GetValueOrDefault(id, id))] },
            });
            results = await editor.ImportAsync(terms, who, done => progress?.Report("Writing", done, spool.Count), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await SqliteStatistics.RefreshAsync(db, cancellationToken);
        }
        for (var i = 0; i < check.Accepted.Count; i++)
        {
            var accepted = check.Accepted[i];
            var line = accepted.Where with { Message = $"{accepted.Title} ({accepted.Slug})" };
            (results[i] switch
            {
                ImportResult.Created => report.Created,
                ImportResult.Updated => report.Updated,
                _ => report.Unchanged,
            }).Add(line);
        }
    }

    private async Task<ExistingTerms> ExistingAsync(CancellationToken cancellationToken)
    {
        var terms = await db.Terms.AsNoTracking().Select(term => new { term.Id, term.Language, term.Slug, term.Title, term.TranslationOfId }).ToListAsync(cancellationToken);
        var slugs = terms.ToDictionary(term => term.Id, term => term.Slug);
        var translations = terms.Where(term => term.TranslationOfId is { } original && slugs.ContainsKey(original)).ToList();
        return new ExistingTerms(
            terms.ToDictionary(term => (term.Language, term.Slug), term => term.Id),
            translations.ToDictionary(term => (term.Language, slugs[term.TranslationOfId!.Value]), term => term.Id),
            translations.ToDictionary(term => term.Id, term => slugs[term.TranslationOfId!.Value]),
            terms.ToDictionary(term => term.Id, term => term.Title),
            await NamesAsync(slugs, cancellationToken));
    }

    /// <summary>
    /// The glossary's titles and other names by language and skeleton, read once per import from
    /// the index of names (a narrow table) rather than from every term; those of a term written
    /// since the terms were read are left out, as the term is.
    /// </summary>
    private async Task<Dictionary<(string Language, string Skeleton), List<(int TermId, string Name)>>> NamesAsync(
        Dictionary<int, string> known, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(string Language, string Skeleton), List<(int TermId, string Name)>>();
        var rows = db.TermNames.AsNoTracking().Select(name => new { name.TermId, name.Language, name.Skeleton, name.Name }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (known.ContainsKey(row.TermId))
            {
                var key = (row.Language, row.Skeleton);
                (names.TryGetValue(key, out var list) ? list : names[key] = []).Add((row.TermId, row.Name));
            }
        }
        return names;
    }

    private async Task<ImportResult> WouldChangeAsync(ImportedTerm term, CancellationToken cancellationToken)
    {
        if (term.ExistingId is not { } id)
        {
            return ImportResult.Created;
        }
        var draft = await editor.LoadAsync(id, cancellationToken);
        var changed = draft is null || term.Content.ChangedFrom(draft.Content).Count > 0
            || (term.Publish && draft.Term.Status != TermStatus.Published);
        return changed ? ImportResult.Updated : ImportResult.Unchanged;
    }

    internal static Category? FindCategory(IEnumerable<Category> categories, string name) =>
        categories.FirstOrDefault(category =>
            category.Slug.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase) || category.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
}
