using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace CommerceGuard.Features.Content;

/// <summary><c>[[Term]]</c> or <c>[[Term|shown text]]</c>: a link to a term by its title, an alias or its slug.</summary>
public sealed class WikiLinkInline(string target, string? label) : LeafInline
{
    public string Target { get; } = target;
    public string Text => label ?? Target;
}

/// <summary>Adds <c>[[…]]</c> links to a Markdig pipeline.</summary>
public sealed class WikiLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<WikiLinkParser>())
        {
            // Before the ordinary link parser, which would otherwise take the first '['.
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<WikiLinkRenderer>())
        {
            html.ObjectRenderers.Add(new WikiLinkRenderer());
        }
    }
}

internal sealed class WikiLinkParser : InlineParser
{
    private const int MaxLength = 200;

    public WikiLinkParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[')
        {
            return false;
        }
        var text = slice.Text;
        var contentStart = slice.Start + 2;
        var close = text.IndexOf("]]", contentStart, Math.Min(MaxLength, slice.End + 1 - contentStart), StringComparison.Ordinal);
        if (close <= contentStart)
        {
            return false;
        }
        var content = text[contentStart..close];
        if (content.AsSpan().IndexOfAny("[]\n\r") >= 0)
        {
            return false;
        }
        var bar = content.IndexOf('|', StringComparison.Ordinal);
        var target = (bar < 0 ? content : content[..bar]).Trim();
        var label = bar < 0 ? null : content[(bar + 1)..].Trim();
        if (target.Length == 0)
        {
            return false;
        }
        processor.Inline = new WikiLinkInline(target, string.IsNullOrEmpty(label) ? null : label)
        {
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(slice.Start, out var line, out var column), close + 1),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}

/// <summary>An unresolved wiki link reads as its text; <see cref="TermLinker"/> turns resolvable ones into links.</summary>
internal sealed class WikiLinkRenderer : HtmlObjectRenderer<WikiLinkInline>
{
    protected override void Write(HtmlRenderer renderer, WikiLinkInline link) => renderer.WriteEscape(link.Text);
}
