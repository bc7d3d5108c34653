using System.ComponentModel;
using System.Globalization;
using System.Text.Encodings.Web;
using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Versions;
using CommerceGuard.Features.Search;
using CommerceGuard.Features.SiteLanguages;
using CommerceGuard.Features.Syndication;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Api.Reading;

/// <summary>
/// The read side of <c>/api/v1</c>: published terms and categories, search and suggestions, for
/// anyone, no sign-in. Every answer carries an ETag (and Last-Modified when the terms say when)
/// and answers 304 when the client's copy is current.
/// </summary>
public static class GlossaryReadEndpoints
{
    public static void MapGlossaryReading(this RouteGroupBuilder api)
    {
        api.MapGet("/terms", ListTermsAsync).WithTags("Glossary").WithName("listTerms")
            .WithSummary("List published terms")
            .WithDescription("Published terms in the order they were made, a page at a time. Pass each page's 'next' as the cursor for the one after.")
            .Produces<TermListDto>().ProducesProblem(StatusCodes.Status400BadRequest).WithMetadata(ApiDocument.SendsLastModified);
        api.MapGet("/terms/{slug}", GetTermAsync).WithTags("Glossary").WithName("getTerm")
            .WithSummary("Fetch a published term")
            .WithDescription("Every section as Markdown and as the site's HTML, with related terms and categories. A slug the term had before answers 301 with its new address.")
            .Produces<TermDto>().Produces(StatusCodes.Status301MovedPermanently).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(ApiDocument.SendsLastModified).CacheOutput(PageCache.ApiTerm);
        api.MapGet("/categories", ListCategoriesAsync).WithTags("Glossary").WithName("listCategories")
            .WithSummary("List categories")
            .WithDescription("Every category, in the site's order, with how many published terms it holds.")
            .Produces<List<CategoryDto>>();
        api.MapGet("/search", SearchAsync).WithTags("Search").WithName("search")
            .WithSummary("Search the glossary")
            .WithDescription("The site's search: typos are forgiven, titles count most, and snippets mark the words found. When nothing matches, 'didYouMean' offers the closest titles.")
            .Produces<SearchResultsDto>().ProducesProblem(StatusCodes.Status400BadRequest).CacheOutput(PageCache.ApiSearch);
        api.MapGet("/search/suggest", SuggestAsync).WithTags("Search").WithName("suggest")
            .WithSummary("Suggest terms as a reader types")
            .WithDescription($"Up to {Suggestions.MaxCount} titles for what has been typed so far ({Suggestions.MinLength} characters or more), with each term's path on this site.")
            .Produces<List<Suggestion>>().CacheOutput(PageCache.ApiSearch);
    }

