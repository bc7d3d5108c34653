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

    private static readonly string[] AllowedAttributes =
        ["href", "title", "colspan", "rowspan", "scope", "start", "lang", "dir", "class", "data-summary", "data-missing-term"];

    /// <summary>The only classes term text may carry: the ones the pipeline itself adds.</summary>
    private static readonly HashSet<string> AllowedClasses = [TermLinker.LinkClass, TermLinker.MissingClass];

    private const int SummaryMaxLength = 200;

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Use<WikiLinkExtension>()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>
    /// Renders one piece of text. With a linking session, term links are resolved and mentions of
    /// terms become links (see <see cref="TermLinker"/>); without one, the text is rendered as written.
    /// </summary>
    public IHtmlContent Render(string? markdown, LinkingSession? session = null)
    {
        session?.BeginSection();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurdly deep nesting; such text is shown as written, escaped.
            return new HtmlString($"<p>{System.Net.WebUtility.HtmlEncode(markdown)}</p>");
        }
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + HeadingShift, 6);
        }
        if (session is not null)
        {
            TermLinker.Link(document, session);
        }
        return new HtmlString(sanitizer.Sanitize(document.ToHtml(pipeline)));
    }

    /// <summary>The terms a text links to by hand, by name (wiki links) or by slug (<c>/glossary/…</c> links).</summary>
    public IEnumerable<(string Target, bool BySlug)> ExplicitLinks(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }
        try
        {
            return [.. TermLinker.ExplicitTargets(Markdown.Parse(markdown, pipeline))];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }

    /// <summary>The first sentence of a text, as plain text, for link previews and descriptions.</summary>
    public string Summary(string markdown)
    {
        var text = string.Join(' ', PlainText(markdown).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var end = FirstSentenceEnd(text);
        var sentence = end > 0 ? text[..end] : text;
        if (sentence.Length <= SummaryMaxLength)
        {
            return sentence;
        }
        var cut = sentence.LastIndexOf(' ', SummaryMaxLength - 1);
        return string.Concat(sentence.AsSpan(0, cut > 0 ? cut : SummaryMaxLength - 1), "…");
    }

    private string PlainText(string markdown)
    {
        try
        {
            return Markdown.ToPlainText(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            return markdown;
        }
    }

    private static int FirstSentenceEnd(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            // A full stop after a single capital ("U.S.", "J. Smith") does not end a sentence.
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && !(text[i] == '.' && char.IsUpper(text[i - 1]) && (i < 2 || !char.IsLetter(text[i - 2]))))
            {
                return i + 1;
            }
        }
        return -1;
    }

    private static void KeepOnlyOwnClasses(AngleSharp.Dom.IElement element)
    {
        if (element.ClassList.Length == 0)
        {
            return;
        }
        var own = element.ClassList.Where(AllowedClasses.Contains).ToList();
        if (own.Count == 0)
        {
            element.RemoveAttribute("class");
        }
        else
        {
            element.SetAttribute("class", string.Join(' ', own));
        }
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
            if (e.Node is not AngleSharp.Dom.IElement element)
            {
                return;
            }
            KeepOnlyOwnClasses(element);
            // Links that leave the site must not hand the page to the site they open.
            if (element.TagName == "A"
                && Uri.TryCreate(element.GetAttribute("href"), UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https")
            {
                element.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}

public static class ContentSetup
{
    public static WebApplicationBuilder AddContentPipeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<TermDirectory>();
        builder.Services.AddSingleton<TermText>();
        builder.Services.AddScoped<LinkCheck>();
        return builder;
    }
}
