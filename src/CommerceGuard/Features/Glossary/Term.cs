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

    /// <summary>
    /// The term this one translates: its original, in another language. Null for an original.
    /// An original and its translations are one entry in several languages; a translation of a
    /// translation is not allowed, so the original is always one step away.
    /// </summary>
    public int? TranslationOfId { get; set; }

    /// <summary>
    /// The original's published revision this translation was last brought in step with. When the
    /// original has published a later one, the translation is behind it.
    /// </summary>
    public int? TranslatedRevision { get; set; }

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

    /// <summary>Where readers can check what the term says.</summary>
    public List<TermSource> Sources { get; set; } = [];

    /// <summary>A note for the people who edit the term; readers never see it.</summary>
    public string? EditorNote { get; set; }

    public TermStatus Status { get; set; } = TermStatus.Draft;
    public DateTime CreatedAt { get; set; }

    /// <summary>When the text readers see last changed: the page's "Last Modified".</summary>
    public DateTime ModifiedAt { get; set; }

    /// <summary>
    /// When an editor last checked the whole term against its sources and found it right: the
    /// page's "Last reviewed". A deliberate act, unlike <see cref="ModifiedAt"/>; null until the first.
    /// </summary>
    public DateTime? ReviewedAt { get; set; }

    /// <summary>The reviewer's name as readers see it, and their disclosure: expertise, and any ties relevant to the term.</summary>
    public string? ReviewedBy { get; set; }
    public string? ReviewerDisclosure { get; set; }

    /// <summary>
    /// Counts every write. A save names the version it started from and is refused when the term
    /// has moved on since, so no one overwrites an edit they have not seen. Kept by the app,
    /// because SQLite cannot generate row versions.
    /// </summary>
    public int Version { get; set; }

    /// <summary>
    /// The revision holding the next version of a published term while it is being written or
    /// reviewed; readers keep seeing the published text until it is published. Null when none.
    /// </summary>
    public int? PendingRevision { get; set; }

    /// <summary>The revision whose content the term's own fields hold. Null before its first revision.</summary>
    public int? ContentRevision { get; set; }

    /// <summary>The revision readers see, or last saw if the term was unpublished. Null until first published.</summary>
    public int? PublishedRevision { get; set; }

    /// <summary>Where that next version stands: <see cref="TermStatus.Draft"/> or <see cref="TermStatus.InReview"/>.</summary>
    public TermStatus? PendingStatus { get; set; }

    /// <summary>For a retired term, the term that replaces it, if any: its old address points readers there.</summary>
    public int? ReplacedById { get; set; }
}

/// <summary>
/// A term's place in the editorial workflow. Readers see published terms; a retired one keeps
/// its address, which says so and points to its replacement, but lists and search leave it out.
/// </summary>
public enum TermStatus
{
    Draft,
    InReview,
    Published,
    Unpublished,
    Retired,
}

/// <summary>The statuses as files and the API spell them: "draft", "in-review", "published", "unpublished", "retired".</summary>
public static class TermStatusNames
{
    public static readonly IReadOnlyDictionary<string, TermStatus> All = new Dictionary<string, TermStatus>
    {
        ["draft"] = TermStatus.Draft,
        ["in-review"] = TermStatus.InReview,
        ["published"] = TermStatus.Published,
        ["unpublished"] = TermStatus.Unpublished,
        ["retired"] = TermStatus.Retired,
    };

    public static string Of(TermStatus status) => All.Single(entry => entry.Value == status).Key;

    /// <summary>The status a name spells, in any case and with spaces around it; null for none.</summary>
    public static TermStatus? Parse(string name) =>
        All.TryGetValue(name.Trim().ToLowerInvariant(), out var status) ? status : null;
}
