using System.Text.Json;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Interchange.Json;

/// <summary>
/// Writes a glossary in the JSON format that <c>glossary.schema.json</c> describes: the
/// categories, then every term, written as they come so that memory stays bounded.
/// </summary>
public static class JsonGlossaryWriter
{
    public const string FormatName = "commerceguard-glossary";
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<int> WriteAsync(
        Stream stream, IEnumerable<Category> categories, IAsyncEnumerable<TermRecord> terms, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteNumber("version", FormatVersion);
        writer.WriteStartArray("categories");
        foreach (var category in categories)
        {
            writer.WriteStartObject();
            writer.WriteString("slug", category.Slug);
            writer.WriteString("name", category.Name);
            writer.WriteString("description", category.Description);
            if (category.Translations.Count > 0)
            {
                writer.WritePropertyName("translations");
                JsonSerializer.Serialize(writer, Importing.CategoryRecords.Of(category).Translations, JsonSerializerOptions.Web);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("terms");
        var count = 0;
        await foreach (var term in terms.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(writer, term, Options);
            if (++count % 500 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        return count;
    }
}
