using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommerceGuard.Data;
using CommerceGuard.Features.Api.Editing;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Search;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.Syndication;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Api;

/// <summary>
/// The read side of <c>/api/v1</c>: published terms and categories for anyone, no sign-in.
/// Every answer carries an ETag (and Last-Modified when the terms say when), and is open to
/// scripts on other sites for GET; errors are RFC 9457 problem details.
/// </summary>
public static class ApiSetup
{
    public const string CorsPolicy = "public-read";

    public static WebApplicationBuilder AddGlossaryApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithHeaders("If-None-Match", "If-Modified-Since")
            .WithExposedHeaders("ETag", "Last-Modified", "RateLimit", "RateLimit-Policy", "Retry-After")));
        builder.AddApiKeys();
        builder.Services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiRateLimit>();
        builder.Services.AddSingleton<ApiErrors>();
        builder.Services.AddExceptionHandler<ApiExceptions>();
        return builder;
    }

    /// <summary>
    /// The API's own middleware: CORS, then errors as problems and the rate limit. It runs before
    /// sign-in and authorization, so that refused requests are counted and answered alike.
    /// </summary>
    public static WebApplication UseGlossaryApi(this WebApplication app)
    {
        app.UseCors();
        app.UseWhen(ApiErrors.IsApi, api => api.UseMiddleware<ApiErrors>().UseMiddleware<ApiRateLimit>());
        return app;
    }

    public static WebApplication MapGlossaryApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireCors(CorsPolicy);
        api.MapGet("/terms", ListTermsAsync);
        api.MapGet("/terms/{slug}", GetTermAsync);
        api.MapGet("/categories", ListCategoriesAsync);
        api.MapGet("/search", SearchAsync);
        api.MapTermEditing();
        return app;
    }

    private static async Task<IResult> ListTermsAsync(
        HttpContext http, GlossaryDb db, SiteAddress site, IOptions<JsonOptions> json,
        string? cursor, int? limit, string? category, string? letter, DateTimeOffset? modifiedSince, CancellationToken cancellationToken)
    {
        if (ApiCursor.PageProblem(limit, cursor, out var size, out var after) is { } problem)
        {
            return problem;
        }
        if (letter is not null && !AlphabetIndex.Headings.Contains(letter.ToUpperInvariant()))
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "The letter is not one of the index's.", "Use A to Z, or # for titles that start with a digit or symbol.");
        }
        var terms = db.Published().Where(term => term.Id > after);
        if (category is not null)
        {
            terms = terms.Where(term => term.Categories.Any(named => named.Slug == category));
        }
        if (modifiedSince is { } since)
        {
            var sinceUtc = since.UtcDateTime;
            terms = terms.Where(term => term.ModifiedAt >= sinceUtc);
        }
        var page = new List<(int Id, TermSummaryDto Term)>();
        // The A–Z heading folds accents, which the database cannot, so a letter is matched here, as rows stream by.
        await foreach (var term in terms.OrderBy(term => term.Id)
            .Select(term => new { term.Id, term.Slug, term.Title, term.ModifiedAt, Categories = term.Categories.Select(named => named.Slug).ToList() })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (letter is not null && !AlphabetIndex.HeadingFor(term.Title).Equals(letter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            page.Add((term.Id, new TermSummaryDto(term.Slug, term.Title, site.Of(GlossaryUrls.Term(term.Slug)), Utc(term.ModifiedAt), term.Categories)));
            if (page.Count > size)
            {
                break;
            }
        }
        var more = page.Count > size;
        var shown = page.Take(size).ToList();
        var body = new TermListDto([.. shown.Select(entry => entry.Term)], more ? ApiCursor.Write(shown[^1].Id) : null);
        return Json(http, json, body, shown.Count > 0 ? shown.Max(entry => entry.Term.Modified) : null);
    }

    private static async Task<IResult> GetTermAsync(
        string slug, HttpContext http, GlossaryDb db, TermArticles articles, SiteAddress site, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var term = await db.Published().Include(term => term.Categories.OrderBy(named => named.DisplayOrder))
            .SingleOrDefaultAsync(term => term.Slug == slug, cancellationToken);
        if (term is null)
        {
            var moved = await db.MovedTermsAsync(Languages.Default, [slug], cancellationToken);
            return moved.TryGetValue(slug, out var link)
                ? Results.Redirect($"/api/v1/terms/{link.Slug}", permanent: true)
                : ApiProblems.Of(StatusCodes.Status404NotFound, "There is no published term with that slug.", $"No term answers to \"{slug}\".");
        }
        var article = await articles.BuildAsync(term, cancellationToken);
        TextDto Text(string markdown, IHtmlContent html) => new(markdown, Html(html));
        TextDto? Optional(string? markdown, IHtmlContent? html) => markdown is null || html is null ? null : Text(markdown, html);
        var body = new TermDto(
            term.Slug,
            term.Title,
            term.Language,
            site.Of(GlossaryUrls.Term(term.Slug)),
            Utc(term.ModifiedAt),
            term.Aliases,
            Text(term.Definition, article.Html.Definition),
            [.. term.Examples.Zip(article.Html.Examples, Text)],
            Optional(term.Misuse, article.Html.Misuse),
            Optional(term.Benefits, article.Html.Benefits),
            Optional(term.Conclusion, article.Html.Conclusion),
            [.. article.Related.Select(related => new RelatedTermDto(related.Title, related.Url is null ? null : site.Of(related.Url)))],
            [.. term.Categories.Select(named => new CategoryRefDto(named.Slug, named.Name, site.Of(GlossaryUrls.Category(named.Slug))))]);
        return Json(http, json, body, body.Modified);
    }

    private static async Task<IResult> ListCategoriesAsync(
        HttpContext http, GlossaryDb db, SiteAddress site, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .OrderBy(named => named.DisplayOrder).ThenBy(named => named.Name)
            .Select(named => new
            {
                named.Slug,
                named.Name,
                named.Description,
                Count = named.Terms.Count(term => term.Status == TermStatus.Published && term.Language == Languages.Default),
            })
            .ToListAsync(cancellationToken);
        var body = categories.Select(named => new CategoryDto(named.Slug, named.Name, named.Description, site.Of(GlossaryUrls.Category(named.Slug)), named.Count)).ToList();
        return Json(http, json, body, null);
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http, GlossarySearch search, SiteAddress site, IOptions<JsonOptions> json, string? q, int? page, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Say what to search for.", "Pass the words as q, such as ?q=copay.");
        }
        if (page is < 1 or > GlossarySearch.MaxPage)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "The page is out of range.", $"Pages run from 1 to {GlossarySearch.MaxPage}.");
        }
        var results = await search.SearchAsync(q, page ?? 1, cancellationToken: cancellationToken);
        var body = new SearchResultsDto(
            results.Query,
            results.Total,
            results.Page,
            results.PageCount,
            [.. results.Hits.Select(hit => new SearchHitDto(hit.Slug, hit.Title, site.Of(GlossaryUrls.Term(hit.Slug)), hit.Categories, hit.SnippetHtml))],
            [.. results.DidYouMean.Select(link => new RelatedTermDto(link.Title, site.Of(link.Url)))]);
        return Json(http, json, body, null);
    }

    /// <summary>The body as JSON, with an ETag and 304 when the client's copy is current.</summary>
    private static IResult Json<T>(HttpContext http, IOptions<JsonOptions> json, T body, DateTimeOffset? modified) =>
        ConditionalGet.Respond(http, JsonSerializer.SerializeToUtf8Bytes(body, json.Value.SerializerOptions), "application/json; charset=utf-8", modified?.UtcDateTime);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static string Html(IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
