using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CommerceGuard.Features.Api.Reference;

/// <summary>An operation as the reference page shows it, with what its "try it" form needs.</summary>
public sealed record ReferenceOperation(
    string Method, string Path, string Id, string Summary, string Description, string? Scope,
    IReadOnlyList<ReferenceField> Parameters, string? BodySchema, IReadOnlyList<ReferenceResponse> Responses);

/// <summary>A parameter, or a property of a schema.</summary>
public sealed record ReferenceField(string Name, string In, bool Required, string Type, string? TypeLink, string Description);

public sealed record ReferenceResponse(string Status, string Description, string? Schema);

public sealed record ReferenceSchema(string Name, string Description, IReadOnlyList<ReferenceField> Properties);

public sealed record ReferenceTag(string Name, string Description, IReadOnlyList<ReferenceOperation> Operations);

/// <summary>
/// The API's OpenAPI document, read into what the reference page lists: the same document that
/// <c>/openapi/v1.json</c> serves, so the page cannot say anything the document does not.
/// </summary>
public sealed class ApiReference(ApiDocumentCache cache)
{
    /// <summary>Kept whole in one reference, so that no reader sees half of it.</summary>
    private sealed record Contents(IReadOnlyList<ReferenceTag> Tags, IReadOnlyList<ReferenceSchema> Schemas);

    private Contents? read;

    /// <summary>The document's tags, operations and schemas, read once: the document never changes while the site runs.</summary>
    public async Task<(IReadOnlyList<ReferenceTag> Tags, IReadOnlyList<ReferenceSchema> Schemas)> ReadAsync(CancellationToken cancellationToken)
    {
        var done = read ??= Read(await cache.DocumentAsync(cancellationToken));
        return (done.Tags, done.Schemas);
    }

    private static Contents Read(OpenApiDocument document)
    {
        var operations = (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(entry => (Tag: entry.Value.Tags?.FirstOrDefault()?.Name ?? "", Operation: Operation(path.Key, entry.Key, entry.Value))))
            .ToList();
        var tags = (document.Tags ?? new HashSet<OpenApiTag>())
            .Select(tag => new ReferenceTag(tag.Name ?? "", tag.Description ?? "", [.. operations.Where(each => each.Tag == tag.Name).Select(each => each.Operation)]))
            .Where(tag => tag.Operations.Count > 0)
            .ToList();
        var schemas = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .OrderBy(schema => schema.Key, StringComparer.Ordinal)
            .Select(schema => new ReferenceSchema(schema.Key, schema.Value.Description ?? "", [.. Properties(schema.Value)]))
            .ToList();
        return new Contents(tags, schemas);
    }

    private static ReferenceOperation Operation(string path, HttpMethod method, OpenApiOperation operation)
    {
        var scope = operation.Extensions?.TryGetValue(ApiDocument.ScopeExtension, out var named) == true && named is JsonNodeExtension { Node: JsonValue value }
            ? value.GetValue<string>()
            : null;
        var parameters = (operation.Parameters ?? [])
            .Select(parameter => Field(parameter.Name ?? "", parameter.In?.ToString().ToLowerInvariant() ?? "", parameter.Required, parameter.Schema, parameter.Description))
            .ToList();
        var body = operation.RequestBody?.Content?.Values.FirstOrDefault()?.Schema;
        var responses = (operation.Responses ?? [])
            .Select(response => new ReferenceResponse(response.Key, response.Value.Description ?? "",
                response.Value.Content?.Values.FirstOrDefault()?.Schema is { } schema ? TypeOf(schema).Link : null))
            .ToList();
        return new ReferenceOperation(
            method.Method, path, operation.OperationId ?? "", operation.Summary ?? "", operation.Description ?? "",
            scope, parameters, body is null ? null : TypeOf(body).Link, responses);
    }

    private static IEnumerable<ReferenceField> Properties(IOpenApiSchema schema) =>
        (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(property =>
            Field(property.Key, "body", schema.Required?.Contains(property.Key) == true, property.Value, property.Value.Description));

    private static ReferenceField Field(string name, string where, bool required, IOpenApiSchema? schema, string? description)
    {
        var (type, link) = schema is null ? ("string", null) : TypeOf(schema);
        return new ReferenceField(name, where, required, type, link, description ?? "");
    }

    /// <summary>A schema in words ("array of TermSummaryDto", "string or null"), and the named schema it refers to.</summary>
    private static (string Type, string? Link) TypeOf(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            return (id, id);
        }
        var type = schema.Type ?? JsonSchemaType.Object;
        var (words, link) = (type & ~JsonSchemaType.Null) switch
        {
            JsonSchemaType.Array when schema.Items is { } items => TypeOf(items) is var (itemType, itemLink) ? ($"array of {itemType}", itemLink) : default,
            JsonSchemaType.Integer | JsonSchemaType.String => ("integer", null),
            JsonSchemaType.Number | JsonSchemaType.String => ("number", null),
            var other => (other.ToString().ToLowerInvariant(), (string?)null),
        };
        if (schema.Format is { } format && format is "date-time" or "date" or "uri")
        {
            words += $" ({format})";
        }
        return (type.HasFlag(JsonSchemaType.Null) ? $"{words} or null" : words, link);
    }
}
