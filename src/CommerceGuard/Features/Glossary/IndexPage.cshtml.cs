using CommerceGuard.Features.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Glossary;

/// <summary>
/// The A–Z index. A glossary that fits on one page of a list is shown whole, under a jump bar
/// of letters; a larger one is shown as its letters, each leading to its own pages.
/// </summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class IndexPageModel(AlphabetListings listings, IOptions<GlossaryOptions> options) : PageModel
{
    public AlphabetListing Listing { get; private set; } = null!;

    public AlphabetIndex Alphabet { get; } = AlphabetIndex.For(Languages.Current);

    /// <summary>True when every term is on this page; otherwise each letter has pages of its own.</summary>
    public bool Whole => Listing.TermCount <= options.Value.ListPageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Listing = await listings.ListingAsync(Languages.Current, cancellationToken);
        PageTags.Add(HttpContext, PageTags.Lists(Languages.Current));
    }
}
