using System.Diagnostics;
using CommerceGuard.Features.Operations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Shared;

/// <summary>
/// The page for every error: "not found", "too many requests", "back soon" while the database
/// cannot be reached, "nothing was saved" when its disk is full, or a failure of ours. It is
/// re-executed for whatever request failed, POSTs included, so it takes no antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorPageModel : PageModel
{
    public int Status { get; private set; }
    public string? RequestId { get; private set; }

    // No model binding: the failed request's body may be the very reason it failed (too large,
    // malformed), and binding would read it again. The code is taken from the route by hand.
    public void OnGet() => Show();
    public void OnPost() => Show();

    private void Show()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var parsed) ? parsed : 0;
        Status = code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Status;
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (DatabaseOutage.IsOutage(error))
        {
            DatabaseOutage.Answer(Response);
            Status = Response.StatusCode;
        }
        else if (DatabaseOutage.IsOutOfSpace(error))
        {
            // The write was undone whole; say so, rather than that something went wrong.
            Status = Response.StatusCode = StatusCodes.Status507InsufficientStorage;
        }
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
