using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Versions;

/// <summary>Two published versions of a term side by side, the parts readers see, word by word.</summary>
[OutputCache(PolicyName = PageCache.ChangesPage)]
public sealed class ChangesPageModel(GlossaryDb db) : PageModel
{
    /// <summary>What readers see of a term; editors' notes and settings are theirs.</summary>
    public static readonly IReadOnlyList<string> ReadersFields =
    [
        TermFields.Title, TermFields.Definition, TermFields.Examples, TermFields.Misuse, TermFields.Benefits,
        TermFields.Conclusion, TermFields.Related, TermFields.Aliases, TermFields.Categories, TermFields.Sources,
    ];

    public Term Term { get; private set; } = null!;
    public VersionEntry Older { get; private set; } = null!;
    public VersionEntry Newer { get; private set; } = null!;
    public List<FieldComparison> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int from, int to, CancellationToken cancellationToken)
    {
        var (current, movedTo) = await VersionPages.FindAsync(db, slug, (paths, moved) => paths.TermChanges(moved, from, to), cancellationToken);
        if (current is null)
        {
            return movedTo is null ? NotFound() : RedirectPermanent(movedTo);
        }
        var versions = await db.VersionsAsync(current.Id, cancellationToken);
        var (older, newer) = (versions.Find(entry => entry.Number == Math.Min(from, to)), versions.Find(entry => entry.Number == Math.Max(from, to)));
        if (older is null || newer is null
            || await db.VersionAsync(current, older.Number, cancellationToken) is not { } before
            || await db.VersionAsync(current, newer.Number, cancellationToken) is not { } after)
        {
            return NotFound();
        }
        (Term, Older, Newer) = (current, older, newer);
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var names = categories.ToDictionary(category => category.Id, category => category.LinkIn(current.Language)?.Name ?? category.Name);
        Fields = FieldComparison.Between(TermContent.Of(before), TermContent.Of(after), ReadersFields, names);
        VersionPages.Tag(HttpContext, current, []);
        return Page();
    }
}
