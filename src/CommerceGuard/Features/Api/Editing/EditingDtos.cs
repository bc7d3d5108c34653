using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Api.Editing;

/// <summary>
/// A term as the back office sees it, whatever its status: the text being worked on (a
/// published term's next version, when it has one), as Markdown. Its ETag is its version, which
/// a change sends back in <c>If-Match</c>.
/// </summary>
/// <param name="Slug">The term's address part, and its key here.</param>
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
/// afterwards, as with any PUT. The slug is made from the title when it is left out.
/// </summary>
/// <param name="Title">The term, as readers will see it. Required.</param>
/// <param name="Slug">Lower-case letters, digits and single hyphens; made from the title when left out.</param>
/// <param name="Definition">The definition, in Markdown. Required.</param>
/// <param name="Examples">The numbered examples, each in Markdown.</param>
/// <param name="Misuse">How the term is misused, in Markdown.</param>
/// <param name="Benefits">What understanding it brings, in Markdown.</param>
/// <param name="Conclusion">The closing words, in Markdown.</param>
/// <param name="Related">Related terms by slug or title; a title no term has names a term not written yet.</param>
/// <param name="Aliases">Other names readers know the term by.</param>
/// <param name="Categories">Category slugs; each must exist.</param>
/// <param name="Sources">The works the text relies on; each needs a title, and an address must be http or https.</param>
/// <param name="EditorNote">A note for the back office, never shown to readers.</param>
/// <param name="AutoLink">Whether to link the term wherever it appears in other terms; yes when left out.</param>
/// <param name="Summary">What changed, for the revision history.</param>
/// <param name="Status">draft (the default), in-review to ask for review, or published (needs the publish scope).</param>
public sealed record TermInputDto(
    string? Title,
    string? Slug,
    string? Definition,
    IReadOnlyList<string>? Examples,
    string? Misuse,
    string? Benefits,
    string? Conclusion,
    IReadOnlyList<string>? Related,
    IReadOnlyList<string>? Aliases,
    IReadOnlyList<string>? Categories,
    IReadOnlyList<TermSource>? Sources,
    string? EditorNote,
    bool? AutoLink,
    string? Summary,
    string? Status);
