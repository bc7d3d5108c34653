using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Shared;

/// <summary>A fresh <see cref="SpamDefence"/> stamp, for the form's <see cref="SpamDefence.StampField"/>.</summary>
/// <param name="Stamp">When this was asked for, sealed for the form named.</param>
public sealed record FormStamp(string Stamp);

/// <summary>
/// Fresh stamps for forms on pages shared by every reader. Such a page comes from the output
/// cache, and the stamp in it says when the page was made, minutes before this reader saw the
/// form; a script asks here when the reader starts to fill the form in. Without a script, or if
/// this fails, the page's own stamp stays and is judged as before.
/// </summary>
public static class FormStamps
{
    public const string Path = "/form-stamp";

    /// <summary>The address a page's script asks for a fresh stamp of <paramref name="formName"/>.</summary>
    public static string Url(string formName) => $"{Path}?form={Uri.EscapeDataString(formName)}";

    /// <summary>
    /// Answers stamps for <paramref name="formNames"/> alone: the forms on shared pages. Other
    /// forms' pages are never shared, so their own stamps are already fresh.
    /// </summary>
    public static WebApplication MapFormStamps(this WebApplication app, params string[] formNames)
    {
        var known = formNames.ToHashSet(StringComparer.Ordinal);
        app.MapGet(Path, (string? form, HttpContext http, SpamDefence spam) =>
            {
                // A stamp kept by any cache would be as stale as the page's.
                http.Response.Headers.CacheControl = "no-store";
                if (form is null || !known.Contains(form))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No stamp for that form.",
                        detail: $"Ask for one of these forms: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
                }
                return Results.Ok(new FormStamp(spam.Stamp(form)));
            })
            // Each stamp is the first step of a post, so it spends from the same quota.
            .RateLimited(Limit.FormStamps)
            .WithMetadata(new OutputCacheAttribute { NoStore = true });
        return app;
    }
}
