using CommerceGuard.Features.Glossary;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Content;

/// <summary>A term's text as HTML, section by section, with its links resolved; null for a section the term lacks.</summary>
public sealed record TermHtml(
    IHtmlContent Definition, IReadOnlyList<IHtmlContent> Examples, IHtmlContent? Misuse, IHtmlContent? Benefits, IHtmlContent? Conclusion)
{
    /// <summary>The terms the text links to, by slug: a change to one of them changes this text.</summary>
    public IReadOnlyCollection<string> Linked { get; init; } = [];
}

/// <summary>Renders every text field of a term through the content pipeline, in reading order.</summary>
public sealed class TermText(MarkdownRenderer markdown, TermDirectory directory, IOptions<ContentOptions> options)
{
    public async Task<TermHtml> RenderAsync(Term term, CancellationToken cancellationToken = default)
    {
        var links = await directory.LinksAsync(term.Language, cancellationToken);
        var session = new LinkingSession(links, term.Slug, options.Value.AutoLinkScope);
        // Sections are rendered in the order a reader meets them, so "first mention" means first on the page.
        var definition = markdown.Render(term.Definition, session);
        var examples = term.Examples.Select(example => markdown.Render(example, session)).ToList();
        var (misuse, benefits, conclusion) = (Section(term.Misuse), Section(term.Benefits), Section(term.Conclusion));
        return new TermHtml(definition, examples, misuse, benefits, conclusion) { Linked = session.Linked };

        IHtmlContent? Section(string? text) => string.IsNullOrWhiteSpace(text) ? null : markdown.Render(text, session);
    }
}
