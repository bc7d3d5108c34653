using System.Security.Cryptography;
using CommerceGuard.Features.Glossary.Editing;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace CommerceGuard.Features.Content;

/// <summary>
/// Turns a term's Markdown into HTML that is safe to put on a page: CommonMark with the usual
/// extensions, term links (see <see cref="TermLinker"/>), then an allow-list sanitizer, so
/// nothing an author writes can run in a reader's browser or break the page's structure.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>The page owns h1 (the term) and h2 (its sections); headings in term text start at h3.</summary>
    private const int HeadingShift = 2;

    private const int SummaryMaxLength = 200;

    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small",
        "abbr", "cite", "q", "dfn", "code", "kbd", "samp", "pre", "blockquote", "span",
        "ul", "ol", "li", "dl", "dt", "dd", "a", "h3", "h4", "h5", "h6",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    ];

    private const string PipelineMark = "data-cg";

    /// <summary>Attributes only the pipeline may set: an author's copies are removed.</summary>
    private static readonly string[] PipelineAttributes = ["class", "data-summary", "data-missing-term"];

    private static readonly string[] AllowedAttributes =
        ["href", "title", "colspan", "rowspan", "scope", "start", "lang", "dir", PipelineMark, .. PipelineAttributes];

    /// <summary>Words whose full stop does not end a sentence.</summary>
    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "etc.", "vs.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "Inc.", "Jr.", "Sr.", "No."];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Use<WikiLinkExtension>()
        .Build();

    // Marks the elements the pipeline makes, so the sanitizer can tell them from an author's
    // look-alikes; unguessable, and removed before the HTML leaves.
    private readonly string pipelineNonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private readonly HtmlSanitizer sanitizer;

    public MarkdownRenderer() => sanitizer = CreateSanitizer();

    /// <summary>
    /// Renders one piece of text. With a linking session, term links are resolved and mentions of
    /// terms become links; without one, the text is rendered as written.
    /// </summary>
    public IHtmlContent Render(string? markdown, LinkingSession? session = null)
    {
        session?.BeginSection();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        // Stored text is already printable; text from elsewhere (a preview, an import check) may hold
        // halves of broken characters, which the HTML writer cannot encode.
        if (Parse(TermValidation.Printable(markdown)) is not { } document)
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
            TermLinker.Link(document, session, attributes => attributes.AddProperty(PipelineMark, pipelineNonce));
        }
        return new HtmlString(sanitizer.Sanitize(document.ToHtml(pipeline)));
    }

    /// <summary>A text as plain words, one space between them: for search and summaries.</summary>
    public string PlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        string plain;
        try
        {
            plain = Markdown.ToPlainText(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            plain = markdown;
        }
        return string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A text as plain lines: paragraphs, list items and headings each on lines of their own, for counting sentences.</summary>
    public IReadOnlyList<string> PlainLines(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }
        string plain;
        try
        {
            plain = Markdown.ToPlainText(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            plain = markdown;
        }
        return [.. plain.Split('\n').Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(line => line.Length > 0)];
    }

    /// <summary>The first sentence of a text, as plain text, for link previews and descriptions.</summary>
    public string Summary(string markdown)
    {
        var text = PlainText(markdown);
        var end = FirstSentenceEnd(text);
        var sentence = end > 0 ? text[..end] : text;
        if (sentence.Length <= SummaryMaxLength)
        {
            return sentence;
        }
        var cut = sentence.LastIndexOf(' ', SummaryMaxLength - 1);
        return string.Concat(sentence.AsSpan(0, cut > 0 ? cut : SummaryMaxLength - 1), "…");
    }

    private MarkdownDocument? Parse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int FirstSentenceEnd(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && !IsAbbreviation(text, i))
            {
                return i + 1;
            }
        }
        return -1;
    }

    /// <summary>"U.S.", "J. Smith" and the usual abbreviations do not end a sentence.</summary>
    private static bool IsAbbreviation(string text, int stop)
    {
        if (text[stop] != '.')
        {
            return false;
        }
        if (char.IsUpper(text[stop - 1]) && (stop < 2 || !char.IsLetter(text[stop - 2])))
        {
            return true;
        }
        var wordStart = text.LastIndexOf(' ', stop) + 1;
        var word = text.AsSpan(wordStart, stop + 1 - wordStart).TrimStart("(\"“");
        foreach (var abbreviation in Abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private HtmlSanitizer CreateSanitizer()
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
            KeepPipelineAttributesOnlyWhereThePipelinePutThem(element);
            // Links that leave the site must not hand the page to the site they open.
            if (element.TagName == "A" && IsExternal(element.GetAttribute("href")))
            {
                element.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }

    private void KeepPipelineAttributesOnlyWhereThePipelinePutThem(AngleSharp.Dom.IElement element)
    {
        var ours = element.GetAttribute(PipelineMark) == pipelineNonce;
        element.RemoveAttribute(PipelineMark);
        if (!ours)
        {
            foreach (var attribute in PipelineAttributes)
            {
                element.RemoveAttribute(attribute);
            }
        }
    }

    private static bool IsExternal(string? href) =>
        href is not null
        && (href.StartsWith("//", StringComparison.Ordinal)
            || (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"));
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
