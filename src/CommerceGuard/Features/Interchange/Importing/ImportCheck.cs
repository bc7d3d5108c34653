using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>An accepted term as the report and the checks of the whole import see it.</summary>
internal sealed record AcceptedTerm(ImportLine Where, string Title, string Slug, IReadOnlyList<string> Related);

/// <summary>
/// Checks an import's records one by one, as they are read: what is skipped and why, what is
/// rejected and why, and what is accepted, in the form the term editor writes.
/// </summary>
internal sealed class ImportCheck(
    ImportReport report, ImportOptions options, List<Category> categories, Category? joined,
    Dictionary<string, int> existing, DateOnly today, string format, ImportSpool spool)
{
    private readonly Dictionary<string, ImportLine> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ImportLine>> missingCategories = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(ImportLine Where, string Target)> glossaryLinks = [];

    /// <summary>
    /// Each accepted term: where it came from and what the report and the last checks need. Its
    /// content waits in the spool, in the same order.
    /// </summary>
    public List<AcceptedTerm> Accepted { get; } = [];

    /// <summary>One origin text per file, shared by its terms.</summary>
    private readonly Dictionary<string, string> origins = new(StringComparer.Ordinal);

    /// <summary>Categories the source has and the glossary does not, to be made first; their ids are negative until then.</summary>
    public List<Category> NewCategories { get; } = [];

    public void Add(SourceItem item)
    {
        var where = new ImportLine(item.File, item.Line, "");
        if (item.Category is { } category)
        {
            AddCategory(category, where);
            return;
        }
        if (item.Record is not { } record)
        {
            report.Rejected.Add(where with { Message = item.Problem ?? "The record could not be read." });
            return;
        }
        if (record.DraftInSource)
        {
            report.Skipped.Add(where with { Message = $"\"{Named(record)}\" is a draft in its source (published: false)." });
            return;
        }
        var language = record.Language ?? Languages.Default;
        if (!language.Equals(options.Language, StringComparison.OrdinalIgnoreCase))
        {
            report.Skipped.Add(where with { Message = $"\"{Named(record)}\" is in language \"{language}\"; this import takes \"{options.Language}\"." });
            return;
        }
        if (StatusOf(options.Status ?? record.Status) is not { } status)
        {
            report.Rejected.Add(where with { Message = $"The status \"{record.Status}\" is none of {string.Join(", ", TermStatusNames.All.Keys)}." });
            return;
        }
        var content = TermValidation.Tidied(ContentOf(record, where));
        var problems = TermValidation.Problems(content, today);
        if (problems.Count > 0)
        {
            report.Rejected.Add(where with { Message = $"\"{Named(record)}\": {string.Join(" ", problems.Values)}" });
            return;
        }
        if (seen.TryGetValue(content.Slug, out var first))
        {
            report.Rejected.Add(where with { Message = $"The slug \"{content.Slug}\" was already used in {first.File}, line {first.Line}." });
            return;
        }
        seen[content.Slug] = where;
        int? existingId = existing.TryGetValue(content.Slug, out var id) ? id : null;
        if (existingId is not null && options.OnConflict == OnConflict.Fail)
        {
            report.Rejected.Add(where with { Message = $"The glossary already has a term with the slug \"{content.Slug}\"." });
            return;
        }
        if (existingId is not null && options.OnConflict == OnConflict.Skip)
        {
            report.Skipped.Add(where with { Message = $"The glossary already has \"{content.Slug}\"; left as it is." });
            return;
        }
        // Noon UTC keeps the date the same in every US time zone.
        var modified = record.Modified?.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        if (!origins.TryGetValue(item.File, out var origin))
        {
            origins[item.File] = origin = $"Imported from {item.File} ({format})";
        }
        spool.Add(new ImportedTerm(content, status, origin, existingId, modified, options.Language));
        Accepted.Add(new AcceptedTerm(where, content.Title, content.Slug, content.RelatedSlugs));
    }

    /// <summary>
    /// Reports what only the whole import shows: categories that do not exist, links to terms
    /// nobody has, related terms that are nowhere (rejected unless the import allows terms not
    /// written yet) and terms related to themselves.
    /// </summary>
    public void Finish()
    {
        Accepted.RemoveAll(entry => RelatedProblem(entry) is { } problem && Reject(entry.Where with { Message = problem }));
        foreach (var (name, lines) in missingCategories)
        {
            report.Warnings.Add(new ImportLine(lines[0].File, lines[0].Line,
                $"There is no category \"{name}\": {lines.Count} term(s) naming it were imported without it."));
        }
        foreach (var (where, target) in glossaryLinks.Where(link => !seen.ContainsKey(link.Target) && !existing.ContainsKey(link.Target)))
        {
            report.Warnings.Add(where with { Message = $"Links to the glossary term \"{target}\", which neither the glossary nor this import has." });
        }
    }

    private string? RelatedProblem(AcceptedTerm term)
    {
        if (term.Related.Contains(term.Slug))
        {
            return $"\"{term.Title}\" is related to itself; take it out of its related terms.";
        }
        var nowhere = term.Related.Where(slug => !seen.ContainsKey(slug) && !existing.ContainsKey(slug)).ToList();
        if (nowhere.Count == 0 || options.AllowUnwrittenRelated)
        {
            return null;
        }
        return $"\"{term.Title}\" names related term(s) that neither the glossary nor this import has: {string.Join(", ", nowhere)}. " +
            "Add them to the import, take them out, or allow related terms not written yet (--allow-unwritten-related).";
    }

    private bool Reject(ImportLine line)
    {
        report.Rejected.Add(line);
        return true;
    }

    private TermContent ContentOf(TermRecord record, ImportLine where)
    {
        string? Text(string? text)
        {
            if (text is null)
            {
                return null;
            }
            var (cleaned, pageLinks) = ImportedText.Clean(text, options.LinkBase);
            foreach (var link in pageLinks)
            {
                report.Warnings.Add(where with
                {
                    Message = options.LinkBase is null
                        ? $"Links to {link}, a page that is not a term: the link was dropped and its text kept."
                        : $"Links to {link}, a page that is not a term: it now points to {options.LinkBase.TrimEnd('/')}{link}.",
                });
            }
            glossaryLinks.AddRange(ImportedText.GlossaryTargets(cleaned).Select(target => (where, target)));
            return cleaned;
        }

        var categoryIds = new List<int>();
        foreach (var name in record.Categories)
        {
            if (GlossaryImporter.FindCategory(categories, name) is { } category)
            {
                categoryIds.Add(category.Id);
            }
            else
            {
                (missingCategories.TryGetValue(name, out var lines) ? lines : missingCategories[name] = []).Add(where);
            }
        }
        if (joined is not null)
        {
            categoryIds.Add(joined.Id);
        }
        return new TermContent
        {
            Title = record.Title,
            Slug = record.Slug ?? "",
            Definition = Text(record.Definition) ?? "",
            Examples = [.. record.Examples.Select(example => Text(example) ?? "")],
            Misuse = Text(record.Misuse),
            Benefits = Text(record.Benefits),
            Conclusion = Text(record.Conclusion),
            RelatedSlugs = [.. record.Related.Select(related => Slug.IsValid(related) ? related : Slug.FromTitle(related))],
            Aliases = record.Aliases,
            CategoryIds = categoryIds,
            Sources = record.Sources,
            EditorNote = record.EditorNote,
            AutoLink = record.AutoLink,
        };
    }

    private void AddCategory(CategoryRecord category, ImportLine where)
    {
        var slug = string.IsNullOrWhiteSpace(category.Slug) ? Slug.FromTitle(category.Name ?? "") : category.Slug.Trim();
        if (string.IsNullOrWhiteSpace(category.Name) || category.Name.Length > CategoryEditor.NameMaxLength || !Slug.IsValid(slug)
            || category.Description?.Length > CategoryEditor.DescriptionMaxLength)
        {
            report.Rejected.Add(where with { Message = $"The category \"{category.Name}\" needs a name of at most {CategoryEditor.NameMaxLength} characters, a valid slug and a description of at most {CategoryEditor.DescriptionMaxLength}." });
            return;
        }
        if (categories.Any(known => known.Slug == slug))
        {
            return;
        }
        var made = new Category { Id = -(NewCategories.Count + 1), Slug = slug, Name = category.Name.Trim(), Description = category.Description?.Trim() ?? "" };
        NewCategories.Add(made);
        categories.Add(made);
    }

    /// <summary>The status a record gives (published when it gives none), or null when it names none we know.</summary>
    private static TermStatus? StatusOf(string? name) =>
        name is null ? TermStatus.Published
            : TermStatusNames.Parse(name);

    private static string Named(TermRecord record) => record.Title.Length > 0 ? record.Title : record.Slug ?? "(untitled)";
}
