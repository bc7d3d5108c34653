using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CommerceGuard.Features.Interchange;

/// <summary>
/// Reads one term from a Markdown file with YAML front matter, the format documented in
/// <c>Starter/README.md</c>: the definition comes before the first level-2 heading, then
/// <c>## Example</c> (repeatable), <c>## Misuse</c>, <c>## Benefits</c>, <c>## Conclusion</c>.
/// </summary>
public static partial class MarkdownTermFile
{
    private const string Fence = "---";

    private static readonly IDeserializer FrontMatterReader = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <exception cref="InterchangeException">The file is not a valid term, with the line at fault.</exception>
    /// <param name="file">The file's name, for messages.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="language">When given, a file in another language is returned unread past its front matter, to be skipped.</param>
    public static TermRecord Read(string file, string text, string? language = null)
    {
        var lines = text.ReplaceLineEndings("\n").TrimStart('\uFEFF').Split('\n');
        var (front, bodyStart) = ReadFrontMatter(file, lines);
        var written = NullIfBlank(front.Language) ?? NullIfBlank(front.Lang);
        if (language is not null && written is not null && !written.Equals(language, StringComparison.OrdinalIgnoreCase))
        {
            return new TermRecord { Title = front.Title?.Trim() ?? "", Definition = "", Language = written, Slug = NullIfBlank(front.Slug) };
        }
        if (IsFalse(front.Published))
        {
            // A draft in its source (Jekyll's "published: false") may lack a title; it is only reported.
            return new TermRecord { Title = front.Title?.Trim() ?? "", Definition = "", DraftInSource = true, Slug = NullIfBlank(front.Slug) };
        }
        if (lines.Skip(bodyStart).All(string.IsNullOrWhiteSpace))
        {
            // A page a site keeps with no text yet: there is nothing of it to import.
            return new TermRecord { Title = front.Title?.Trim() ?? "", Definition = "", EmptyInSource = true, Slug = NullIfBlank(front.Slug) };
        }
        var sections = ReadSections(file, lines, bodyStart);

        var title = front.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            throw new InterchangeException(file, 2, "The front matter has no title.");
        }
        if (sections.Definition.Length == 0)
        {
            throw new InterchangeException(file, bodyStart + 1, "The term has no definition: write it before the first heading.");
        }
        return new TermRecord
        {
            Title = title,
            Slug = NullIfBlank(front.Slug),
            Language = NullIfBlank(front.Language) ?? NullIfBlank(front.Lang),
            TranslationOf = NullIfBlank(front.TranslationOf),
            Status = NullIfBlank(front.Status),
            Categories = Clean(Strings(front.Categories)),
            Aliases = Clean(Strings(front.Aliases)),
            Related = Clean(Strings(front.Related)),
            Modified = ReadDate(file, "modified", front.Modified),
            AutoLink = front.AutoLink ?? true,
            Sources = ReadSources(file, front.Sources),
            EditorNote = NullIfBlank(front.EditorNote),
            Definition = sections.Definition,
            Examples = sections.Examples,
            Misuse = sections.Misuse,
            Benefits = sections.Benefits,
            Conclusion = sections.Conclusion,
        };
    }

    private static (FrontMatter Front, int BodyStart) ReadFrontMatter(string file, string[] lines)
    {
        // Blank lines before the front matter are forgiven: a stray newline is a common slip.
        var start = Array.FindIndex(lines, line => line.Trim().Length > 0);
        if (start < 0 || lines[start].TrimEnd() != Fence)
        {
            throw new InterchangeException(file, start < 0 ? 1 : start + 1, "The file must start with front matter between two '---' lines.");
        }
        var end = Array.FindIndex(lines, start + 1, line => line.TrimEnd() == Fence);
        if (end < 0)
        {
            var lastLine = lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
            throw new InterchangeException(file, lastLine, "The front matter is never closed with a '---' line.");
        }
        try
        {
            var yaml = string.Join('\n', lines[(start + 1)..end]);
            return (FrontMatterReader.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter(), end + 1);
        }
        catch (YamlException error)
        {
            // The YAML reader counts lines from the first line after the opening fence.
            var reason = error.InnerException?.Message ?? error.Message;
            throw new InterchangeException(file, (int)error.Start.Line + 1 + start, $"The front matter is not valid YAML: {reason}");
        }
    }

    private static Sections ReadSections(string file, string[] lines, int bodyStart)
    {
        var sections = new Sections();
        var current = new StringBuilder();
        string? heading = null;
        var headingLine = bodyStart;
        var inCodeFence = false;

        for (var i = bodyStart; i < lines.Length; i++)
        {
            var line = lines[i];
            if (CodeFence().IsMatch(line))
            {
                inCodeFence = !inCodeFence;
            }
            var match = inCodeFence ? Match.Empty : SectionHeading().Match(line);
            if (!match.Success)
            {
                current.Append(line).Append('\n');
                continue;
            }
            sections.Add(file, headingLine + 1, heading, current.ToString().Trim());
            heading = match.Groups["name"].Value;
            headingLine = i;
            current.Clear();
        }
        sections.Add(file, headingLine + 1, heading, current.ToString().Trim());
        return sections;
    }

    private static DateOnly? ReadDate(string file, string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // Jekyll and Hugo write full timestamps; the date is what the page shows.
        var datePart = text.Trim().Split(' ', 'T')[0];
        return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InterchangeException(file, 2, $"'{key}' must be a date written YYYY-MM-DD, not '{text}'.");
    }

    private static List<Glossary.TermSource> ReadSources(string file, List<Dictionary<string, string?>>? sources) =>
        sources is null ? [] : [.. sources.Select(source => new Glossary.TermSource
        {
            Title = source.GetValueOrDefault("title")?.Trim() ?? "",
            Kind = ReadKind(file, source.GetValueOrDefault("kind")),
            Citation = NullIfBlank(source.GetValueOrDefault("citation")),
            Address = NullIfBlank(source.GetValueOrDefault("address")),
            Publisher = NullIfBlank(source.GetValueOrDefault("publisher")),
            Published = ReadDate(file, "published", source.GetValueOrDefault("published")),
            Accessed = ReadDate(file, "accessed", source.GetValueOrDefault("accessed")),
            // A part not named as a term has it is reported by the term's checks, with the others.
            Supports = NullIfBlank(source.GetValueOrDefault("supports")),
        })];

    private static Glossary.SourceKind? ReadKind(string file, string? name) =>
        NullIfBlank(name) is not { } given ? null
            : Glossary.SourceKinds.Parse(given)
                ?? throw new InterchangeException(file, 2, $"A source's kind is '{given}'; name one of: {Glossary.SourceKinds.Listed}.");

    /// <summary>A list as YAML writes it, or one value written bare ("categories: glossary"), as strings.</summary>
    private static List<string>? Strings(object? value) => value switch
    {
        null => null,
        string one => [one],
        IEnumerable<object?> many => [.. many.Select(item => item?.ToString() ?? "")],
        var other => [other.ToString() ?? ""],
    };

    /// <summary>"published: false" or "published: 'false'", as Jekyll sites write it either way.</summary>
    private static bool IsFalse(object? value) => value?.ToString()?.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) == true;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] Clean(List<string>? values) =>
        values is null ? [] : [.. values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim())];

    [GeneratedRegex(@"^ {0,3}##[ \t]+(?<name>.+?)[ \t]*#*[ \t]*$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^ {0,3}(```|~~~)")]
    private static partial Regex CodeFence();

    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Slug { get; set; }
        public string? Language { get; set; }
        public string? TranslationOf { get; set; }
        public string? Status { get; set; }
        public object? Categories { get; set; }
        public object? Aliases { get; set; }
        public object? Related { get; set; }

        public List<Dictionary<string, string?>>? Sources { get; set; }

        public string? EditorNote { get; set; }

        /// <summary>Jekyll's draft flag.</summary>
        public object? Published { get; set; }

        /// <summary>Jekyll sites' name for the language.</summary>
        public string? Lang { get; set; }
        public string? Modified { get; set; }
        public bool? AutoLink { get; set; }
    }

    /// <summary>The body of a term file, split at its level-2 headings.</summary>
    private sealed partial class Sections
    {
        public string Definition { get; private set; } = "";
        public List<string> Examples { get; } = [];
        public string? Misuse { get; private set; }
        public string? Benefits { get; private set; }
        public string? Conclusion { get; private set; }

        public void Add(string file, int line, string? heading, string text)
        {
            switch (heading?.ToUpperInvariant())
            {
                case null:
                    Definition = text;
                    break;
                case var name when ExampleHeading().IsMatch(name):
                    Examples.Add(Required(file, line, heading, text));
                    break;
                case "MISUSE":
                    Misuse = Once(file, line, heading, Misuse, text);
                    break;
                case "BENEFITS":
                    Benefits = Once(file, line, heading, Benefits, text);
                    break;
                case "CONCLUSION":
                    Conclusion = Once(file, line, heading, Conclusion, text);
                    break;
                default:
                    throw new InterchangeException(file, line,
                        $"'## {heading}' is not a section of a term; use Example, Misuse, Benefits or Conclusion.");
            }
        }

        private static string Once(string file, int line, string heading, string? earlier, string text) =>
            earlier is null
                ? Required(file, line, heading, text)
                : throw new InterchangeException(file, line, $"The term has a second '## {heading}' section.");

        private static string Required(string file, int line, string heading, string text) =>
            text.Length > 0 ? text : throw new InterchangeException(file, line, $"The '## {heading}' section is empty.");

        [GeneratedRegex(@"^EXAMPLE( *#? *\d+)?$")]
        private static partial Regex ExampleHeading();
    }
}
