using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Editing;

public sealed partial class TermEditor
{
    /// <summary>
    /// Related terms may be typed as titles: one naming an existing term becomes its slug, any
    /// other becomes the slug a term of that title would have. Categories that no longer exist
    /// (in a revision being restored) are dropped.
    /// </summary>
    private async Task<TermContent> ResolvedAsync(TermContent content, string language, CancellationToken cancellationToken)
    {
        var typed = content.RelatedSlugs.Select(entry => entry.Trim()).Where(entry => entry.Length > 0).ToList();
        var lowered = typed.Select(entry => entry.ToLowerInvariant()).ToList();
        // Translated to SQL lower(); the culture overloads are not. Both sides are lowered alike.
#pragma warning disable CA1304, CA1311
        var byTitle = (await db.Terms.AsNoTracking()
                .Where(term => term.Language == language && lowered.Contains(term.Title.ToLower()))
                .Select(term => new { term.Title, term.Slug })
                .ToListAsync(cancellationToken))
            .ToLookup(term => term.Title, term => term.Slug, StringComparer.OrdinalIgnoreCase);
#pragma warning restore CA1304, CA1311
        var related = typed
            .Select(entry => Slug.IsValid(entry) ? entry : byTitle[entry].FirstOrDefault() ?? SlugOrTyped(entry))
            .Where(slug => slug != content.Slug)
            .Distinct()
            .ToList();
        var categoryIds = await db.Categories.Where(category => content.CategoryIds.Contains(category.Id))
            .Select(category => category.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        return content with { RelatedSlugs = related, CategoryIds = categoryIds };
    }

    /// <summary>The slug a term of this title would have; what was typed when it has none, for validation to name.</summary>
    private static string SlugOrTyped(string typed) => Slug.FromTitle(typed) is { Length: > 0 } slug ? slug : typed;

    private async Task<Dictionary<string, string>> ProblemsAsync(
        TermContent content, string language, int? termId, CancellationToken cancellationToken)
    {
        var problems = TermValidation.Problems(content, DateOnly.FromDateTime(Now));
        if (!problems.ContainsKey(TermFields.Slug))
        {
            var holder = await db.Terms.AsNoTracking()
                .Where(term => term.Language == language && term.Slug == content.Slug && term.Id != termId)
                .Select(term => term.Title).FirstOrDefaultAsync(cancellationToken);
            if (holder is not null)
            {
                problems[TermFields.Slug] = $"The term \"{holder}\" already has the slug \"{content.Slug}\"; choose another.";
            }
        }
        await AddLookalikeProblemsAsync(problems, content, language, termId, cancellationToken);
        return problems;
    }

    /// <summary>
    /// Refuses, on its field, a title or other name that passes for another term of the language:
    /// spelled in characters that look like that term's slug, or just like one of its names. The
    /// names it could be mistaken for are found by skeleton in the index of names, so a save
    /// reads a handful of rows however large the glossary; the term's own names never count.
    /// </summary>
    private async Task AddLookalikeProblemsAsync(
        Dictionary<string, string> problems, TermContent content, string language, int? termId, CancellationToken cancellationToken)
    {
        var fields = new[] { (Field: TermFields.Title, Names: (IReadOnlyList<string>)[content.Title]), (Field: TermFields.Aliases, Names: content.Aliases) }
            .Where(field => !problems.ContainsKey(field.Field) && field.Names.Count > 0)
            .ToList();
        var names = fields.SelectMany(field => field.Names).ToList();
        if (names.Count == 0)
        {
            return;
        }
        var looks = names.Select(TitleLookalikes.PassesFor).OfType<string>().Where(look => look != content.Slug).Distinct().ToList();
        var impersonated = looks.Count == 0 ? [] : await db.Terms.AsNoTracking()
            .Where(term => term.Language == language && looks.Contains(term.Slug) && term.Id != termId)
            .Select(term => new { term.Slug, term.Title })
            .ToDictionaryAsync(term => term.Slug, term => term.Title, cancellationToken);
        var keys = names.Select(TermName.KeyOf).Distinct().ToList();
        // Another term with the very same name is no look-alike (see TitleLookalikes.Resembles): its rows stay in the database.
        var known = await db.TermNames.AsNoTracking()
            .Where(other => other.Language == language && keys.Contains(other.Skeleton) && other.TermId != termId && !names.Contains(other.Name))
            .Select(other => new KnownName(other.Name, other.Term!.Title, other.Term.Slug))
            .ToListAsync(cancellationToken);
        foreach (var (field, fieldNames) in fields)
        {
            var isTitle = field == TermFields.Title;
            foreach (var name in fieldNames)
            {
                if (TitleLookalikes.PassesFor(name) is { } look && impersonated.TryGetValue(look, out var title))
                {
                    problems[field] = TitleLookalikes.Impersonates(name, isTitle, title, look);
                    break;
                }
                if (TitleLookalikes.Resembles(name, known) is { } other)
                {
                    problems[field] = TitleLookalikes.LooksLike(name, isTitle, other);
                    break;
                }
            }
        }
    }
}
