using System.Text;
using System.Text.Json.Nodes;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.Syndication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommerceGuard.Features.Api;

/// <summary>
/// The OpenAPI 3.1 document at <c>/openapi/v1.json</c>, made from the endpoints themselves so
/// that it cannot drift from them. What the endpoints cannot say for themselves is added here:
/// the key scheme, and the answers every endpoint can give (429 past the rate limit, 304 to a
/// conditional GET, 401 and 403 where a key is needed).
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/v1.json";
    public const string KeyScheme = "apiKey";
    public const string ScopeExtension = "x-api-key-scope";

    /// <summary>Endpoint metadata for the answers that carry Last-Modified (and so honour If-Modified-Since).</summary>
    public static readonly object SendsLastModified = new LastModifiedMarker();

    private sealed class LastModifiedMarker;

    public static WebApplicationBuilder AddApiDocument(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiDocumentCache>();
        builder.Services.AddOpenApi(Name, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(DescribeOperationAsync);
            options.AddSchemaTransformer(RequireTermBasicsAsync);
        });
        return builder;
    }

    /// <summary>
    /// Serves the document, made once: the endpoints it describes cannot change while the site
    /// runs, so there is no reason to make it again for every client generator and crawler.
    /// </summary>
    public static void MapApiDocument(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext http, ApiDocumentCache cache, CancellationToken cancellationToken) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return ConditionalGet.Respond(http, await cache.JsonAsync(cancellationToken), "application/json; charset=utf-8", null);
        }).RequireCors(ApiSetup.CorsPolicy).ExcludeFromDescription();

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CommerceGuard glossary API",
            Version = Name,
            Description = """
                The CommerceGuard glossary for other programs: published terms, categories, search and
                suggestions for anyone, and, with an API key an Admin issued, terms in every status and
                the means to write them.

                Every successful answer carries an ETag; a GET with `If-None-Match` (or `If-Modified-Since`,
                where there is a Last-Modified) answers 304 when nothing changed. Reading is open to scripts
                on any site (CORS). Each client (an address, or a key) has a quota, stated on every
                answer in the `RateLimit-Policy` and `RateLimit` fields; past it the answer is 429 with
                `Retry-After`. Errors are RFC 9457 problem details.
                """,
        };
        document.Servers = [new OpenApiServer { Url = context.ApplicationServices.GetRequiredService<SiteAddress>().Of("/") }];
        AddHeaderComponents(document);
        document.Components!.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key an Admin issued in the back office (Admin → API keys), sent as 'Authorization: Bearer cg_…'.",
        };
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "Glossary", Description = "Published terms and categories, for anyone." },
            new() { Name = "Search", Description = "The site's search, which forgives typos, and suggestions as a reader types." },
            new() { Name = "Editing", Description = "Terms in every status, and writing them. Needs an API key." },
            new() { Name = "Widget", Description = "What widget.js, the script partner sites add to link our terms in their articles, reads." },
        };
        return Task.CompletedTask;
    }

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        operation.Parameters ??= [];
        var isGet = context.Description.HttpMethod == "GET";
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var lastModified = isGet && metadata.Contains(SendsLastModified);
        if (isGet)
        {
            operation.Parameters.Add(Header("If-None-Match", "The ETag of the copy you hold: the answer is 304 with no body when it is still current."));
        }
        if (lastModified)
        {
            operation.Parameters.Add(Header("If-Modified-Since", "The Last-Modified of the copy you hold; If-None-Match wins when both are sent."));
        }
        else if (context.Description.HttpMethod == "PUT")
        {
            operation.Parameters.Add(Header("If-Match", "The ETag of the term as you fetched it; the change is refused with 412 if the term changed since.", required: true));
        }
        if (metadata.OfType<IAuthorizeData>().FirstOrDefault() is { Policy: { } policy })
        {
            var scope = policy.Replace("api-", "", StringComparison.Ordinal);
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, context.Document)] = [] }];
            // The scope a key needs, for programs (and the reference page) to read without parsing prose.
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[ScopeExtension] = new JsonNodeExtension(JsonValue.Create(scope));
            operation.Responses.TryAdd("401", Problem("No API key was sent, or the key is unknown or revoked."));
            operation.Responses.TryAdd("403", Problem($"The key's scope does not allow this (it needs {scope})."));
        }
        if (isGet)
        {
            operation.Responses.TryAdd("304", new OpenApiResponse
            {
                Description = lastModified ? "The copy named in If-None-Match (or If-Modified-Since) is current." : "The copy named in If-None-Match is current.",
            });
        }
        operation.Responses.TryAdd("429", Problem("This client has used its quota; Retry-After says when to come back."));
        foreach (var (status, response) in operation.Responses)
        {
            DescribeHeaders(context.Document, status, (OpenApiResponse)response, isGet, lastModified);
        }
        // In the order of their codes, as a reader looks them up.
        var ordered = operation.Responses.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses.Add(status, response);
        }
        return Task.CompletedTask;
    }

    /// <summary>The fields answers carry, each described once in the document's components.</summary>
    private static readonly Dictionary<string, string> HeaderFields = new()
    {
        ["RateLimit-Policy"] = "The client's quota: q requests a window of w seconds, as in \"address\";q=120;w=60.",
        ["RateLimit"] = "What is left of the quota (r) and the seconds until it is whole again (t), as in \"address\";r=119;t=1.",
        ["Retry-After"] = "Seconds to wait before asking again.",
        ["ETag"] = "Names this version of the answer; send it back in If-None-Match (or If-Match, to change a term).",
        ["Last-Modified"] = "When the newest term in the answer changed.",
    };

    /// <summary>Where the client stands with its quota, on every answer, and the validators of what it got.</summary>
    private static void DescribeHeaders(OpenApiDocument? document, string status, OpenApiResponse response, bool isGet, bool lastModified)
    {
        List<string> fields = ["RateLimit-Policy", "RateLimit"];
        if (status == "429")
        {
            fields.Add("Retry-After");
        }
        // A 412 names the version the term is at now, to fetch and merge with.
        if (status is "200" or "201" or "304" or "412")
        {
            fields.Add("ETag");
        }
        if (lastModified && status is "200" or "304")
        {
            fields.Add("Last-Modified");
        }
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var field in fields)
        {
            response.Headers[field] = new OpenApiHeaderReference(field, document);
        }
    }

    private static void AddHeaderComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, description) in HeaderFields)
        {
            document.Components.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }

    private static OpenApiParameter Header(string name, string description, bool required = false) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Description = description,
        Required = required,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    /// <summary>
    /// A term's title and definition are required, but a body without them is answered with
    /// each missing field's problem rather than a parse error, so the type cannot say so itself.
    /// </summary>
    private static Task RequireTermBasicsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(Editing.TermInputDto))
        {
            schema.Required = new HashSet<string> { "title", "definition" };
        }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails") },
        },
    };
}

/// <summary>
/// The OpenAPI document, made on first use and kept, as an object for the reference page and as
/// JSON. Making it is the same every time, so it is made once for everyone, whoever asks first.
/// </summary>
public sealed class ApiDocumentCache
{
    private readonly IServiceScopeFactory scopes;
    private readonly Lazy<Task<Made>> made;

    public ApiDocumentCache(IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        made = new Lazy<Task<Made>>(MakeAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private sealed record Made(OpenApiDocument Document, byte[] Json);

    public async Task<OpenApiDocument> DocumentAsync(CancellationToken cancellationToken) =>
        (await made.Value.WaitAsync(cancellationToken)).Document;

    public async Task<byte[]> JsonAsync(CancellationToken cancellationToken) =>
        (await made.Value.WaitAsync(cancellationToken)).Json;

    private async Task<Made> MakeAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocument.Name);
        var document = await provider.GetOpenApiDocumentAsync(CancellationToken.None);
        return new Made(document, Encoding.UTF8.GetBytes(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, CancellationToken.None)));
    }
}
