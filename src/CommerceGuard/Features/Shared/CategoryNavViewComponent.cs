using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using Microsoft.AspNetCore.Mvc;

namespace CommerceGuard.Features.Shared;

/// <summary>The categories row of the site navigation, on every page.</summary>
public sealed class CategoryNavViewComponent(GlossaryDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await db.CategoryLinksAsync(HttpContext.RequestAborted));
}
