using CommerceGuard.Data;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Operations;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>What became of a change to a category.</summary>
public sealed record CategoryOutcome
{
    public IReadOnlyDictionary<string, string> Problems { get; init; } = new Dictionary<string, string>();

    /// <summary>The terms that keep a category from being deleted.</summary>
    public IReadOnlyList<TermLink> TermsInTheWay { get; init; } = [];

    public bool Succeeded => Problems.Count == 0 && TermsInTheWay.Count == 0;

    public static CategoryOutcome Refused(string field, string message) =>
        new() { Problems = new Dictionary<string, string> { [field] = message } };
}

/// <summary>
/// The one way categories are written: created, renamed (the old address answering with a
/// redirect), described, reordered, and deleted only when no term is in them.
/// </summary>
public sealed class CategoryEditor(GlossaryDb db, AuditLog audit, TimeProvider time)
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    public async Task<CategoryOutcome> CreateAsync(string? name, string? slug, string? description, CancellationToken cancellationToken = default)
    {
        var (cleanName, cleanSlug, cleanDescription) = Tidied(name, slug, description);
        var problems = await ProblemsAsync(cleanName, cleanSlug, cleanDescription, id: null, cancellationToken);
        if (problems.Count > 0)
        {
            return new CategoryOutcome { Problems = problems };
        }
        var last = await db.Categories.MaxAsync(category => (int?)category.DisplayOrder, cancellationToken) ?? 0;
        db.Categories.Add(new Category { Name = cleanName, Slug = cleanSlug, Description = cleanDescription, DisplayOrder = last + 1 });
        db.CategoryRedirects.RemoveRange(await db.CategoryRedirects.Where(redirect => redirect.Slug == cleanSlug).ToListAsync(cancellationToken));
        return await SaveAsync(cancellationToken);
    }

    public async Task<CategoryOutcome> UpdateAsync(int id, string? name, string? slug, string? description, CancellationToken cancellationToken = default)
    {
        var category = await db.Categories.SingleOrDefaultAsync(category => category.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryOutcome.Refused("", "That category no longer exists.");
        }
        var (cleanName, cleanSlug, cleanDescription) = Tidied(name, slug, description);
        var problems = await ProblemsAsync(cleanName, cleanSlug, cleanDescription, id, cancellationToken);
        if (problems.Count > 0)
        {
            return new CategoryOutcome { Problems = problems };
        }
        if (category.Slug != cleanSlug)
        {
            var redirects = await db.CategoryRedirects
                .Where(redirect => redirect.Slug == category.Slug || redirect.Slug == cleanSlug).ToListAsync(cancellationToken);
            db.CategoryRedirects.RemoveRange(redirects);
            db.CategoryRedirects.Add(new CategoryRedirect { Slug = category.Slug, CategoryId = id });
        }
        if (category.Name != cleanName)
        {
            await MarkTermsChangedAsync(id, cancellationToken);
        }
        (category.Name, category.Slug, category.Description) = (cleanName, cleanSlug, cleanDescription);
        return await SaveAsync(cancellationToken);
    }

    public const string ReviewMonthsField = "review-months";

    /// <summary>
    /// Sets how many months a term in the category may go between reviews (1 to 120), or with
    /// none, leaves it to the site's default.
    /// </summary>
    public async Task<CategoryOutcome> SetReviewIntervalAsync(int id, string? months, CancellationToken cancellationToken = default)
    {
        var category = await db.Categories.SingleOrDefaultAsync(category => category.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryOutcome.Refused("", "That category no longer exists.");
        }
        int? interval = null;
        if (!string.IsNullOrWhiteSpace(months))
        {
            if (!int.TryParse(months.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                || parsed is < 1 or > 120)
            {
                return CategoryOutcome.Refused(ReviewMonthsField, $"\"{months.Trim()}\" is not a number of months from 1 to 120; leave it empty for the site's default.");
            }
            interval = parsed;
        }
        category.ReviewMonths = interval;
        audit.Add(AuditActions.ReviewIntervalSet, category.Slug, interval is null ? "the site's default" : $"{interval} months");
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Names a category in another language, or, with no name, takes it out of that language:
    /// a category is shown to a language's readers only when it has a name in it.
    /// </summary>
    public async Task<CategoryOutcome> TranslateAsync(
        int id, string language, string? name, string? slug, string? description, CancellationToken cancellationToken = default)
    {
        var category = await db.Categories.SingleOrDefaultAsync(category => category.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryOutcome.Refused("", "That category no longer exists.");
        }
        var existing = category.Translations.FirstOrDefault(translation => translation.Language == language);
        if (string.IsNullOrWhiteSpace(name))
        {
            if (existing is not null)
            {
                category.Translations.Remove(existing);
                await MarkTermsChangedAsync(id, cancellationToken);
            }
            return await SaveAsync(cancellationToken);
        }
        var (cleanName, cleanSlug, cleanDescription) = Tidied(name, slug, description);
        var problems = Problems(cleanName, cleanSlug, cleanDescription);
        if (!problems.ContainsKey("slug") && await db.Categories.AnyAsync(other => other.Id != id
            && other.Translations.Any(translation => translation.Language == language && translation.Slug == cleanSlug), cancellationToken))
        {
            problems["slug"] = $"Another category already has the slug \"{cleanSlug}\" in this language.";
        }
        if (problems.Count > 0)
        {
            return new CategoryOutcome { Problems = problems };
        }
        if (existing is null)
        {
            category.Translations.Add(new CategoryTranslation { Language = language, Slug = cleanSlug, Name = cleanName, Description = cleanDescription });
        }
        else
        {
            (existing.Slug, existing.Name, existing.Description) = (cleanSlug, cleanName, cleanDescription);
        }
        // Search shows a term's category names in its language.
        await MarkTermsChangedAsync(id, cancellationToken);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Adds an import's new categories after the existing ones, in the caller's transaction.
    /// Their ids are negative placeholders until now; the map gives each its real one.
    /// </summary>
    public async Task<Dictionary<int, int>> AddForImportAsync(IReadOnlyList<Category> made, CancellationToken cancellationToken)
    {
        var last = await db.Categories.MaxAsync(category => (int?)category.DisplayOrder, cancellationToken) ?? 0;
        var added = made.Select((category, index) => (Placeholder: category.Id, Category: new Category
        {
            Slug = category.Slug, Name = category.Name, Description = category.Description, DisplayOrder = last + index + 1,
            Translations = category.Translations,
        })).ToList();
        db.Categories.AddRange(added.Select(pair => pair.Category));
        if (added.Count > 0)
        {
            db.TermChanges.Add(TermChange.AroundEveryTerm(time.GetUtcNow().UtcDateTime));
        }
        await db.SaveChangesAsync(cancellationToken);
        return added.ToDictionary(pair => pair.Placeholder, pair => pair.Category.Id);
    }

    /// <summary>Moves a category one place earlier (<paramref name="steps"/> −1) or later (+1) in the navigation.</summary>
    public async Task<CategoryOutcome> MoveAsync(int id, int steps, CancellationToken cancellationToken = default)
    {
        var ordered = await db.Categories.OrderBy(category => category.DisplayOrder).ThenBy(category => category.Name).ToListAsync(cancellationToken);
        var index = ordered.FindIndex(category => category.Id == id);
        var target = index + Math.Sign(steps);
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            return new CategoryOutcome();
        }
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        // Numbered afresh, so that equal or missing numbers left by older data cannot stick.
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].DisplayOrder = i + 1;
        }
        return await SaveAsync(cancellationToken);
    }

    public async Task<CategoryOutcome> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var category = await db.Categories.SingleOrDefaultAsync(category => category.Id == id, cancellationToken);
        if (category is null)
        {
            return new CategoryOutcome();
        }
        var terms = await db.Terms.AsNoTracking()
            .Where(term => term.Categories.Any(inCategory => inCategory.Id == id))
            .Select(term => new TermLink(term.Slug, term.Title, term.Language))
            .ToListAsync(cancellationToken);
        terms = [.. terms.Concat(await NextVersionsInAsync(id, cancellationToken)).DistinctBy(term => (term.Language, term.Slug)).OrderBy(term => term.Title, StringComparer.CurrentCultureIgnoreCase)];
        if (terms.Count > 0)
        {
            return new CategoryOutcome { TermsInTheWay = terms };
        }
        db.Categories.Remove(category);
        audit.Add(AuditActions.CategoryDeleted, category.Slug, category.Name);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Published terms whose next version, still being written, puts them in the category.</summary>
    private async Task<List<TermLink>> NextVersionsInAsync(int id, CancellationToken cancellationToken)
    {
        var pending = await db.Terms.AsNoTracking()
            .Where(term => term.PendingRevision != null)
            .Join(db.Revisions, term => new { TermId = term.Id, Number = term.PendingRevision!.Value },
                revision => new { revision.TermId, revision.Number },
                (term, revision) => new { term.Slug, term.Title, term.Language, revision.Content })
            .ToListAsync(cancellationToken);
        return [.. pending
            .Where(next => Revision.Read(next.Content).CategoryIds.Contains(id))
            .Select(next => new TermLink(next.Slug, next.Title, next.Language))];
    }

    /// <summary>Search shows a term's category names, so its terms are re-read when a name changes.</summary>
    private async Task MarkTermsChangedAsync(int id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var terms = await db.Terms.AsNoTracking()
            .Where(term => term.Categories.Any(inCategory => inCategory.Id == id))
            .Select(term => new { term.Slug, term.Language }).ToListAsync(cancellationToken);
        db.TermChanges.AddRange(terms.Select(term => new TermChange { Slug = term.Slug, Language = term.Language, At = now }));
    }

    private async Task<CategoryOutcome> SaveAsync(CancellationToken cancellationToken)
    {
        // Every page's navigation lists the categories, so every page is out of date.
        db.TermChanges.Add(TermChange.AroundEveryTerm(time.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CategoryOutcome();
        }
        catch (DbUpdateException error) when (!DatabaseOutage.IsOutOfSpace(error))
        {
            db.ChangeTracker.Clear();
            return CategoryOutcome.Refused("slug", "Another category took this slug a moment ago; choose another.");
        }
    }

    private static (string Name, string Slug, string Description) Tidied(string? name, string? slug, string? description)
    {
        var cleanName = (name ?? "").Trim();
        var cleanSlug = (slug ?? "").Trim();
        return (cleanName, cleanSlug.Length == 0 ? Slug.FromTitle(cleanName) : cleanSlug, (description ?? "").Trim());
    }

    private async Task<Dictionary<string, string>> ProblemsAsync(string name, string slug, string description, int? id, CancellationToken cancellationToken)
    {
        var problems = Problems(name, slug, description);
        if (!problems.ContainsKey("slug") && await db.Categories.AnyAsync(category => category.Slug == slug && category.Id != id, cancellationToken))
        {
            problems["slug"] = $"Another category already has the slug \"{slug}\".";
        }
        return problems;
    }

    /// <summary>What is wrong with a name, slug and description in themselves, in any language.</summary>
    private static Dictionary<string, string> Problems(string name, string slug, string description)
    {
        var problems = new Dictionary<string, string>();
        if (name.Length is 0 or > NameMaxLength)
        {
            problems["name"] = $"Give the category a name of at most {NameMaxLength} characters.";
        }
        if (!Slug.IsValid(slug) && name.Length > 0)
        {
            problems["slug"] = $"Use lower-case letters, digits and single hyphens for the slug, at most {Slug.MaxLength}.";
        }
        if (description.Length > DescriptionMaxLength)
        {
            problems["description"] = $"Keep the description to {DescriptionMaxLength} characters.";
        }
        return problems;
    }
}
