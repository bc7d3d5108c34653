using System.Globalization;
using System.Text;
using YamlDotNet.Serialization;

namespace CommerceGuard.Features.Interchange;

/// <summary>
/// Writes a term as <see cref="MarkdownTermFile"/> reads it: YAML front matter, the definition,
/// then a level-2 section for each example, Misuse, Benefits and Conclusion.
/// </summary>
public static class MarkdownTermWriter
{
    private static readonly ISerializer FrontMatterWriter = new SerializerBuilder()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public static string Write(TermRecord record)
    {
        var front = new Dictionary<string, object?>
        {
            ["title"] = record.Title,
            ["slug"] = record.Slug,
            ["language"] = record.Language,
            ["translationof"] = record.TranslationOf,
            ["status"] = record.Status,
            ["categories"] = NullIfEmpty(record.Categories),
            ["aliases"] = NullIfEmpty(record.Aliases),
            ["related"] = NullIfEmpty(record.Related),
            ["modified"] = record.Modified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["autolink"] = record.AutoLink ? null : "false",
            ["sources"] = record.Sources.Count == 0 ? null : record.Sources.Select(source => new Dictionary<string, string?>
            {
                ["title"] = source.Title,
                ["kind"] = source.Kind is { } kind ? Glossary.SourceKinds.Of(kind) : null,
                ["citation"] = source.Citation,
                ["address"] = source.Address,
                ["publisher"] = source.Publisher,
                ["published"] = source.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["accessed"] = source.Accessed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["supports"] = source.Supports,
            }.Where(pair => pair.Value is not null).ToDictionary()).ToList(),
            ["editornote"] = record.EditorNote,
        };
        var text = new StringBuilder("---\n");
        text.Append(FrontMatterWriter.Serialize(front.Where(pair => pair.Value is not null).ToDictionary()));
        text.Append("---\n").Append(record.Definition.Trim()).Append('\n');
        foreach (var example in record.Examples)
        {
            Section(text, "Example", example);
        }
        Section(text, "Misuse", record.Misuse);
        Section(text, "Benefits", record.Benefits);
        Section(text, "Conclusion", record.Conclusion);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string heading, string? body)
    {
        if (!string.IsNullOrWhiteSpace(body))
        {
            text.Append("\n## ").Append(heading).Append("\n\n").Append(body.Trim()).Append('\n');
        }
    }

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> values) => values.Count == 0 ? null : values;
}
