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
        if (!problems.ContainsKey(TermFields.Title) && TitleLookalikes.PassesFor(content.Title) is { } look && look != content.Slug)
        {
            var impersonated = await db.Terms.AsNoTracking()
                .Where(term => term.Language == language && term.Slug == look && term.Id != termId)
                .Select(term => term.Title).FirstOrDefaultAsync(cancellationToken);
            if (impersonated is not null)
            {
                problems[TermFields.Title] = TitleLookalikes.Impersonates(content.Title, impersonated);
            }
        }
        return problems;
    }
}
