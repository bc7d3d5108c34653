using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Search;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin.Terms;

/// <summary>Every term, in any state, to find one to write or review; newest change first.</summary>
public sealed class TermsPageModel(GlossaryDb db, OfferedLanguages offered) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Words in the title.</summary>
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    /// <summary>A <see cref="TermStatus"/>, or <c>next</c> for published terms with a next version being written.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    /// <summary>A language's code, or nothing for every language.</summary>
    [FromQuery(Name = "language")]
    public string? Language { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> LanguageCodes => offered.Codes;

    [TempData]
    public string? Done { get; set; }

    public List<TermRow> Rows { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var terms = db.Terms.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            terms = terms.WithTitleLike(Query.Trim(), anywhere: true);
        }
        if (offered.IsOffered(Language))
        {
            terms = terms.Where(term => term.Language == Language);
        }
        if (Status == "next")
        {
            terms = terms.Where(term => term.PendingRevision != null);
        }
        else if (Enum.TryParse<TermStatus>(Status, ignoreCase: true, out var status))
        {
            terms = terms.Where(term => term.Status == status || term.PendingStatus == status);
        }
        var rows = await terms.OrderByDescending(term => term.ModifiedAt).ThenBy(term => term.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(term => new TermRow(term.Id, term.Title, term.Slug, term.Language, term.Status, term.PendingStatus, term.ModifiedAt))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = [.. rows.Take(PageSize)];
    }
}

/// <summary>A term as the list shows it.</summary>
public sealed record TermRow(int Id, string Title, string Slug, string Language, TermStatus Status, TermStatus? NextStatus, DateTime ModifiedAt);
