using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>An accepted term as the report and the checks of the whole import see it.</summary>
internal sealed record AcceptedTerm(ImportLine Where, string Title, string Slug, string Language, string? TranslationOf, IReadOnlyList<string> Related);

/// <summary>
/// The glossary's terms as an import meets them: by language and slug, translations by language
/// and their original's slug, each translation's original by its id, each term's title by its
/// id, and the terms' titles and other names by language and skeleton (<see cref="TermName.KeyOf"/>).
/// </summary>
internal sealed record ExistingTerms(
    Dictionary<(string Language, string Slug), int> BySlug,
    Dictionary<(string Language, string Original), int> Translations,
    Dictionary<int, string> OriginalOf,
    Dictionary<int, string> TitleOf,
    Dictionary<(string Language, string Skeleton), List<(int TermId, string Name)>> Names)
{
    /// <summary>Each term's slug, by its id.</summary>
    public Dictionary<int, string> SlugOf { get; } = BySlug.ToDictionary(entry => entry.Value, entry => entry.Key.Slug);
}

/// <summary>
/// Checks an import's records one by one, as they are read: what is skipped and why, what is
/// rejected and why, and what is accepted, in the form the term editor writes.
/// </summary>
internal sealed class ImportCheck(
    ImportReport report, ImportOptions options, IReadOnlyCollection<string> offered, List<Category> categories, Category? joined,
    ExistingTerms existing, DateOnly today, string format, ImportSpool spool)
{
    private readonly Dictionary<(string Language, string Slug), ImportLine> seen = [];
    private readonly Dictionary<(string Language, string Original), ImportLine> translated = [];
    private readonly Dictionary<int, ImportLine> claimed = [];
    private readonly Dictionary<string, List<ImportLine>> missingCategories = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(ImportLine Where, string Language, string Target)> glossaryLinks = [];
    private readonly ImportNames names = new(existing);

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
        if (record.EmptyInSource)
        {
            report.Skipped.Add(where with { Message = $"\"{Named(record)}\" has a title and no text in its source: there is nothing of it to import." });
            return;
        }
        var language = (record.Language ?? Languages.Default).ToLowerInvariant();
        if (options.Language is not null && language != options.Language)
        {
            report.Skipped.Add(where with { Message = $"\"{Named(record)}\" is in language \"{language}\"; this import takes \"{options.Language}\"." });
            return;
        }
        if (!offered.Contains(language))
        {
            report.Skipped.Add(where with { Message = $"\"{Named(record)}\" is in language \"{language}\", which the site is not offered in (Languages:Offered)." });
            return;
        }
        if (TranslationProblem(record, language, where) is { } translationProblem)
        {
            report.Rejected.Add(where with { Message = translationProblem });
            return;
        }
        if (StatusOf(options.Status ?? record.Status) is not { } status)
        {
            report.Rejected.Add(where with { Message = $"The status \"{record.Status}\" is none of {string.Join(", ", TermStatusNames.All.Keys)}." });
            return;
        }
        var content = TermValidation.Tidied(ContentOf(record, language, where));
        var problems = TermValidation.Problems(content, today);
        if (problems.Count > 0)
        {
            report.Rejected.Add(where with { Message = $"\"{Named(record)}\": {string.Join(" ", problems.Values)}" });
            return;
        }
        if (record.SlugMadeUp && record.TranslationOf is { } madeFor
            && existing.Translations.TryGetValue((language, madeFor), out var translationId))
        {
            // The translation the glossary has keeps its slug: the source never gave one.
            content = content with { Slug = existing.SlugOf[translationId] };
        }
        else if (record.SlugMadeUp && TakenByAnotherTranslation(record, language, content.Slug))
        {
            // A slug the source never gave, made from a title another translation has too.
            var free = Enumerable.Range(2, int.MaxValue - 2).Select(number => $"{content.Slug}-{number}")
                .First(candidate => !Known(language, candidate));
            report.Warnings.Add(where with { Message = $"\"{Named(record)}\" has the title of another term in \"{language}\", so its slug is \"{free}\", not \"{content.Slug}\"." });
            content = content with { Slug = free };
        }
        if (seen.TryGetValue((language, content.Slug), out var first))
        {
            report.Rejected.Add(where with { Message = $"The slug \"{content.Slug}\" was already used in {first.File}, line {first.Line}." });
            return;
        }
        seen[(language, content.Slug)] = where;
        if (ExistingFor(record, language, content.Slug, where, out var existingId) is { } existingProblem)
        {
            report.Rejected.Add(where with { Message = existingProblem });
            return;
        }
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
        if (names.ProblemWith(content, language, existingId) is { } lookalike)
        {
            report.Rejected.Add(where with { Message = $"\"{Named(record)}\": {lookalike}" });
            return;
        }
        // Noon UTC keeps the date the same in every US time zone.
        var modified = record.Modified?.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        if (!origins.TryGetValue(item.File, out var origin))
        {
            origins[item.File] = origin = $"Imported from {item.File} ({format})";
        }
        if (item.Note is not null)
        {
            report.Warnings.Add(where with { Message = item.Note });
        }
        if (record.TranslationOf is { } translates)
        {
            translated[(language, translates)] = where;
        }
        names.Add(content, language);
        spool.Add(new ImportedTerm(content, status, origin, existingId, modified, language, record.TranslationOf));
        Accepted.Add(new AcceptedTerm(where, content.Title, content.Slug, language, record.TranslationOf, content.RelatedSlugs));
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
        foreach (var (where, _, target) in glossaryLinks.Where(link => !Known(link.Language, link.Target)))
        {
            report.Warnings.Add(where with { Message = $"Links to the glossary term \"{target}\", which neither the glossary nor this import has." });
        }
        ReportUnpaired();
    }

    /// <summary>Whether the glossary's term with this slug translates another original than the record's.</summary>
    private bool TakenByAnotherTranslation(TermRecord record, string language, string slug) =>
        !existing.Translations.ContainsKey((language, record.TranslationOf ?? ""))
        && existing.BySlug.TryGetValue((language, slug), out var id)
        && existing.OriginalOf.TryGetValue(id, out var other) && other != record.TranslationOf;

    private bool Known(string language, string slug) => seen.ContainsKey((language, slug)) || existing.BySlug.ContainsKey((language, slug));

    /// <summary>What is wrong with a record's pairing with its original, or null.</summary>
    private string? TranslationProblem(TermRecord record, string language, ImportLine where)
    {
        if (record.TranslationOf is not { } original)
        {
            return null;
        }
        if (language == Languages.Default)
        {
            return $"\"{Named(record)}\" is in English, so it translates no other term; translationOf is for terms in other languages.";
        }
        if (!Slug.IsValid(original))
        {
            return $"\"{Named(record)}\" translates \"{original}\", which is not a slug.";
        }
        return translated.TryGetValue((language, original), out var first)
            ? $"\"{Named(record)}\" translates \"{original}\" into \"{language}\", as {first.File}, line {first.Line} already does."
            : null;
    }

    /// <summary>
    /// The glossary's term a record updates, or null for a new one. A translation updates its
    /// original's translation, whatever its slug; otherwise the term with its slug, unless that
    /// term translates another original, or another record of the import updates it already.
    /// </summary>
    private string? ExistingFor(TermRecord record, string language, string slug, ImportLine where, out int? existingId)
    {
        existingId = null;
        if (record.TranslationOf is { } original && existing.Translations.TryGetValue((language, original), out var translation))
        {
            existingId = translation;
        }
        else if (existing.BySlug.TryGetValue((language, slug), out var id))
        {
            if (existing.OriginalOf.TryGetValue(id, out var other) && other != record.TranslationOf)
            {
                return $"\"{Named(record)}\" has the slug \"{slug}\" in \"{language}\", which the translation of \"{other}\" has; give it a slug of its own.";
            }
            existingId = id;
        }
        if (existingId is { } claimedId)
        {
            if (claimed.TryGetValue(claimedId, out var first))
            {
                return $"\"{Named(record)}\" would update the same term as {first.File}, line {first.Line}.";
            }
            claimed[claimedId] = where;
        }
        return null;
    }

    /// <summary>
    /// In an import that brings translations: those whose original is nowhere, those without
    /// one, and originals left without a translation in a language the import brings.
    /// </summary>
    private void ReportUnpaired()
    {
        var languages = Accepted.Select(term => term.Language).Where(language => language != Languages.Default).ToHashSet();
        if (languages.Count == 0)
        {
            return;
        }
        foreach (var term in Accepted.Where(term => term.Language != Languages.Default))
        {
            if (term.TranslationOf is null)
            {
                report.Warnings.Add(term.Where with { Message = $"\"{term.Title}\" ({term.Language}) is paired with no English term: imported on its own." });
            }
            else if (!Known(Languages.Default, term.TranslationOf))
            {
                report.Warnings.Add(term.Where with { Message = $"\"{term.Title}\" ({term.Language}) translates \"{term.TranslationOf}\", which neither the glossary nor this import has: imported on its own." });
            }
        }
        var translations = Accepted.Where(term => term.TranslationOf is not null).Select(term => (term.Language, term.TranslationOf!)).ToHashSet();
        foreach (var original in Accepted.Where(term => term.Language == Languages.Default))
        {
            foreach (var language in languages.Order(StringComparer.Ordinal).Where(language =>
                !translations.Contains((language, original.Slug)) && !existing.Translations.ContainsKey((language, original.Slug))))
            {
                report.Warnings.Add(original.Where with { Message = $"\"{original.Title}\" has no translation into \"{language}\": it is shown in English only." });
            }
        }
    }

    private string? RelatedProblem(AcceptedTerm term)
    {
        if (term.Related.Contains(term.Slug))
        {
            return $"\"{term.Title}\" is related to itself; take it out of its related terms.";
        }
        var nowhere = term.Related.Where(slug => !Known(term.Language, slug)).ToList();
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

    private TermContent ContentOf(TermRecord record, string language, ImportLine where)
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
            glossaryLinks.AddRange(ImportedText.GlossaryTargets(cleaned).Select(target => (where, language, target)));
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
        var (translations, problem) = CategoryRecords.TranslationsOf(category, offered);
        var taken = translations.FirstOrDefault(translation => categories.Any(known =>
            known.Translations.Any(other => other.Language == translation.Language && other.Slug == translation.Slug)));
        if (problem is not null || taken is not null)
        {
            report.Rejected.Add(where with { Message = problem ?? $"The category \"{category.Name}\" has the slug \"{taken!.Slug}\" in \"{taken.Language}\", which another category has there." });
            return;
        }
        var made = new Category
        {
            Id = -(NewCategories.Count + 1), Slug = slug, Name = category.Name.Trim(), Description = category.Description?.Trim() ?? "", Translations = translations,
        };
        NewCategories.Add(made);
        categories.Add(made);
    }

    /// <summary>The status a record gives (published when it gives none), or null when it names none we know.</summary>
    private static TermStatus? StatusOf(string? name) =>
        name is null ? TermStatus.Published
            : TermStatusNames.Parse(name);

    private static string Named(TermRecord record) => record.Title.Length > 0 ? record.Title : record.Slug ?? "(untitled)";
}
