using CommerceGuard.Data;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin;

/// <summary>The audit log, newest first, 100 a page, for Admins.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class AuditPageModel(GlossaryDb db) : PageModel
{
    public const int PageSize = 100;

    /// <summary>Entries older than this one (the next page); none for the newest.</summary>
    [FromQuery(Name = "before")]
    public long? Before { get; set; }

    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    public List<AuditEntry> Entries { get; private set; } = [];

    public bool HasOlder { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(Action))
        {
            entries = entries.Where(entry => entry.Action == Action);
        }
        if (Before is { } before)
        {
            entries = entries.Where(entry => entry.Id < before);
        }
        Entries = await entries.OrderByDescending(entry => entry.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasOlder = Entries.Count > PageSize;
        Entries = [.. Entries.Take(PageSize)];
    }
}
