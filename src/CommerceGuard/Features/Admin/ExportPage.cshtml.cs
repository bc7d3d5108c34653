using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Interchange;
using CommerceGuard.Features.Interchange.Transfer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Admin;

/// <summary>Editors take the whole glossary out, in any format we write.</summary>
[Authorize(Policy = Policies.Editing)]
public sealed class ExportPageModel(ExportDownload downloads) : PageModel
{
    public IReadOnlyList<InterchangeFormat> Formats => InterchangeFormat.All;

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>A POST, though it changes nothing in the glossary: an export is recorded in the audit log.</summary>
    public async Task<IActionResult> OnPostAsync(string? format, CancellationToken cancellationToken)
    {
        if (InterchangeFormat.Named(format) is not { } chosen)
        {
            Problem = "Choose one of the formats listed.";
            return Page();
        }
        var file = await downloads.ExportAsync(chosen, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
