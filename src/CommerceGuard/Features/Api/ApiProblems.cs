using System.Text.Json;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Api;

/// <summary>The API's errors, as RFC 9457 problem details.</summary>
public static class ApiProblems
{
    public static IResult Of(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>A 400 that lists what is wrong with each field, by the field's name.</summary>
    public static IResult Invalid(IReadOnlyDictionary<string, string> problems) =>
        Results.ValidationProblem(
            problems.ToDictionary(problem => problem.Key.Length == 0 ? "term" : problem.Key, problem => new[] { problem.Value }),
            title: "The term was not saved: some of it needs changing.",
            detail: string.Join(" ", problems.Values));
}

/// <summary>The API's answers as JSON, each with an ETag (a hash of the body) and 304 when the client's copy is current.</summary>
public static class ApiJson
{
    public static IResult Respond<T>(HttpContext http, IOptions<JsonOptions> json, T body, DateTimeOffset? modified) =>
        ConditionalGet.Respond(http, JsonSerializer.SerializeToUtf8Bytes(body, json.Value.SerializerOptions), "application/json; charset=utf-8", modified?.UtcDateTime);
}
