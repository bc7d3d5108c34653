using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace CommerceGuard.Features.Content;

/// <summary>
/// Turns a term's Markdown into HTML that is safe to put on a page: CommonMark with the usual
/// extensions, then an allow-list sanitizer, so nothing an author writes can run in a reader's browser.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public IHtmlContent Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown)
            ? HtmlString.Empty
            : new HtmlString(sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline)));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "select", "textarea", "iframe", "style"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links that leave the site must not hand the page to the site they open.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link
                && link.GetAttribute("href") is { } href
                && Uri.TryCreate(href, UriKind.Absolute, out Uri? _))
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
