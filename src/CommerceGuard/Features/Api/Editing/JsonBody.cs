using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace CommerceGuard.Features.Api.Editing;

/// <summary>
/// Reads a request's JSON body, turning every way it can be wrong (not JSON, the wrong shape,
/// too large) into a problem that says where, instead of the framework's bare 400.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonOptions json, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON.", "Set 'Content-Type: application/json'."));
        }
        // Said before a byte is read; a body that does not say its length is stopped by the server when it passes the limit.
        var limit = request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            return (null, ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, "The body is too large.", $"Send at most {limit:N0} bytes."));
        }
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, json.SerializerOptions, cancellationToken);
            return body is null
                ? (null, ApiProblems.Of(StatusCodes.Status400BadRequest, "The body is empty.", "Send a JSON object."))
                : (body, null);
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : "";
            return (null, ApiProblems.Of(StatusCodes.Status400BadRequest, "The body is not the JSON this endpoint takes.", $"{FirstSentence(error.Message)}{where}"));
        }
        catch (BadHttpRequestException error)
        {
            return (null, ApiProblems.Of(error.StatusCode, "The body could not be read.", error.Message));
        }
    }

    /// <summary>The serializer's message without its "Path: … | LineNumber: …" tail, which the caller says better.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
