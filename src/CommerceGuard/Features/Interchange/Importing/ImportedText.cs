using System.Text.RegularExpressions;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>
/// Cleans text coming in from elsewhere before it is stored. Elements that run code or restyle a
/// page (script, style, iframe, object, embed) are taken out whole, content and all; every page is
/// sanitized again when rendered, so this keeps them out of the stored text and out of exports too.
/// Links to the source site's own pages are made absolute there, or dropped keeping their text;
/// links to its glossary stay glossary links.
/// </summary>
public static partial class ImportedText
{
    /// <summary>The cleaned text, and each page link that was not a term's, for the report.</summary>
    public static (string Text, IReadOnlyList<string> PageLinks) Clean(string text, string? linkBase)
    {
        var cleaned = ActiveElement().Replace(text, "");
        cleaned = LoneActiveTag().Replace(cleaned, "");
        var pageLinks = new List<string>();
        cleaned = SiteLink().Replace(cleaned, match =>
        {
            var target = match.Groups["target"].Value;
            if (GlossaryPath().IsMatch(target))
            {
                return match.Value;
            }
            pageLinks.Add(target);
            var label = match.Groups["label"].Value;
            return linkBase is null ? label : $"[{label}]({linkBase.TrimEnd('/')}{target})";
        });
        return (cleaned.Trim(), pageLinks);
    }

    /// <summary>The term slugs that glossary links in the text point to, lower-cased as this site spells slugs.</summary>
    public static IEnumerable<string> GlossaryTargets(string text) =>
        SiteLink().Matches(text)
            .Select(match => GlossaryPath().Match(match.Groups["target"].Value))
            .Where(match => match.Success)
            .Select(match => match.Groups["slug"].Value.ToLowerInvariant());

    [GeneratedRegex(@"<(script|style|iframe|object|embed)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ActiveElement();

    [GeneratedRegex(@"</?(script|style|iframe|object|embed)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LoneActiveTag();

    /// <summary>A Markdown link to a path on the same site: [label](/path).</summary>
    [GeneratedRegex(@"\[(?<label>[^\]]*)\]\((?<target>/[^)\s]*)\)")]
    private static partial Regex SiteLink();

    [GeneratedRegex(@"^(/[a-z]{2})?/glossary/(?<slug>[A-Za-z0-9_-]+)/?(#.*)?$")]
    private static partial Regex GlossaryPath();
}
