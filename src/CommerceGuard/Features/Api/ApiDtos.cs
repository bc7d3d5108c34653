namespace CommerceGuard.Features.Api;

/// <summary>A term in a list: enough to show it and fetch the rest.</summary>
/// <param name="Slug">The term's address part, and its key in <c>/api/v1/terms/{slug}</c>.</param>
/// <param name="Title">The term as readers see it.</param>
/// <param name="Url">The term's page.</param>
/// <param name="Modified">When the published text last changed (UTC).</param>
/// <param name="Categories">The slugs of its categories.</param>
public sealed record TermSummaryDto(string Slug, string Title, string Url, DateTimeOffset Modified, IReadOnlyList<string> Categories);

/// <summary>One page of terms, in the order they were made.</summary>
/// <param name="Terms">This page's terms.</param>
/// <param name="Next">The cursor for the next page, or null on the last one.</param>
public sealed record TermListDto(IReadOnlyList<TermSummaryDto> Terms, string? Next);

/// <summary>A section of a term as written (Markdown) and as the site shows it (HTML, sanitized, terms linked).</summary>
public sealed record TextDto(string Markdown, string Html);

/// <summary>A related term; its page is null when the term is not written yet.</summary>
public sealed record RelatedTermDto(string Title, string? Url);

/// <summary>A category as a term names it.</summary>
public sealed record CategoryRefDto(string Slug, string Name, string Url);

/// <summary>
/// A published term, whole; or a retired one (<c>Status</c> "retired", kept at its address but
/// left out of lists and search) with the page of the term that replaces it (<c>ReplacedBy</c>,
/// null for none). <c>Version</c> is the number of the published version this is, each with its
/// own page (<c>…/v/{n}</c>), null for a term published before versions were kept; <c>Sources</c>
/// are numbered on its page in their order; <c>Reviewed</c> is null until the first review.
/// </summary>
public sealed record TermDto(
    string Slug,
    string Title,
    string Language,
    string Url,
    DateTimeOffset Modified,
    IReadOnlyList<string> Aliases,
    TextDto Definition,
    IReadOnlyList<TextDto> Examples,
    TextDto? Misuse,
    TextDto? Benefits,
    TextDto? Conclusion,
    IReadOnlyList<RelatedTermDto> Related,
    IReadOnlyList<CategoryRefDto> Categories,
    IReadOnlyList<TranslationDto> Translations,
    string Status,
    string? ReplacedBy,
    int? Version,
    IReadOnlyList<Glossary.TermSource> Sources,
    ReviewDto? Reviewed);

/// <summary>A term's last review.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="By">The reviewer's name as readers see it.</param>
/// <param name="Disclosure">The reviewer's expertise, and any ties relevant to the term.</param>
public sealed record ReviewDto(DateTimeOffset At, string By, string? Disclosure);

/// <summary>The same term in another language: its original, or another translation of it.</summary>
/// <param name="Language">The language's code, such as es.</param>
/// <param name="Slug">Its slug in that language, for <c>/api/v1/terms/{slug}?language=…</c>.</param>
/// <param name="Title">Its title in that language.</param>
/// <param name="Url">Its page.</param>
public sealed record TranslationDto(string Language, string Slug, string Title, string Url);

/// <summary>A category with how many published terms it holds.</summary>
public sealed record CategoryDto(string Slug, string Name, string Description, string Url, int TermCount);

/// <summary>A search result: the term, its categories' names, and a snippet with the matched words in &lt;mark&gt;.</summary>
public sealed record SearchHitDto(string Slug, string Title, string Url, string Categories, string SnippetHtml);

/// <summary>A page of search results, best first, and the closest titles when nothing matched.</summary>
public sealed record SearchResultsDto(string Query, int Total, int Page, int PageCount, IReadOnlyList<SearchHitDto> Hits, IReadOnlyList<RelatedTermDto> DidYouMean);
