using System.Text.Json.Serialization;

namespace CommerceGuard.Features.Glossary;

/// <summary>A work a term draws on, cited the way a reader can find it again.</summary>
public sealed record TermSource
{
    public const int TitleMaxLength = 300;
    public const int CitationMaxLength = 300;
    public const int AddressMaxLength = 2000;
    public const int PublisherMaxLength = 200;

    /// <summary>The work's name: "Fair Debt Collection Practices Act".</summary>
    public required string Title { get; init; }

    /// <summary>What kind of work it is; null when the editor has not said.</summary>
    public SourceKind? Kind { get; init; }

    /// <summary>How lawyers and scholars cite it: "15 U.S.C. § 1692", "Smith v. Jones, 123 F.3d 456 (9th Cir. 1997)".</summary>
    public string? Citation { get; init; }

    /// <summary>An absolute http or https address, when the work is online.</summary>
    public string? Address { get; init; }

    public string? Publisher { get; init; }

    /// <summary>When the work was published, enacted or decided.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>When an editor last read it at that address.</summary>
    public DateOnly? Accessed { get; init; }

    /// <summary>
    /// The part of the term the work supports, named as <see cref="SourceSections"/> spells it
    /// ("definition", "misuse"…); null when it supports the term as a whole.
    /// </summary>
    public string? Supports { get; init; }

    /// <summary>
    /// The address when it is one a reader can follow: http or https. Saved sources are checked,
    /// but a preview shows what is being typed, so pages link through this.
    /// </summary>
    [JsonIgnore]
    public string? WebAddress =>
        Uri.TryCreate(Address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? Address
            : null;
}

/// <summary>The kinds of work a source can be. Files and the API spell them as the attributes say.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceKind>))]
public enum SourceKind
{
    [JsonStringEnumMemberName("statute")] Statute,
    [JsonStringEnumMemberName("regulation")] Regulation,
    [JsonStringEnumMemberName("court-decision")] CourtDecision,
    [JsonStringEnumMemberName("agency-guidance")] AgencyGuidance,
    [JsonStringEnumMemberName("study")] Study,
    [JsonStringEnumMemberName("news")] News,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>The source kinds by the names files use: "court-decision", "agency-guidance"…</summary>
public static class SourceKinds
{
    public static readonly IReadOnlyDictionary<string, SourceKind> All = new Dictionary<string, SourceKind>
    {
        ["statute"] = SourceKind.Statute,
        ["regulation"] = SourceKind.Regulation,
        ["court-decision"] = SourceKind.CourtDecision,
        ["agency-guidance"] = SourceKind.AgencyGuidance,
        ["study"] = SourceKind.Study,
        ["news"] = SourceKind.News,
        ["other"] = SourceKind.Other,
    };

    public static string Of(SourceKind kind) => All.Single(entry => entry.Value == kind).Key;

    /// <summary>The kind a name spells, in any case, with spaces or hyphens between words; null for none.</summary>
    public static SourceKind? Parse(string name) =>
        All.TryGetValue(name.Trim().ToLowerInvariant().Replace(' ', '-'), out var kind) ? kind : null;

    /// <summary>"statute, regulation, …", for messages that list what is allowed.</summary>
    public static string Listed => string.Join(", ", All.Keys);

    /// <summary>The key of the kind's name in the site's text: "Source.Kind.court-decision".</summary>
    public static string TextKey(SourceKind kind) => $"Source.Kind.{Of(kind)}";
}

/// <summary>The parts of a term a source can support, named as in files and the API.</summary>
public static class SourceSections
{
    public const string Definition = "definition";
    public const string Examples = "examples";
    public const string Misuse = "misuse";
    public const string Benefits = "benefits";
    public const string Conclusion = "conclusion";

    public static readonly IReadOnlyList<string> All = [Definition, Examples, Misuse, Benefits, Conclusion];

    /// <summary>The section a name spells, in any case; null for none.</summary>
    public static string? Parse(string name) => All.FirstOrDefault(section => section.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Listed => string.Join(", ", All);

    /// <summary>The key of the section's heading in the site's text.</summary>
    public static string TextKey(string section) => section switch
    {
        Definition => "Source.Supports.definition",
        Examples => "Source.Supports.examples",
        Misuse => "Term.Misuse",
        Benefits => "Term.Benefits",
        _ => "Term.Conclusion",
    };
}
