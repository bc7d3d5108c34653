using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Api.Editing;

/// <summary>
/// A term as the back office sees it, whatever its status: the text being worked on (a
/// published term's next version, when it has one), as Markdown. Its ETag is its version, which
/// a change sends back in <c>If-Match</c>.
/// </summary>
/// <param name="Slug">The term's address part, and its key here (with its language).</param>
/// <param name="Language">The term's language, such as en or es.</param>
/// <param name="TranslationOf">For a translation, the slug of the English term it translates; otherwise null.</param>
/// <param name="Title">The title, as the working text has it.</param>
/// <param name="Status">Where the working text stands: draft, in-review, published or unpublished.</param>
/// <param name="Live">Whether readers see the term (its published text) now.</param>
/// <param name="Version">Counts every saved change; what <c>If-Match</c> names.</param>
/// <param name="Modified">When the term last changed in any way (UTC).</param>
/// <param name="Url">The term's public page, while it is live.</param>
/// <param name="Definition">The definition, in Markdown.</param>
/// <param name="Examples">The numbered examples, each in Markdown.</param>
/// <param name="Misuse">How the term is misused, in Markdown.</param>
/// <param name="Benefits">What understanding it brings, in Markdown.</param>
/// <param name="Conclusion">The closing words, in Markdown.</param>
/// <param name="Related">The related terms' slugs.</param>
/// <param name="Aliases">Other names readers know the term by.</param>
/// <param name="Categories">The categories' slugs.</param>
/// <param name="Sources">The works the text relies on.</param>
/// <param name="EditorNote">A note for the back office, never shown to readers.</param>
/// <param name="AutoLink">Whether the term is linked wherever it appears in other terms.</param>
public sealed record EditableTermDto(
    string Slug,
    string Language,
    string? TranslationOf,
    string Title,
    string Status,
    bool Live,
    int Version,
    DateTimeOffset Modified,
    string? Url,
    string Definition,
    IReadOnlyList<string> Examples,
    string? Misuse,
    string? Benefits,
    string? Conclusion,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Categories,
    IReadOnlyList<TermSource> Sources,
    string? EditorNote,
    bool AutoLink);

/// <summary>A page of terms in any status, in the order they were made.</summary>
/// <param name="Terms">This page's terms.</param>
/// <param name="Next">The cursor for the next page, or null on the last one.</param>
public sealed record EditableTermListDto(IReadOnlyList<EditableTermSummaryDto> Terms, string? Next);

/// <summary>A term in the back office's list.</summary>
public sealed record EditableTermSummaryDto(string Slug, string Title, string Status, bool Live, int Version, DateTimeOffset Modified);

/// <summary>
/// A term's whole text, to create it or to replace what it says. Sections left out are empty
/// afterwards, as with any PUT, except the slug and automatic linking, which a PUT leaves as they
/// were. Only the title and the definition are required.
/// </summary>
public sealed record TermInputDto
{
    /// <summary>The term, as readers will see it.</summary>
    public string? Title { get; init; }

    /// <summary>Lower-case letters, digits and single hyphens. Left out, a new term's is made from its title and a changed term keeps its own.</summary>
    public string? Slug { get; init; }

    /// <summary>The definition, in Markdown.</summary>
    public string? Definition { get; init; }

    /// <summary>The numbered examples, each in Markdown.</summary>
    public IReadOnlyList<string>? Examples { get; init; }

    /// <summary>How the term is misused, in Markdown.</summary>
    public string? Misuse { get; init; }

    /// <summary>What understanding it brings, in Markdown.</summary>
    public string? Benefits { get; init; }

    /// <summary>The closing words, in Markdown.</summary>
    public string? Conclusion { get; init; }

    /// <summary>Related terms by slug or title; a title no term has names a term not written yet.</summary>
    public IReadOnlyList<string>? Related { get; init; }

    /// <summary>Other names readers know the term by.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Category slugs; each must exist.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>The works the text relies on; each needs a title, and an address must be http or https.</summary>
    public IReadOnlyList<TermSource>? Sources { get; init; }

    /// <summary>A note for the back office, never shown to readers.</summary>
    public string? EditorNote { get; init; }

    /// <summary>Whether to link the term wherever it appears in other terms. Left out, a new term links and a changed term keeps its setting.</summary>
    public bool? AutoLink { get; init; }

    /// <summary>What changed, for the revision history.</summary>
    public string? Summary { get; init; }

    /// <summary>For a new term in another language than English (<c>?language=es</c>): the slug of the English term it translates.</summary>
    public string? TranslationOf { get; init; }

    /// <summary>
    /// Where the text should stand afterwards: draft, in-review to ask for review, or published
    /// (needs the publish scope). Left out, a new term is a draft and a changed term stays where it
    /// is; the status it is in already changes nothing. The answer's status says where it got to.
    /// </summary>
    public string? Status { get; init; }
}
