using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Search;

/// <summary>
/// Search results, 20 a page. An empty query shows the way to the A–Z index instead. Kept in the
/// page cache for each query until a term of the language changes, and only when the index had
/// every change this server knew of when the page was made.
/// </summary>
[RateLimited(Limit.Searches)]
[OutputCache(PolicyName = PageCache.SearchPage)]
public sealed class SearchPageModel(GlossarySearch search, CachedSearches cached) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    // From the query string by name: Razor Pages keeps the page's own path in a route value called "page".
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResults Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var language = Glossary.Languages.Current;
        Results = await cached.AnswerAsync(HttpContext, language, () => search.SearchAsync(Query, PageNumber, language, cancellationToken));
    }
}
