namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>
/// Tidies what an editor typed (trimmed text, blank items dropped, a slug made from the title
/// when none is given) and says what is still wrong with it, field by field.
/// </summary>
public static class TermValidation
{
    /// <summary>How many examples, related terms, aliases or sources a term may have.</summary>
    public const int MaxItems = 30;

    public static TermContent Tidied(TermContent content)
    {
        var title = Printable(content.Title).Trim();
        var slug = content.Slug.Trim();
        return content with
        {
            Title = title,
            Slug = slug.Length == 0 ? Slug.FromTitle(title) : slug,
            Definition = Printable(content.Definition).Trim(),
            Examples = [.. content.Examples.Select(example => Printable(example).Trim()).Where(example => example.Length > 0)],
            Misuse = Blank(content.Misuse),
            Benefits = Blank(content.Benefits),
            Conclusion = Blank(content.Conclusion),
            Aliases = [.. content.Aliases.Select(alias => Printable(alias).Trim())
                .Where(alias => alias.Length > 0 && !alias.Equals(title, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)],
            CategoryIds = [.. content.CategoryIds.Distinct().Order()],
            Sources = [.. content.Sources.Select(Tidied).Where(source => source is not null).Select(source => source!)],
            EditorNote = Blank(content.EditorNote),
        };
    }

    /// <summary>What is wrong, by <see cref="TermFields"/> name; empty when nothing is.</summary>
    public static Dictionary<string, string> Problems(TermContent content, DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        void Check(bool wrong, string field, string message)
        {
            if (wrong)
            {
                problems.TryAdd(field, message);
            }
        }

        Check(content.Title.Length == 0, TermFields.Title, "Enter the term's title.");
        Check(content.Title.Length > TermConfiguration.TitleMaxLength, TermFields.Title, $"Keep the title to {TermConfiguration.TitleMaxLength} characters.");
        Report(TermFields.Title, TitleLookalikes.Problem(content.Title));
        var example = Slug.FromTitle(content.Title) is { Length: > 0 } fromTitle ? fromTitle : "health-savings-account";
        // With neither title nor slug, the missing title is the one thing to say.
        Check(!Slug.IsValid(content.Slug) && (content.Slug.Length > 0 || content.Title.Length > 0), TermFields.Slug,
            $"Use lower-case letters, digits and single hyphens for the slug, at most {Slug.MaxLength}, such as \"{example}\".");
        Check(content.Definition.Length == 0, TermFields.Definition, "Enter the definition.");
        CheckText(content.Definition, TermFields.Definition);
        Check(content.Examples.Count > MaxItems, TermFields.Examples, $"A term can have at most {MaxItems} examples.");
        foreach (var text in content.Examples)
        {
            CheckText(text, TermFields.Examples);
        }
        CheckText(content.Misuse, TermFields.Misuse);
        CheckText(content.Benefits, TermFields.Benefits);
        CheckText(content.Conclusion, TermFields.Conclusion);
        Check(content.RelatedSlugs.Count > MaxItems, TermFields.Related, $"A term can have at most {MaxItems} related terms.");
        Check(content.RelatedSlugs.Any(slug => !Slug.IsValid(slug)), TermFields.Related, "Name each related term by its title or slug.");
        Check(content.Aliases.Count > MaxItems, TermFields.Aliases, $"A term can have at most {MaxItems} other names.");
        Check(content.Aliases.Any(alias => alias.Length > TermConfiguration.TitleMaxLength), TermFields.Aliases,
            $"Keep each other name to {TermConfiguration.TitleMaxLength} characters.");
        foreach (var alias in content.Aliases)
        {
            Report(TermFields.Aliases, TitleLookalikes.Problem(alias));
        }
        Check(content.Sources.Count > MaxItems, TermFields.Sources, $"A term can have at most {MaxItems} sources.");
        foreach (var source in content.Sources)
        {
            Report(TermFields.Sources, SourceProblem(source, today));
        }
        Check(content.EditorNote?.Length > TermConfiguration.EditorNoteMaxLength, TermFields.EditorNote,
            $"Keep the editor's note to {TermConfiguration.EditorNoteMaxLength} characters.");
        return problems;

        void Report(string field, string? problem) => Check(problem is not null, field, problem ?? "");

        void CheckText(string? text, string field) => Check(text?.Length > TermConfiguration.TextMaxLength, field,
            $"Keep each text to {TermConfiguration.TextMaxLength:N0} characters.");
    }

    private static string? SourceProblem(TermSource source, DateOnly today)
    {
        if (source.Title.Length == 0)
        {
            return "Give every source a title.";
        }
        if (source.Title.Length > TermSource.TitleMaxLength || source.Citation?.Length > TermSource.CitationMaxLength
            || source.Publisher?.Length > TermSource.PublisherMaxLength)
        {
            return $"Keep a source's title and citation to {TermSource.TitleMaxLength} characters each and its publisher to {TermSource.PublisherMaxLength}.";
        }
        if (source.Kind is { } kind && !Enum.IsDefined(kind))
        {
            return $"The kind of \"{source.Title}\" must be one of: {SourceKinds.Listed}.";
        }
        if (source.Supports is { } section && SourceSections.Parse(section) is null)
        {
            return $"\"{source.Title}\" supports \"{section}\", which is not a part of a term; name one of: {SourceSections.Listed}, or none for the whole term.";
        }
        if (source.Address is { } address && !IsWebAddress(address))
        {
            return $"The address of \"{source.Title}\" must be a full web address starting with https:// or http://.";
        }
        if (source.Accessed is { } accessed && (accessed > today || accessed.Year < 1990))
        {
            return $"The date \"{source.Title}\" was accessed must be a real date, not in the future.";
        }
        if (source.Published is { } published && (published > today || published.Year < 1000))
        {
            return $"The date \"{source.Title}\" was published must be a real date, not in the future.";
        }
        return null;
    }

    private static bool IsWebAddress(string address) =>
        address.Length <= TermSource.AddressMaxLength
        && Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static TermSource? Tidied(TermSource source)
    {
        var supports = Blank(source.Supports);
        var tidied = source with
        {
            Title = Printable(source.Title).Trim(),
            Citation = Blank(source.Citation),
            Address = Blank(source.Address),
            Publisher = Blank(source.Publisher),
            Supports = supports is null ? null : SourceSections.Parse(supports) ?? supports,
        };
        var empty = tidied is { Title.Length: 0, Kind: null, Citation: null, Address: null, Publisher: null, Published: null, Accessed: null, Supports: null };
        return empty ? null : tidied;
    }

    /// <summary>The text printable and trimmed, or null when there is none.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : Printable(text).Trim();

    /// <summary>
    /// The text without what no document can hold: control characters other than tab and line
    /// breaks (pasted in from word processors and PDFs, and refused by XML), the non-characters
    /// U+FFFE and U+FFFF, and halves of broken characters. The same text when it has none.
    /// </summary>
    public static string Printable(string text)
    {
        var i = 0;
        while (i < text.Length && !IsUnprintable(text, i))
        {
            i++;
        }
        if (i == text.Length)
        {
            return text;
        }
        var kept = new System.Text.StringBuilder(text.Length).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            if (!IsUnprintable(text, i))
            {
                kept.Append(text[i]);
            }
        }
        return kept.ToString();
    }

    private static bool IsUnprintable(string text, int i)
    {
        var c = text[i];
        return (c < ' ' && c is not ('\t' or '\n' or '\r'))
            || c is '\uFFFE' or '\uFFFF'
            || (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
            || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
    }
}
