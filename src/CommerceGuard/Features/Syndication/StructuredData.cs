using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.SiteLanguages;

namespace CommerceGuard.Features.Syndication;

/// <summary>
/// What a term page tells search engines about itself, in schema.org's words: a
/// <c>DefinedTerm</c> in the glossary's <c>DefinedTermSet</c>, as JSON-LD.
/// </summary>
public sealed class StructuredData(SiteAddress site, MarkdownRenderer markdown)
{
    /// <summary>
    /// The JSON-LD for a term's page, safe to place inside a script element: the serializer
    /// escapes &lt;, &gt; and &amp;, so no text of the term can close the element.
    /// </summary>
    public string TermJsonLd(Term term)
    {
        var address = site.Of(SitePaths.For(term.Language).Term(term.Slug));
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "DefinedTerm",
            ["@id"] = address,
            ["url"] = address,
            ["name"] = term.Title,
            ["termCode"] = term.Slug,
            ["description"] = markdown.PlainText(term.Definition),
            ["inLanguage"] = term.Language,
            ["dateModified"] = Timestamps.Utc(term.ModifiedAt),
            ["inDefinedTermSet"] = GlossaryObject(term.Language),
        };
        if (term.Aliases.Count > 0)
        {
            json["alternateName"] = new JsonArray([.. term.Aliases.Select(alias => JsonValue.Create(alias))]);
        }
        return json.ToJsonString(JsonSerializerOptions.Default);
    }

    /// <summary>The glossary itself, as a term's page names it.</summary>
    private JsonObject GlossaryObject(string language)
    {
        var glossary = site.Of(SitePaths.For(language).Glossary);
        return new JsonObject
        {
            ["@type"] = "DefinedTermSet",
            ["@id"] = glossary,
            ["url"] = glossary,
            ["name"] = SiteText.In(language, "Feed.GlossaryName"),
        };
    }
}
