using System.Buffers;
using System.Net;
using System.Text;
using CommerceGuard.Features.Glossary;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CommerceGuard.Features.Content;

/// <summary>
/// Rewrites a parsed Markdown document so its term links work: <c>[[Term]]</c> and
/// <c>/glossary/slug</c> links point at the term or, when it does not exist, become plain text
/// with a marker editors can find; and the first mention of each term becomes a link.
/// Mentions in links, code, headings and raw HTML are left alone, as is anything between
/// <c>&lt;!-- nolink --&gt;</c> and <c>&lt;!-- /nolink --&gt;</c>; hand-written links are
/// resolved everywhere.
/// </summary>
internal static class TermLinker
{
    public const string NoLinkStart = "<!-- nolink -->";
    public const string NoLinkEnd = "<!-- /nolink -->";
    public const string LinkClass = "term-link";
    public const string MissingClass = "missing-term";

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr" };

    /// <summary>Links a document. <paramref name="mark"/> tags the elements the pipeline itself makes.</summary>
    public static void Link(ContainerBlock container, LinkingSession session, Action<HtmlAttributes> mark, bool autoLink = true)
    {
        foreach (var block in container.ToList())
        {
            switch (block)
            {
                case HtmlBlock html when Marker(html.Lines.ToString().Trim()) is { } marker:
                    autoLink = !marker;
                    break;
                case CodeBlock or HtmlBlock:
                    break;
                case LeafBlock { Inline: { } inline }:
                    new Paragraph(session, mark, autoLink && block is not HeadingBlock).Link(inline);
                    break;
                case ContainerBlock child:
                    Link(child, session, mark, autoLink);
                    break;
            }
        }
    }

    /// <summary>True at a start marker, false at an end marker, null for anything else.</summary>
    private static bool? Marker(string html) => html switch
    {
        NoLinkStart => true,
        NoLinkEnd => false,
        _ => null,
    };

    /// <summary>
    /// One paragraph (or heading, or table cell). Its text is read as one string, across
    /// emphasis and line breaks, so a name is found whole; a name that runs across a boundary it
    /// cannot be linked over ("health **savings** account") is left unlinked, not cut short.
    /// </summary>
    private sealed class Paragraph(LinkingSession session, Action<HtmlAttributes> mark, bool autoLink)
    {
        // Stands for anything that is not linkable text: no name can be matched across it.
        private const char Barrier = '\u0001';

        private readonly StringBuilder text = new();
        private readonly List<(LiteralInline Node, int Start)> literals = [];
        private int rawHtmlDepth;
        private bool suppressed = !autoLink;

        public void Link(ContainerInline root)
        {
            MergeText(root);
            Read(root);
            if (literals.Count > 0)
            {
                AutoLink();
            }
        }

        private void Read(ContainerInline container)
        {
            var inline = container.FirstChild;
            while (inline is not null)
            {
                var next = inline.NextSibling;
                Visit(inline);
                inline = next;
            }
        }

        private void Visit(Inline inline)
        {
            switch (inline)
            {
                case LiteralInline literal when !suppressed && rawHtmlDepth == 0:
                    literals.Add((literal, text.Length));
                    text.Append(literal.Content.ToString());
                    return;
                case HtmlInline html:
                    Track(html.Tag);
                    break;
                case WikiLinkInline wiki:
                    ResolveWikiLink(wiki);
                    break;
                case LinkInline { IsImage: false } link:
                    ResolveTermLink(link);
                    break;
                case EmphasisInline emphasis:
                    // Emphasis does not interrupt the words it wraps.
                    Read(emphasis);
                    return;
            }
            text.Append(Barrier);
        }

        private void Track(string tag)
        {
            if (Marker(tag.Trim()) is { } marker)
            {
                suppressed = marker || !autoLink;
            }
            else if (tag.StartsWith("</", StringComparison.Ordinal))
            {
                rawHtmlDepth = Math.Max(0, rawHtmlDepth - 1);
            }
            else if (tag.StartsWith('<') && !tag.StartsWith("<!", StringComparison.Ordinal)
                && !tag.EndsWith("/>", StringComparison.Ordinal) && !VoidElements.Contains(TagName(tag)))
            {
                rawHtmlDepth++;
            }
        }

        private void ResolveWikiLink(WikiLinkInline wiki)
        {
            if (session.Links.ByName(wiki.Target) is { } target)
            {
                session.Note(target.Slug);
                wiki.ReplaceBy(LinkTo(target, wiki.Text));
            }
            else
            {
                ReplaceWithMissing(wiki, wiki.Target, [new LiteralInline(wiki.Text)]);
            }
        }

