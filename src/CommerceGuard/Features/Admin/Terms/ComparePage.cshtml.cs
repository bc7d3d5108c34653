using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Glossary.Versions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin.Terms;

/// <summary>Two revisions of a term side by side, field by field, word by word.</summary>
public sealed class ComparePageModel(GlossaryDb db) : PageModel
{
    public Term Term { get; private set; } = null!;

    public Revision Older { get; private set; } = null!;

    public Revision Newer { get; private set; } = null!;

    public List<FieldComparison> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int from, int to, CancellationToken cancellationToken)
    {
        var term = await db.Terms.AsNoTracking().SingleOrDefaultAsync(term => term.Id == id, cancellationToken);
        var numbers = new[] { from, to };
        var revisions = await db.Revisions.AsNoTracking()
            .Where(revision => revision.TermId == id && numbers.Contains(revision.Number))
            .OrderBy(revision => revision.Number)
            .ToListAsync(cancellationToken);
        if (term is null || revisions.Count == 0 || (from != to && revisions.Count < 2))
        {
            return NotFound();
        }
        (Term, Older, Newer) = (term, revisions[0], revisions[^1]);
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(category => category.Id, category => category.Name, cancellationToken);
        var (before, after) = (Older.ReadContent(), Newer.ReadContent());
        Fields = FieldComparison.Between(before, after, TermFields.All, names);
        return Page();
    }
}
