using System.Text.Json;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.Syndication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Api.Widget;

/// <summary>A term as the partner widget shows it.</summary>
/// <param name="Title">The term's title, at the top of the preview.</param>
/// <param name="Url">The term's page, where a mention links.</param>
/// <param name="Summary">The definition's first sentence, the body of the preview.</param>
public sealed record WidgetTermDto(string Title, string Url, string Summary);

/// <summary>A name the widget looks for in a page's text.</summary>
/// <param name="Term">The index of its term in <c>terms</c>.</param>
/// <param name="Keys">Its words as the matcher keys them: lower-case, without accents or a possessive "'s".</param>
/// <param name="Exact">For an acronym such as "EOB", the only spelling that matches; otherwise null.</param>
public sealed record WidgetNameDto(int Term, IReadOnlyList<string> Keys, string? Exact);

/// <summary>
/// Everything the partner widget needs to find our terms in another site's text, by the same
/// rules as the site's own automatic links: the terms, and their names in the order the
/// matcher claims them (an earlier entry keeps a name two terms share).
/// </summary>
/// <param name="Site">The glossary's address, which every term's URL starts with.</param>
/// <param name="Terms">The published terms that link automatically.</param>
/// <param name="Names">Titles, other names and plurals, in the order they are claimed.</param>
public sealed record WidgetTermsDto(string Site, IReadOnlyList<WidgetTermDto> Terms, IReadOnlyList<WidgetNameDto> Names);

/// <summary>
/// <c>GET /api/v1/widget/terms</c>: the compact term list behind <c>widget.js</c>. It is built
/// once per change to the terms, not per request, and may be cached by browsers and proxies for
/// a few minutes, then revalidated with its ETag.
/// </summary>
public sealed class WidgetTerms(TermDirectory directory, SiteAddress site, IOptions<JsonOptions> json)
{
    /// <summary>Fresh for ten minutes; then a cache may serve it for a day while it checks in the background.</summary>
    public const string CacheControl = "public, max-age=600, stale-while-revalidate=86400";

    /// <summary>The body for one version of the terms; replaced whole, so no reader sees half of two.</summary>
    private sealed record Built(long Version, byte[] Body);

    /// <summary>Each language's list, as last built.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Built> built = new(StringComparer.Ordinal);

    public async Task<IResult> AnswerAsync(HttpContext http, string language, CancellationToken cancellationToken)
    {
        var links = await directory.LinksAsync(language, cancellationToken);
        if (!built.TryGetValue(language, out var current) || current.Version != links.Version)
        {
            current = new Built(links.Version, Build(links));
            built[language] = current;
        }
        http.Response.Headers.CacheControl = CacheControl;
        return ConditionalGet.Respond(http, current.Body, "application/json; charset=utf-8", null);
    }

    private byte[] Build(TermLinks links)
    {
        var entries = links.Matcher.Entries();
        var targets = entries.Select(entry => entry.Target).Distinct().ToList();
        var index = targets.Select((target, position) => (target, position)).ToDictionary(pair => pair.target, pair => pair.position);
        var dto = new WidgetTermsDto(
            site.Of("/").TrimEnd('/'),
            [.. targets.Select(target => new WidgetTermDto(target.Title, site.Of(target.Url), target.Summary))],
            [.. entries.Select(entry => new WidgetNameDto(index[entry.Target], entry.Keys, entry.ExactText))]);
        return JsonSerializer.SerializeToUtf8Bytes(dto, json.Value.SerializerOptions);
    }
}
