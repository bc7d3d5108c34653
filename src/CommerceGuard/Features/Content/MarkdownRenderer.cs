using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace CommerceGuard.Features.Content;

/// <summary>
/// Turns a term's Markdown into HTML that is safe to put on a page: CommonMark with the usual
/// extensions, then an allow-list sanitizer, so nothing an author writes can run in a reader's
/// browser or break the page's structure.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>The page owns h1 (the term) and h2 (its sections); headings in term text start at h3.</summary>
    private const int HeadingShift = 2;

    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small",
        "abbr", "cite", "q", "dfn", "code", "kbd", "samp", "pre", "blockquote", "span",
        "ul", "ol", "li", "dl", "dt", "dd", "a", "h3", "h4", "h5", "h6",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    ];

    private static readonly string[] AllowedAttributes = ["href", "title", "colspan", "rowspan", "scope", "start", "lang", "dir"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + HeadingShift, 6);
        }
        return new HtmlString(sanitizer.Sanitize(document.ToHtml(pipeline)));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links that leave the site must not hand the page to the site they open.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link
                && Uri.TryCreate(link.GetAttribute("href"), UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https")
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}

public static class ContentSetup
{
    public static WebApplicationBuilder AddContentPipeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MarkdownRenderer>();
        return builder;
    }
}