    private static async Task<IResult> ListTermsAsync(
        HttpContext http, GlossaryDb db, SiteAddress site, IOptions<JsonOptions> json,
        [Description("The 'next' of the page before; leave it out for the first page.")] string? cursor,
        [Description("Terms a page, 1 to 100; 50 when left out.")] int? limit,
        [Description("Only terms in the category with this slug.")] string? category,
        [Description("Only terms under this A–Z heading: A to Z, or # for titles that start with a digit or symbol.")] string? letter,
        [Description("Only terms changed at or after this time (ISO 8601), to fetch what changed since the last visit.")] DateTimeOffset? modifiedSince,
        [Description(ApiLanguage.Description)] string? language,
        OfferedLanguages offered,
        CancellationToken cancellationToken)
    {
        if (ApiCursor.PageProblem(limit, cursor, out var size, out var after) is { } problem)
        {
            return problem;
        }
        if (ApiLanguage.Problem(language, offered, out var code) is { } unwritten)
        {
            return unwritten;
        }
        var alphabet = AlphabetIndex.For(code);
        var heading = letter is null ? null : alphabet.Heading(letter);
        if (letter is not null && heading is null)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "The letter is not one of the index's.", $"Use one of {string.Join(" ", alphabet.Letters)}, or # for titles that start with a digit or symbol.");
        }
        if (category is not null && !Slug.IsValid(category))
        {
            // Not sent to the database: PostgreSQL refuses text holding a null byte outright.
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "The category is not a slug.", "Use a category's slug, as /api/v1/categories lists them.");
        }
        var terms = db.Published(code).Where(term => term.Id > after);
        if (category is not null)
        {
            terms = terms.Where(term => term.Categories.Any(named => code == Languages.Default
                ? named.Slug == category
                : named.Translations.Any(translation => translation.Language == code && translation.Slug == category)));
        }
        if (modifiedSince is { } since)
        {
            var sinceUtc = since.UtcDateTime;
            terms = terms.Where(term => term.ModifiedAt >= sinceUtc);
        }
        var page = new List<(int Id, TermSummaryDto Term)>();
        // The A–Z heading folds accents, which the database cannot, so a letter is matched here, as rows stream by.
        await foreach (var term in terms.OrderBy(term => term.Id)
            .Select(term => new
            {
                term.Id,
                term.Slug,
                term.Title,
                term.ModifiedAt,
                Categories = term.Categories.Select(named => code == Languages.Default
                    ? named.Slug
                    : named.Translations.Where(translation => translation.Language == code).Select(translation => translation.Slug).FirstOrDefault()).ToList(),
            })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (heading is not null && alphabet.HeadingFor(term.Title) != heading)
            {
                continue;
            }
            page.Add((term.Id, new TermSummaryDto(term.Slug, term.Title, site.Of(SitePaths.For(code).Term(term.Slug)), Timestamps.UtcOffset(term.ModifiedAt), [.. term.Categories.OfType<string>()])));
            if (page.Count > size)
            {
                break;
            }
        }
        var more = page.Count > size;
        var shown = page.Take(size).ToList();
        var body = new TermListDto([.. shown.Select(entry => entry.Term)], more ? ApiCursor.Write(shown[^1].Id) : null);
        return ApiJson.Respond(http, json, body, shown.Count > 0 ? shown.Max(entry => entry.Term.Modified) : null);
    }

    private static async Task<IResult> GetTermAsync(
        [Description("The term's slug, as in its page's address.")] string slug,
        [Description(ApiLanguage.Description)] string? language,
        HttpContext http, GlossaryDb db, TermArticles articles, SiteAddress site, OfferedLanguages offered, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (ApiLanguage.Problem(language, offered, out var code) is { } unwritten)
        {
            return unwritten;
        }
        var term = await db.ReadableTermAsync(code, slug, cancellationToken);
        if (term is null)
        {
            var moved = await db.MovedTermsAsync(code, [slug], cancellationToken);
            return moved.TryGetValue(slug, out var link)
                ? Results.Redirect(TermAddress(link.Slug, code), permanent: true)
                : ApiProblems.Of(StatusCodes.Status404NotFound, "There is no published term with that slug.", $"No term answers to \"{slug}\" in language \"{code}\".");
        }
        var translations = await db.TranslationsAsync(term, offered.Codes, cancellationToken);
        var article = await articles.BuildAsync(term, cancellationToken);
        var replacement = term.Status == TermStatus.Retired ? await db.ReplacementAsync(term, cancellationToken) : null;
        PageTags.Add(http, [.. article.CacheTags(translations), .. replacement is null ? [] : new[] { PageTags.Term(code, replacement.Slug) }]);
        TextDto Text(string markdown, IHtmlContent html) => new(markdown, Html(html));
        TextDto? Optional(string? markdown, IHtmlContent? html) => markdown is null || html is null ? null : Text(markdown, html);
        var body = new TermDto(
            term.Slug,
            term.Title,
            term.Language,
            site.Of(SitePaths.For(code).Term(term.Slug)),
            Timestamps.UtcOffset(term.ModifiedAt),
            term.Aliases,
            Text(term.Definition, article.Html.Definition),
            [.. term.Examples.Zip(article.Html.Examples, Text)],
            Optional(term.Misuse, article.Html.Misuse),
            Optional(term.Benefits, article.Html.Benefits),
            Optional(term.Conclusion, article.Html.Conclusion),
            [.. article.Related.Select(related => new RelatedTermDto(related.Title, related.Url is null ? null : site.Of(related.Url)))],
            [.. term.Categories.Select(named => named.LinkIn(code)).OfType<CategoryLink>().Select(named => new CategoryRefDto(named.Slug, named.Name, site.Of(named.Url)))],
            [.. translations.Select(other => new TranslationDto(other.Language, other.Slug, other.Title, site.Of(other.Url)))],
            TermStatusNames.Of(term.Status),
            replacement is null ? null : site.Of(replacement.Url),
            (await db.LatestVersionAsync(term.Id, cancellationToken))?.Number,
            [.. term.Sources],
            term is { ReviewedAt: { } reviewed, ReviewedBy: { } reviewer } ? new ReviewDto(Timestamps.UtcOffset(reviewed), reviewer, term.ReviewerDisclosure) : null);
        return ApiJson.Respond(http, json, body, body.Modified);
    }

    private static async Task<IResult> ListCategoriesAsync(
        [Description(ApiLanguage.Description)] string? language,
        HttpContext http, GlossaryDb db, SiteAddress site, OfferedLanguages offered, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (ApiLanguage.Problem(language, offered, out var code) is { } unwritten)
        {
            return unwritten;
        }
        var links = await db.CategoryLinksAsync(code, cancellationToken);
        var counts = await db.Categories.AsNoTracking()
            .Select(named => new { named.Id, Count = named.Terms.Count(term => term.Status == TermStatus.Published && term.Language == code) })
            .ToDictionaryAsync(named => named.Id, named => named.Count, cancellationToken);
        var body = links.Select(named => new CategoryDto(named.Slug, named.Name, named.Description, site.Of(named.Url), counts[named.Id])).ToList();
        return ApiJson.Respond(http, json, body, null);
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http, GlossarySearch search, CachedSearches cached, SiteAddress site, IOptions<JsonOptions> json,
        [Description("The words to search for.")] string? q,
        [Description("The page of results, from 1; 1 when left out.")] int? page,
        [Description(ApiLanguage.Description)] string? language,
        OfferedLanguages offered,
        CancellationToken cancellationToken)
    {
        if (ApiLanguage.Problem(language, offered, out var code) is { } unwritten)
        {
            return unwritten;
        }
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Say what to search for.", "Pass the words as q, such as ?q=copay.");
        }
        if (page is < 1 or > GlossarySearch.MaxPage)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "The page is out of range.", $"Pages run from 1 to {GlossarySearch.MaxPage}.");
        }
        var results = await cached.AnswerAsync(http, code, () => search.SearchAsync(q, page ?? 1, code, cancellationToken));
        var body = new SearchResultsDto(
            results.Query,
            results.Total,
            results.Page,
            results.PageCount,
            [.. results.Hits.Select(hit => new SearchHitDto(hit.Slug, hit.Title, site.Of(SitePaths.For(code).Term(hit.Slug)), hit.Categories, hit.SnippetHtml))],
            [.. results.DidYouMean.Select(link => new RelatedTermDto(link.Title, site.Of(link.Url)))]);
        return ApiJson.Respond(http, json, body, null);
    }

    private static string Html(IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static async Task<IResult> SuggestAsync(
        HttpContext http, Suggestions suggestions, CachedSearches cached, IOptions<JsonOptions> json,
        [Description("What the reader has typed so far.")] string? q,
        [Description(ApiLanguage.Description)] string? language,
        OfferedLanguages offered,
        CancellationToken cancellationToken) =>
        ApiLanguage.Problem(language, offered, out var code) is { } unwritten
            ? unwritten
            : ApiJson.Respond(http, json, await cached.AnswerAsync(http, code, () => suggestions.ForAsync(q, code, cancellationToken)), null);

    /// <summary>A term's address in the API: the language is named when it is not English.</summary>
    private static string TermAddress(string slug, string language) =>
        language == Languages.Default ? $"/api/v1/terms/{slug}" : $"/api/v1/terms/{slug}?language={language}";
}
