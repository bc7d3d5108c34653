using System.Net;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Markdig.Renderers.Html;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Content;

/// <summary>
/// Rewrites a parsed Markdown document so its term links work: <c>[[Term]]</c> and
/// <c>/glossary/slug</c> links point at the term or, when it does not exist, become plain text
/// with a marker editors can find; and the first mention of each term becomes a link.
/// Text in links, code, headings and raw HTML is left alone, as is anything between
/// <c>&lt;!-- nolink --&gt;</c> and <c>&lt;!-- /nolink --&gt;</c>.
/// </summary>
internal static class TermLinker
{
    public const string NoLinkStart = "<!-- nolink -->";
    public const string NoLinkEnd = "<!-- /nolink -->";
    public const string LinkClass = "term-link";
    public const string MissingClass = "missing-term";

    public static void Link(MarkdownDocument document, LinkingSession session) =>
        LinkBlocks(document, session);

    private static void LinkBlocks(ContainerBlock container, LinkingSession session)
    {
        var suppressed = false;
        foreach (var block in container.ToList())
        {
            switch (block)
            {
                case HtmlBlock html:
                    suppressed = Marker(html.Lines.ToString().Trim()) ?? suppressed;
                    break;
                case HeadingBlock or CodeBlock:
                    break;
                case LeafBlock { Inline: { } inline }:
                    new InlineWalk(session, suppressed).Walk(inline);
                    break;
                case ContainerBlock child when !suppressed:
                    LinkBlocks(child, session);
                    break;
            }
        }
    }

    /// <summary>True at a start marker, false at an end marker, null for any other HTML.</summary>
    private static bool? Marker(string html) => html switch
    {
        NoLinkStart => true,
        NoLinkEnd => false,
        _ => null,
    };

    /// <summary>One pass over a paragraph's inlines, tracking raw HTML and no-link markers as it goes.</summary>
    private sealed class InlineWalk(LinkingSession session, bool suppressed)
    {
        private int rawHtmlDepth;

        public void Walk(ContainerInline container)
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
                case HtmlInline html:
                    Track(html.Tag);
                    break;
                case WikiLinkInline wiki:
                    ResolveWikiLink(wiki);
                    break;
                case LinkInline { IsImage: false } link:
                    ResolveTermLink(link);
                    break;
                case LiteralInline literal when !suppressed && rawHtmlDepth == 0:
                    AutoLink(literal);
                    break;
                case ContainerInline child and not LinkInline:
                    Walk(child);
                    break;
            }
        }

        private void Track(string tag)
        {
            if (Marker(tag.Trim()) is { } marker)
            {
                suppressed = marker;
            }
            else if (tag.StartsWith("</", StringComparison.Ordinal))
            {
                rawHtmlDepth = Math.Max(0, rawHtmlDepth - 1);
            }
            else if (tag.StartsWith('<') && !tag.StartsWith("<!", StringComparison.Ordinal) && !tag.EndsWith("/>", StringComparison.Ordinal) && !IsVoid(tag))
            {
                rawHtmlDepth++;
            }
        }

        private void ResolveWikiLink(WikiLinkInline wiki)
        {
            var target = session.Links.ByName(wiki.Target);
            if (target is null)
            {
                ReplaceWithMissing(wiki, wiki.Target, [new LiteralInline(wiki.Text)]);
                return;
            }
            session.Note(target.Slug);
            wiki.ReplaceBy(LinkTo(target, wiki.Text));
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
                Decorate(link, target);
                return;
            }
            ReplaceWithMissing(link, slug, [.. link]);
        }

        private void AutoLink(LiteralInline literal)
        {
            var text = literal.Content.ToString();
            var position = 0;
            foreach (var mention in session.Links.Matcher.Find(text))
            {
                if (!session.Claim(mention.Target.Slug))
                {
                    continue;
                }
                if (mention.Start > position)
                {
                    literal.InsertBefore(new LiteralInline(text[position..mention.Start]));
                }
                literal.InsertBefore(LinkTo(mention.Target, text.Substring(mention.Start, mention.Length)));
                position = mention.Start + mention.Length;
            }
            if (position == 0)
            {
                return;
            }
            if (position < text.Length)
            {
                literal.InsertBefore(new LiteralInline(text[position..]));
            }
            literal.Remove();
        }

        private static LinkInline LinkTo(LinkTarget target, string text)
        {
            var link = new LinkInline(GlossaryUrls.Term(target.Slug), "") { IsClosed = true };
            link.AppendChild(new LiteralInline(text));
            Decorate(link, target);
            return link;
        }

        /// <summary>The class and summary that let a script show a preview of the term.</summary>
        private static void Decorate(LinkInline link, LinkTarget target)
        {
            var attributes = link.GetAttributes();
            attributes.AddClass(LinkClass);
            attributes.AddProperty("data-summary", target.Summary);
        }

        private static void ReplaceWithMissing(Inline inline, string name, IEnumerable<Inline> content)
        {
            inline.InsertBefore(new HtmlInline($"<span class=\"{MissingClass}\" data-missing-term=\"{WebUtility.HtmlEncode(name)}\">"));
            foreach (var child in content.ToList())
            {
                child.Remove();
                inline.InsertBefore(child);
            }
            inline.InsertBefore(new HtmlInline("</span>"));
            inline.Remove();
        }

        private static bool IsVoid(string tag)
        {
            var name = tag.AsSpan(1).TrimStart();
            var end = name.IndexOfAny(" \t\n>/");
            name = end < 0 ? name : name[..end];
            return name.Equals("br", StringComparison.OrdinalIgnoreCase) || name.Equals("hr", StringComparison.OrdinalIgnoreCase)
                || name.Equals("img", StringComparison.OrdinalIgnoreCase) || name.Equals("wbr", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The terms a document links to by hand: wiki links by name, and <c>/glossary/slug</c> links by slug.</summary>
    public static IEnumerable<(string Target, bool BySlug)> ExplicitTargets(MarkdownDocument document)
    {
        foreach (var inline in document.Descendants<Inline>())
        {
            if (inline is WikiLinkInline wiki)
            {
                yield return (wiki.Target, false);
            }
            else if (inline is LinkInline { IsImage: false } link && TermSlug(link.Url) is { } slug)
            {
                yield return (slug, true);
            }
        }
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
