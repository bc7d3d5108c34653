using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Glossary;
using Microsoft.AspNetCore.Mvc;

namespace CommerceGuard.Features.Shared;

/// <summary>The categories row of the site navigation, on every page.</summary>
public sealed partial class CategoryNavViewComponent(CategoryNavigation navigation, ILogger<CategoryNavViewComponent> logger) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        try
        {
            return View(await navigation.LinksAsync(Languages.Current, HttpContext.RequestAborted));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The error page uses this layout too; when the database is what failed, the page
            // must still render, so the row is left empty rather than failing again.
            LogUnavailable(error);
            PageCache.MarkUnfit(HttpContext);
            return View(Array.Empty<CategoryLink>());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The category navigation could not be read")]
    private partial void LogUnavailable(Exception error);
}