        private void ResolveTermLink(LinkInline link)
        {
            if (TermSlug(link.Url) is not { } slug)
            {
                return;
            }
            if (session.Links.BySlug(slug) is { } target)
            {
                session.Note(slug);
                // "/glossary/slug" names the term in the text's own language: a Spanish term's link
                // leads to "/es/glosario/slug", keeping any "#part" of the page it names.
                var hash = link.Url!.IndexOf('#', StringComparison.Ordinal);
                link.Url = hash < 0 ? target.Url : target.Url + link.Url[hash..];
                Decorate(link, target);
            }
            else
            {
                ReplaceWithMissing(link, slug, [.. link]);
            }
        }

        /// <summary>Finds the mentions in the paragraph's text and links those that lie within one piece of text.</summary>
        private void AutoLink()
        {
            var whole = text.ToString();
            var cuts = new List<(int Literal, int Start, int Length, LinkTarget Target)>();
            foreach (var mention in session.Links.Matcher.Find(whole))
            {
                var index = literals.FindLastIndex(literal => literal.Start <= mention.Start);
                var (node, start) = literals[index];
                var inside = mention.Start + mention.Length <= start + node.Content.Length;
                if (inside && session.Claim(mention.Target.Slug))
                {
                    cuts.Add((index, mention.Start - start, mention.Length, mention.Target));
                }
            }
            foreach (var group in cuts.GroupBy(cut => cut.Literal))
            {
                Split(literals[group.Key].Node, [.. group.Select(cut => (cut.Start, cut.Length, cut.Target))]);
            }
        }

        private void Split(LiteralInline literal, List<(int Start, int Length, LinkTarget Target)> mentions)
        {
            var content = literal.Content.ToString();
            var position = 0;
            foreach (var (start, length, target) in mentions)
            {
                if (start > position)
                {
                    literal.InsertBefore(new LiteralInline(content[position..start]));
                }
                literal.InsertBefore(LinkTo(target, content.Substring(start, length)));
                position = start + length;
            }
            if (position < content.Length)
            {
                literal.InsertBefore(new LiteralInline(content[position..]));
            }
            literal.Remove();
        }

        private LinkInline LinkTo(LinkTarget target, string label)
        {
            var link = new LinkInline(target.Url, "") { IsClosed = true };
            link.AppendChild(new LiteralInline(label));
            Decorate(link, target);
            return link;
        }

        /// <summary>The class and summary that let a script show a preview of the term.</summary>
        private void Decorate(LinkInline link, LinkTarget target)
        {
            var attributes = link.GetAttributes();
            attributes.AddClass(LinkClass);
            attributes.AddProperty("data-summary", target.Summary);
            mark(attributes);
        }

        private void ReplaceWithMissing(Inline inline, string name, IEnumerable<Inline> content)
        {
            session.NoteMissing(name);
            var attributes = new HtmlAttributes();
            mark(attributes);
            var nonce = string.Join(' ', attributes.Properties?.Select(p => $"{p.Key}=\"{WebUtility.HtmlEncode(p.Value)}\"") ?? []);
            inline.InsertBefore(new HtmlInline($"<span class=\"{MissingClass}\" data-missing-term=\"{WebUtility.HtmlEncode(name)}\" {nonce}>"));
            foreach (var child in content.ToList())
            {
                child.Remove();
                inline.InsertBefore(child);
            }
            inline.InsertBefore(new HtmlInline("</span>"));
            inline.Remove();
        }
    }

    /// <summary>
    /// Joins neighbouring pieces of plain text (split by escapes, entities, soft line breaks or
    /// unpaired delimiters such as the "++" of "C++") so that a name is one piece of text.
    /// </summary>
    private static void MergeText(ContainerInline container)
    {
        var inline = container.FirstChild;
        while (inline is not null)
        {
            if (inline is ContainerInline child and not LinkInline)
            {
                MergeText(child);
            }
            if (PlainText(inline) is { } first && PlainText(inline.NextSibling) is not null)
            {
                var merged = new StringBuilder(first);
                var last = inline.NextSibling;
                while (PlainText(last) is { } more)
                {
                    merged.Append(more);
                    var next = last!.NextSibling;
                    last.Remove();
                    last = next;
                }
                var joined = new LiteralInline(merged.ToString());
                inline.ReplaceBy(joined);
                inline = joined;
            }
            inline = inline.NextSibling;
        }
    }

    private static string? PlainText(Inline? inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        LineBreakInline { IsHard: false } => "\n",
        _ => null,
    };

    private static readonly SearchValues<char> TagNameEnd = SearchValues.Create(" \t\r\n>/");

    private static string TagName(string tag)
    {
        var name = tag.AsSpan(1).TrimStart();
        var end = name.IndexOfAny(TagNameEnd);
        return (end < 0 ? name : name[..end]).ToString();
    }

    /// <summary>The slug a site-relative term link points at: <c>/glossary/slug</c>, not a category.</summary>
    internal static string? TermSlug(string? url)
    {
        const string prefix = "/glossary/";
        if (url is null || !url.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var slug = url[prefix.Length..].Split('#', '?')[0].TrimEnd('/');
        return Slug.IsValid(slug) ? slug : null;
    }
}
