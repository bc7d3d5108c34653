namespace CommerceGuard.Features.Glossary;

/// <summary>One glossary entry in one language, laid out as its page shows it.</summary>
public sealed class Term
{
    public int Id { get; set; }
    public required string Title { get; set; }

    /// <summary>Unique within its language; see <see cref="Glossary.Slug"/> for the rules.</summary>
    public required string Slug { get; set; }

    /// <summary>A language code such as <c>en</c> or <c>es</c>.</summary>
    public string Language { get; set; } = Languages.Default;

    // Every text field is Markdown.
    public string Definition { get; set; } = "";
    public List<string> Examples { get; set; } = [];
    public string? Misuse { get; set; }
    public string? Benefits { get; set; }
    public string? Conclusion { get; set; }

    /// <summary>Slugs of related terms in display order. A slug may name a term not written yet.</summary>
    public List<string> RelatedSlugs { get; set; } = [];

    /// <summary>Other names readers use for this term.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>False for a term whose name is too common a word to link wherever it appears.</summary>
    public bool AutoLink { get; set; } = true;

    public List<Category> Categories { get; set; } = [];
    public TermStatus Status { get; set; } = TermStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}

/// <summary>Only published terms are shown to readers.</summary>
public enum TermStatus
{
    Draft,
    Published,
}

/// <summary>The languages terms are written in.</summary>
public static class Languages
{
    public const string Default = "en";
}
