using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Api.Keys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Admin;

/// <summary>
/// Admins issue keys to the programs that use the API, and revoke them. A new key is shown once,
/// on the page that made it: only its hash is kept.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class ApiKeysPageModel(ApiKeys keys) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public ApiScope Scope { get; set; } = ApiScope.Read;

    public List<ApiKey> Keys { get; private set; } = [];

    public string? Error { get; private set; }

    public IssuedKey? Issued { get; private set; }

    public string? Done { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        Error = ApiKeys.NameProblem(Name) ?? (Enum.IsDefined(Scope) ? null : "Choose what the key may do.");
        if (Error is null)
        {
            Issued = await keys.IssueAsync(Name!, Scope, User.Identity?.Name ?? "", cancellationToken);
            Name = null;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (await keys.RevokeAsync(id, User.Identity?.Name ?? "", cancellationToken))
        {
            Done = "The key is revoked: it stops working at once.";
        }
        else
        {
            Error = "That key does not exist or was revoked already.";
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Keys = await keys.ListAsync(cancellationToken);
}
