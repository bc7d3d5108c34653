using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace CommerceGuard.Features.Shared;

/// <summary>
/// Answers a GET with an ETag (a hash of the body) and, when known, Last-Modified; and with
/// 304 Not Modified when the client's copy is current, so feed readers and crawlers that poll
/// fetch only what changed. If-None-Match wins over If-Modified-Since, as RFC 9110 says.
/// </summary>
public static class ConditionalGet
{
    public static IResult Respond(HttpContext http, byte[] body, string contentType, DateTime? lastModified)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        // HTTP dates have whole seconds; a finer time would never equal what the client sends back.
        DateTimeOffset? modified = lastModified is { } at
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc).AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)))
            : null;
        var response = http.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = modified;
        return IsCurrent(http.Request.GetTypedHeaders(), etag, modified)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, contentType);
    }

    private static bool IsCurrent(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? modified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && modified is { } last && last <= since;
    }
}
