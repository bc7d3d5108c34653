using CommerceGuard.Data;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin;

/// <summary>Editors create, rename, describe, reorder and delete the glossary's categories.</summary>
[Authorize(Policy = Policies.Editing)]
public sealed class CategoriesPageModel(GlossaryDb db, CategoryEditor categories, OfferedLanguages offered) : PageModel
{
    public List<CategoryRow> Rows { get; private set; } = [];

    /// <summary>The languages a category can be named in besides English.</summary>
    public IReadOnlyList<string> OtherLanguages => [.. offered.Codes.Where(code => code != Languages.Default)];

    /// <summary>The language of the refused change: null for English.</summary>
    public string? ProblemLanguage { get; private set; }

    /// <summary>The category a refused change was for (0 for a new one), and what was wrong.</summary>
    public int? ProblemFor { get; private set; }
    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<TermLink> TermsInTheWay { get; private set; } = [];

    /// <summary>What was typed, kept when it is refused.</summary>
    public (string? Name, string? Slug, string? Description) Typed { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? slug, string? description, CancellationToken cancellationToken) =>
        await AfterAsync(0, await categories.CreateAsync(name, slug, description, cancellationToken), $"“{name?.Trim()}” is added.",
            (name, slug, description), cancellationToken);

    public async Task<IActionResult> OnPostUpdateAsync(int id, string? name, string? slug, string? description, CancellationToken cancellationToken) =>
        await AfterAsync(id, await categories.UpdateAsync(id, name, slug, description, cancellationToken), $"“{name?.Trim()}” is saved.",
            (name, slug, description), cancellationToken);

    public async Task<IActionResult> OnPostTranslateAsync(int id, string language, string? name, string? slug, string? description, CancellationToken cancellationToken)
    {
        if (!offered.IsOffered(language) || language == Languages.Default)
        {
            return BadRequest();
        }
        ProblemLanguage = language;
        return await AfterAsync(id, await categories.TranslateAsync(id, language, name, slug, description, cancellationToken),
            string.IsNullOrWhiteSpace(name) ? "The category is taken out of that language." : $"“{name.Trim()}” is saved.",
            (name, slug, description), cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int steps, CancellationToken cancellationToken) =>
        await AfterAsync(id, await categories.MoveAsync(id, steps, cancellationToken), "The order is saved.", default, cancellationToken);

    public async Task<IActionResult> OnPostReviewIntervalAsync(int id, string? months, CancellationToken cancellationToken) =>
        await AfterAsync(id, await categories.SetReviewIntervalAsync(id, months, cancellationToken),
            string.IsNullOrWhiteSpace(months) ? "Its terms are reviewed as often as the site's default says." : $"Its terms are due for review every {months.Trim()} months.",
            default, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await categories.DeleteAsync(id, cancellationToken), "The category is deleted.", default, cancellationToken);

    private async Task<IActionResult> AfterAsync(
        int id, CategoryOutcome outcome, string done, (string?, string?, string?) typed, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            Done = done;
            return RedirectToPage();
        }
        (ProblemFor, Problems, TermsInTheWay, Typed) = (id, outcome.Problems, outcome.TermsInTheWay, typed);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rows = await db.Categories.AsNoTracking()
            .OrderBy(category => category.DisplayOrder).ThenBy(category => category.Name)
            .Select(category => new CategoryRow(
                category.Id, category.Name, category.Slug, category.Description, category.Terms.Count, category.Translations.ToList(), category.ReviewMonths))
            .ToListAsync(cancellationToken);
}

/// <summary>A category as the page lists it, with its names in other languages.</summary>
public sealed record CategoryRow(
    int Id, string Name, string Slug, string Description, int TermCount, List<CategoryTranslation> Translations, int? ReviewMonths);
