namespace CommerceGuard.Features.Interchange;

/// <summary>
/// A term as an interchange file carries it, before it meets the database: the common shape every
/// import format reads into and every export format writes from.
/// </summary>
public sealed record TermRecord
{
    /// <summary>The term as readers see it. Required.</summary>
    public required string Title { get; init; }

    /// <summary>The address part; derived from the title when missing.</summary>
    public string? Slug { get; init; }

    /// <summary>A language code; <c>en</c> when missing.</summary>
    public string? Language { get; init; }

    /// <summary>For a translation, the slug of the English term it translates; missing for an original.</summary>
    public string? TranslationOf { get; init; }

    /// <summary><c>draft</c>, <c>in-review</c>, <c>published</c>, <c>unpublished</c> or <c>retired</c>; <c>published</c> when missing.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>False when the term must not be linked automatically where it is mentioned; true when missing.</summary>
    public bool AutoLink { get; init; } = true;

    /// <summary>The "Last Modified" date; when missing, the time of loading.</summary>
    public DateOnly? Modified { get; init; }

    /// <summary>The source gave no slug, so the one here was made from the title: another may be chosen when it is taken.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool SlugMadeUp { get; init; }

    /// <summary>The source marks the record as not published (Jekyll's <c>published: false</c>): it is reported, not imported.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool DraftInSource { get; init; }

    /// <summary>The source has the title and nothing else (a file of front matter alone): it is reported, not imported.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool EmptyInSource { get; init; }

    /// <summary>Where readers can check the term.</summary>
    public IReadOnlyList<Glossary.TermSource> Sources { get; init; } = [];

    /// <summary>A note for editors, never shown to readers.</summary>
    public string? EditorNote { get; init; }

    public required string Definition { get; init; }
    public IReadOnlyList<string> Examples { get; init; } = [];
    public string? Misuse { get; init; }
    public string? Benefits { get; init; }
    public string? Conclusion { get; init; }
}

/// <summary>A record an interchange file could not give, with where and why.</summary>
public sealed class InterchangeException(string file, int line, string reason)
    : Exception($"{file}, line {line}: {reason}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
