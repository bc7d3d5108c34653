using System.Globalization;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;

namespace CommerceGuard.Features.Admin.Terms;

/// <summary>The editor form as posted: the term's content as typed, and the version it started from.</summary>
public sealed class TermForm
{
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Definition { get; set; } = "";
    public List<string> Examples { get; set; } = [];
    public string? Misuse { get; set; }
    public string? Benefits { get; set; }
    public string? Conclusion { get; set; }

    /// <summary>Each a title or a slug, of a term written or not.</summary>
    public List<string> Related { get; set; } = [];

    /// <summary>One other name a line.</summary>
    public string Aliases { get; set; } = "";

    public List<int> CategoryIds { get; set; } = [];
    public List<SourceForm> Sources { get; set; } = [];
    public string? EditorNote { get; set; }
    public bool AutoLink { get; set; } = true;

    /// <summary>The writer's line about this save, for the history.</summary>
    public string? Summary { get; set; }

    /// <summary>The term's version when the form was opened; 0 for a new term.</summary>
    public int Version { get; set; }

    /// <summary>The revision the form's content started from, so that a conflict can tell whose change is whose.</summary>
    public int? BaseRevision { get; set; }

    /// <summary>For a new translation: the term it translates, and the language it is written in.</summary>
    public int? TranslationOf { get; set; }
    public string? Language { get; set; }

    /// <summary>The translator says the translation now says what its original's published text says.</summary>
    public bool InStep { get; set; }

    /// <summary>Publish although the readability panel says a part reads above the warning grade.</summary>
    public bool PublishAnyway { get; set; }

    public static TermForm From(TermContent content, int version) => new()
    {
        Title = content.Title,
        Slug = content.Slug,
        Definition = content.Definition,
        Examples = [.. content.Examples],
        Misuse = content.Misuse,
        Benefits = content.Benefits,
        Conclusion = content.Conclusion,
        Related = [.. content.RelatedSlugs],
        Aliases = string.Join('\n', content.Aliases),
        CategoryIds = [.. content.CategoryIds],
        Sources = [.. content.Sources.Select(SourceForm.From)],
        EditorNote = content.EditorNote,
        AutoLink = content.AutoLink,
        Version = version,
    };

    /// <summary>Puts one field of <paramref name="content"/> into the form, as it is there.</summary>
    public void Take(string field, TermContent content)
    {
        var from = From(content, Version);
        switch (field)
        {
            case TermFields.Title: Title = from.Title; break;
            case TermFields.Slug: Slug = from.Slug; break;
            case TermFields.Definition: Definition = from.Definition; break;
            case TermFields.Examples: Examples = from.Examples; break;
            case TermFields.Misuse: Misuse = from.Misuse; break;
            case TermFields.Benefits: Benefits = from.Benefits; break;
            case TermFields.Conclusion: Conclusion = from.Conclusion; break;
            case TermFields.Related: Related = from.Related; break;
            case TermFields.Aliases: Aliases = from.Aliases; break;
            case TermFields.Categories: CategoryIds = from.CategoryIds; break;
            case TermFields.Sources: Sources = from.Sources; break;
            case TermFields.EditorNote: EditorNote = from.EditorNote; break;
            case TermFields.AutoLink: AutoLink = from.AutoLink; break;
        }
    }

    public TermContent ToContent() => new()
    {
        Title = Title ?? "",
        Slug = Slug ?? "",
        Definition = Definition ?? "",
        Examples = [.. Examples.Select(example => example ?? "")],
        Misuse = Misuse,
        Benefits = Benefits,
        Conclusion = Conclusion,
        RelatedSlugs = [.. Related.Select(related => related ?? "")],
        Aliases = (Aliases ?? "").Split('\n'),
        CategoryIds = CategoryIds,
        Sources = [.. Sources.Select(source => source.ToSource())],
        EditorNote = EditorNote,
        AutoLink = AutoLink,
    };

    /// <summary>Source dates that are not dates, which the content cannot hold, named for the writer.</summary>
    public IEnumerable<string> DateProblems() =>
        Sources.SelectMany(source => new[] { source.Published, source.Accessed })
            .Where(date => !string.IsNullOrWhiteSpace(date) && SourceForm.DateOf(date) is null)
            .Select(date => $"\"{date}\" is not a date; write it as 2025-04-30.");
}

/// <summary>A source as its form row holds it; dates stay text until they are known to be dates.</summary>
public sealed class SourceForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public string? Citation { get; set; }
    public string? Address { get; set; }
    public string? Publisher { get; set; }
    public string? Published { get; set; }
    public string? Accessed { get; set; }
    public string? Supports { get; set; }

    public static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static SourceForm From(TermSource source) => new()
    {
        Title = source.Title,
        Kind = source.Kind is { } kind ? SourceKinds.Of(kind) : null,
        Citation = source.Citation,
        Address = source.Address,
        Publisher = source.Publisher,
        Published = source.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Accessed = source.Accessed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Supports = source.Supports,
    };

    public TermSource ToSource() => new()
    {
        Title = Title ?? "",
        Kind = string.IsNullOrWhiteSpace(Kind) ? null : SourceKinds.Parse(Kind),
        Citation = Citation,
        Address = Address,
        Publisher = Publisher,
        Published = DateOf(Published),
        Accessed = DateOf(Accessed),
        Supports = string.IsNullOrWhiteSpace(Supports) ? null : Supports,
    };
}
