using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CommerceGuard.Features.Glossary.Versions;

/// <summary>
/// What a citation names: a term's title, the version read, when it was published, and that
/// version's permanent address. A term published before versions were kept has no number, and
/// is cited at its own address.
/// </summary>
public sealed record CitedTerm(string Title, int? Version, DateTime Published, string Address, string Author, string Glossary, string Slug);

/// <summary>One citation style's text, as HTML (titles in italics) and as plain text to paste anywhere.</summary>
public sealed record Citation(string Style, IHtmlContent Html, string Text);

/// <summary>
/// The term cited in APA (7th edition), MLA (9th), Chicago (17th, bibliography) and BibTeX. The
/// styles are English-language ones, so their dates and words are English whatever the page's language.
/// </summary>
public static class Citations
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static IReadOnlyList<Citation> All(CitedTerm term) =>
        [Apa(term), Mla(term), Chicago(term), BibTex(term)];

    /// <summary>Commerce Accountability Project. (2025, May 3). Debt Collector (Version 4). In <i>CommerceGuard glossary</i>. https://…</summary>
    public static Citation Apa(CitedTerm term) => Styled("APA",
        (term.Author + ". ", false),
        ($"({term.Published.ToString("yyyy, MMMM d", English)}). ", false),
        (term.Title + (term.Version is { } number ? $" (Version {number})" : "") + ". In ", false),
        (term.Glossary, true),
        (". " + term.Address, false));

    /// <summary>"Debt Collector." <i>CommerceGuard glossary</i>, Commerce Accountability Project, version 4, 3 May 2025, example.org/….</summary>
    public static Citation Mla(CitedTerm term) => Styled("MLA",
        ($"\u201C{term.Title}.\u201D ", false),
        (term.Glossary, true),
        ($", {term.Author}" + (term.Version is { } number ? $", version {number}" : "") + $", {MlaDate(term.Published)}, {WithoutScheme(term.Address)}.", false));

    /// <summary>Commerce Accountability Project. "Debt Collector." Version 4. <i>CommerceGuard glossary</i>. May 3, 2025. https://….</summary>
    public static Citation Chicago(CitedTerm term) => Styled("Chicago",
        ($"{term.Author}. \u201C{term.Title}.\u201D " + (term.Version is { } number ? $"Version {number}. " : ""), false),
        (term.Glossary, true),
        ($". {term.Published.ToString("MMMM d, yyyy", English)}. {term.Address}.", false));

    public static Citation BibTex(CitedTerm term)
    {
        var key = $"commerceguard:{term.Slug}" + (term.Version is { } number ? $":v{number}" : "");
        var fields = new List<(string Name, string Value)>
        {
            // Doubled braces keep an organisation's name whole, not read as a first and last name.
            ("author", "{{" + Braced(term.Author) + "}}"),
            ("title", "{" + Braced(term.Title) + "}"),
            ("howpublished", "{" + Braced(term.Glossary) + "}"),
        };
        if (term.Version is { } version)
        {
            fields.Add(("version", "{" + version.ToString(CultureInfo.InvariantCulture) + "}"));
        }
        fields.Add(("year", "{" + term.Published.Year.ToString(CultureInfo.InvariantCulture) + "}"));
        fields.Add(("month", term.Published.ToString("MMM", English).ToLowerInvariant()));
        fields.Add(("url", "{" + term.Address + "}"));
        var text = new StringBuilder($"@misc{{{key},\n");
        foreach (var (name, value) in fields)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name,-12} = {value},\n");
        }
        text.Append('}');
        var plain = text.ToString();
        return new Citation("BibTeX", new HtmlString(HtmlEncoder.Default.Encode(plain)), plain);
    }

    private static Citation Styled(string style, params (string Text, bool Italic)[] pieces)
    {
        var html = new HtmlContentBuilder();
        foreach (var (text, italic) in pieces)
        {
            if (italic)
            {
                html.AppendHtml("<i>").Append(text).AppendHtml("</i>");
            }
            else
            {
                html.Append(text);
            }
        }
        return new Citation(style, html, string.Concat(pieces.Select(piece => piece.Text)));
    }

    /// <summary>MLA abbreviates months of more than four letters: "3 Sept. 2025", "3 May 2025".</summary>
    private static string MlaDate(DateTime date) =>
        $"{date.Day} {MlaMonths[date.Month - 1]} {date.Year}";

    private static readonly string[] MlaMonths = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    private static string WithoutScheme(string address) =>
        address.StartsWith("https://", StringComparison.Ordinal) ? address[8..]
        : address.StartsWith("http://", StringComparison.Ordinal) ? address[7..]
        : address;

    /// <summary>Text safe inside a BibTeX group: its special characters escaped, so that they print as themselves.</summary>
    internal static string Braced(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '&' or '%' or '$' or '#' or '_' => "\\" + c,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
