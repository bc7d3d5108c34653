using CommerceGuard.Data;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Interchange;
using CommerceGuard.Features.Interchange.Importing;
using CommerceGuard.Features.Interchange.Transfer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Admin;

/// <summary>
/// Editors bring a glossary in from a file: check it first (a dry run), then import it, all or
/// nothing, with the same report the command line prints.
/// </summary>
[Authorize(Policy = Policies.Editing)]
// The largest file any setting allows, and a little for the form around it; the configured
// limit, which may be lower, is checked with a message of its own.
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class ImportPageModel(GlossaryDb db, UploadedImport uploads, IOptions<InterchangeOptions> limits) : PageModel
{
    private const long UploadLimit = (InterchangeOptions.LargestFileMegabytes + 1) * 1024L * 1024L;

    public List<Category> Categories { get; private set; } = [];

    public IReadOnlyList<InterchangeFormat> Formats { get; } = [.. InterchangeFormat.All.Where(format => format.CanImport)];

    public ImportForm Form { get; private set; } = new();

    public ImportReport? Report { get; private set; }

    public string? Problem { get; private set; }

    public InterchangeOptions Limits => limits.Value;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, [FromForm] ImportForm form, CancellationToken cancellationToken)
    {
        Form = form;
        await LoadAsync(cancellationToken);
        var format = string.IsNullOrEmpty(form.Format) ? null : InterchangeFormat.Named(form.Format);
        Problem = file is null || file.Length == 0 ? "Choose a file to import."
            : form.Format is { Length: > 0 } && format is not { CanImport: true } ? "Choose one of the formats listed."
            : form.OnConflict is not (OnConflict.Update or OnConflict.Skip or OnConflict.Fail) ? "Choose what to do with terms the glossary already has."
            : null;
        if (Problem is not null)
        {
            return Page();
        }
        var options = new ImportOptions
        {
            DryRun = !form.Import,
            Status = form.Status is "draft" or "published" ? form.Status : null,
            Category = string.IsNullOrEmpty(form.Category) ? null : form.Category,
            OnConflict = form.OnConflict,
            LinkBase = string.IsNullOrWhiteSpace(form.LinkBase) ? null : form.LinkBase.Trim(),
            AllowUnwrittenRelated = form.AllowUnwrittenRelated,
        };
        await using var upload = file!.OpenReadStream();
        Report = await uploads.ImportAsync(upload, file.FileName, format, options, StaffMember.From(User), cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Categories = await db.Categories.AsNoTracking().OrderBy(category => category.DisplayOrder).ThenBy(category => category.Name).ToListAsync(cancellationToken);
}

/// <summary>The import form's choices, kept when the page shows the report.</summary>
public sealed class ImportForm
{
    /// <summary>A format's name; empty to go by the file's extension.</summary>
    public string? Format { get; set; }

    /// <summary>Empty keeps each record's own status.</summary>
    public string? Status { get; set; }

    public string? Category { get; set; }

    public OnConflict OnConflict { get; set; } = OnConflict.Update;

    public string? LinkBase { get; set; }

    public bool AllowUnwrittenRelated { get; set; }

    /// <summary>True from the Import button; the Check button leaves it false, for a dry run.</summary>
    public bool Import { get; set; }
}
