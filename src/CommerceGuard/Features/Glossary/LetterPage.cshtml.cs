using CommerceGuard.Features.Caching;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Glossary;

/// <summary>One letter of the A–Z index, a page of its terms at a time.</summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class LetterPageModel(AlphabetListings listings, IOptions<GlossaryOptions> options, OfferedLanguages offered) : PageModel
{
    public AlphabetIndex Alphabet { get; } = AlphabetIndex.For(Glossary.Languages.Current);

    public string Heading { get; private set; } = "";
    public AlphabetListing Listing { get; private set; } = null!;
    public TermListPages Pages { get; private set; } = null!;
    public int PageNumber { get; private set; }
    public IReadOnlyList<TermLink> Terms { get; private set; } = [];

    /// <summary>The same letter in the other languages, where their alphabets have it.</summary>
    public IReadOnlyList<LanguageVersion> Languages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string letter, int? number, CancellationToken cancellationToken)
    {
        var language = Glossary.Languages.Current;
        var paths = SitePaths.For(language);
        if (Alphabet.Heading(letter) is not { } heading || number < 1)
        {
            return NotFound();
        }
        // One address per page: "/glossary/letter/D" and "/glossary/letter/d/1" lead to "/glossary/letter/d".
        if (letter != Alphabet.InAddress(heading) || number == 1)
        {
            return RedirectPermanent(paths.Letter(heading, number ?? 1));
        }
        Heading = heading;
        Listing = await listings.ListingAsync(language, cancellationToken);
        Pages = new TermListPages(Listing.Under(heading), options.Value.ListPageSize, page => paths.Letter(heading, page));
        PageNumber = number ?? 1;
        if (!Pages.Has(PageNumber))
        {
            return NotFound();
        }
        Terms = Pages.On(PageNumber);
        PageTags.Add(HttpContext, [PageTags.Letter(language, heading), .. Terms.Select(term => PageTags.Term(language, term.Slug))]);
        Languages = [.. offered.Codes
            .Where(code => AlphabetIndex.For(code).Headings.Contains(heading))
            .Select(code => new LanguageVersion(code, SitePaths.For(code).Letter(heading)))];
        return Page();
    }
}
