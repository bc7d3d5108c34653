using CommerceGuard.Features.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Api.Reference;

/// <summary>
/// The API's reference for the people who write programs against it: every operation from the
/// OpenAPI document, with a form to try each one from the page.
/// </summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class ReferencePageModel(ApiReference reference, IOptions<ApiRateLimitOptions> limits) : PageModel
{
    public IReadOnlyList<ReferenceTag> Tags { get; private set; } = [];

    public IReadOnlyList<ReferenceSchema> Schemas { get; private set; } = [];

    public ApiRateLimitOptions Limits => limits.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (Tags, Schemas) = await reference.ReadAsync(cancellationToken);

    /// <summary>A starting body for an operation that takes a term: the two fields it needs.</summary>
    public const string SampleTerm = """
        {
          "title": "Sample term",
          "definition": "What the term means, in **Markdown**.",
          "examples": ["A first example."],
          "categories": ["insurance"],
          "status": "draft"
        }
        """;
}
