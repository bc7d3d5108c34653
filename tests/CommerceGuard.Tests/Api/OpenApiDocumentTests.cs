using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceGuard.Features.Api.Keys;
using Json.Schema;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CommerceGuard.Tests.Api;

/// <summary>
/// <c>/openapi/v1.json</c>: valid OpenAPI 3.1, complete (every endpoint under /api, every
/// parameter and answer described), and true: each documented operation is called and its
/// answer checked against the schema the document gives for it.
/// </summary>
public sealed class OpenApiDocumentTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly Uri DocumentAddress = new("/openapi/v1.json", UriKind.Relative);

    [Fact]
    public async Task The_document_is_valid_OpenAPI_3_1()
    {
        using var response = await app.Browser().GetAsync(DocumentAddress);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();

        var read = await OpenApiDocument.LoadAsync(body, "json", new OpenApiReaderSettings());

        Assert.Empty(read.Diagnostic!.Errors);
        Assert.StartsWith("3.1", read.Diagnostic.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.'), StringComparison.Ordinal);
        var problems = read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(problem => $"{problem.Pointer}: {problem.Message}")));
    }

    [Fact]
    public async Task Every_endpoint_under_api_is_documented()
    {
        var document = await DocumentAsync();
        var documented = Operations(document).Select(operation => $"{operation.Method} {operation.Path}").ToHashSet();

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method.ToLowerInvariant()} {endpoint.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint => Assert.Contains(endpoint, documented));
    }

    [Fact]
    public async Task Every_operation_parameter_and_answer_is_described()
    {
        var document = await DocumentAsync();

        foreach (var (method, path, operation) in Operations(document))
        {
            var name = $"{method} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{name} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{name} has no description");
            Assert.False(string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()), $"{name} has no operationId");
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                Assert.False(string.IsNullOrWhiteSpace(parameter!["description"]?.GetValue<string>()), $"{name}: {parameter["name"]} has no description");
            }
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, response => response.Key.StartsWith('2'));
            Assert.Contains("429", responses.Select(response => response.Key));
            foreach (var (status, response) in responses)
            {
                if (status.StartsWith('4') || status.StartsWith('5'))
                {
                    Assert.True(response!["content"]?["application/problem+json"] is not null, $"{name}: {status} is not described as a problem");
                }
            }
        }
    }

    [Fact]
    public async Task Every_documented_operation_answers_as_its_schema_says()
    {
        var document = await DocumentAsync();
        var reader = await app.ProgramAsync(ApiScope.Write);
        var exercised = new List<string>();

        foreach (var (method, path, operation) in Operations(document).OrderBy(operation => operation.Method == "put"))
        {
            var request = Request(method, path, operation);
            if (operation["security"] is not null)
            {
                request.Headers.Authorization = reader.DefaultRequestHeaders.Authorization;
            }
            if (method == "put")
            {
                using var current = await reader.GetAsync(request.RequestUri);
                request.Headers.IfMatch.Add(current.Headers.ETag!);
            }
            using var response = await app.Browser().SendAsync(request);

            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(response.IsSuccessStatusCode, $"{method} {request.RequestUri}: {status} {await response.Content.ReadAsStringAsync()}");
            var documented = operation["responses"]![status];
            Assert.True(documented is not null, $"{method} {path} answered {status}, which the document does not list");
            var schema = documented!["content"]?["application/json"]?["schema"];
            Assert.NotNull(schema);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            AssertMatches(document, schema!, body, $"{method} {path}");
            exercised.Add($"{method} {path}");
        }

        Assert.Equal(Operations(document).Count, exercised.Count);
    }

    [Fact]
    public async Task Problems_match_the_documented_problem_schema()
    {
        var document = await DocumentAsync();
        using var response = await app.Browser().GetAsync(new Uri("/api/v1/terms/no-such-term", UriKind.Relative));

        var schema = document["paths"]!["/api/v1/terms/{slug}"]!["get"]!["responses"]!["404"]!["content"]!["application/problem+json"]!["schema"]!;
        AssertMatches(document, schema, await response.Content.ReadFromJsonAsync<JsonElement>(), "a 404");
    }

    [Fact]
    public async Task The_schema_check_itself_refuses_a_body_of_the_wrong_shape()
    {
        var document = await DocumentAsync();
        var schema = document["paths"]!["/api/v1/terms"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        using var wrong = JsonDocument.Parse("""{"terms": [{"slug": 7}], "next": null}""");

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertMatches(document, schema, wrong.RootElement, "a wrong body"));
    }

    [Fact]
    public async Task The_reference_page_shows_every_operation_and_schema_of_the_document()
    {
        var document = await DocumentAsync();

        var page = await app.Browser().GetPageAsync("/developers/api");

        foreach (var (method, path, operation) in Operations(document))
        {
            var section = page.GetElementById(operation["operationId"]!.GetValue<string>())?.ParentElement;
            Assert.True(section is not null, $"{method} {path} is missing from the page");
            Assert.Contains($"{method.ToUpperInvariant()} {path}", section!.QuerySelector(".api-route")!.Text(), StringComparison.Ordinal);
            Assert.NotNull(section.QuerySelector("form[data-try-method]"));
        }
        foreach (var (name, _) in document["components"]!["schemas"]!.AsObject())
        {
            Assert.NotNull(page.GetElementById($"schema-{name}"));
        }
    }

    [Fact]
    public async Task The_document_is_open_to_other_sites()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, DocumentAddress);
        request.Headers.Add("Origin", "https://partner.example");

        using var response = await app.Browser().SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    /// <summary>Example values for the parameters the operations take; a slug is a starter term's.</summary>
    private static readonly Dictionary<string, string> Examples = new()
    {
        ["slug"] = "therapeutic-relationship",
        ["q"] = "copay",
        ["limit"] = "3",
        ["category"] = "healthcare",
    };

    private static HttpRequestMessage Request(string method, string path, JsonNode operation)
    {
        var query = new List<string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var name = parameter!["name"]!.GetValue<string>();
            if (parameter["in"]!.GetValue<string>() == "path")
            {
                path = path.Replace($"{{{name}}}", Uri.EscapeDataString(Examples[name]), StringComparison.Ordinal);
            }
            else if (parameter["in"]!.GetValue<string>() == "query" && Examples.TryGetValue(name, out var value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        var address = new Uri(query.Count == 0 ? path : $"{path}?{string.Join('&', query)}", UriKind.Relative);
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), address);
        if (operation["requestBody"] is not null)
        {
            var title = method == "post" ? $"OpenAPI sample {Guid.NewGuid():N}"[..30] : "Therapeutic relationship";
            request.Content = new StringContent(
                JsonSerializer.Serialize(new { title, definition = "A sample written by the OpenAPI document's test." }), Encoding.UTF8, "application/json");
        }
        return request;
    }

    /// <summary>Checks a body against a schema from the document, its references resolved within the document.</summary>
    private static void AssertMatches(JsonNode document, JsonNode schema, JsonElement body, string what)
    {
        var root = schema.DeepClone().AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = document["components"]!["schemas"]!.DeepClone();
        var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
        var built = JsonSchema.FromText(text, new BuildOptions(), new Uri($"https://schemas.test/{Guid.NewGuid():N}"));

        var result = built.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, $"{what}: {string.Join("; ", (result.Details ?? []).Where(detail => detail.Errors is not null).SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}")))}");
    }

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await app.Browser().GetStringAsync(DocumentAddress))!;

    private static List<(string Method, string Path, JsonNode Operation)> Operations(JsonNode document) =>
        [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(entry => entry.Key is "get" or "put" or "post" or "delete" or "patch")
            .Select(entry => (entry.Key, path.Key, entry.Value!)))];
}
