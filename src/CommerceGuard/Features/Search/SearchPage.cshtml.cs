using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Search;

/// <summary>Search results, 20 a page. An empty query shows the way to the A–Z index instead.</summary>
[RateLimited(Limit.Searches)]
public sealed class SearchPageModel(GlossarySearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    // From the query string by name: Razor Pages keeps the page's own path in a route value called "page".
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResults Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await search.SearchAsync(Query, PageNumber, Glossary.Languages.Current, cancellationToken);
}
