using System.Globalization;
using System.Text.Json;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Interchange.JsonLd;

/// <summary>
/// Writes the published glossary as JSON-LD in schema.org's words: one <c>DefinedTermSet</c> at
/// the glossary's address, holding a <c>DefinedTerm</c> per term with its name, other names,
/// definition as plain text, page, language and date modified. It is for other sites and search
/// engines to read, so drafts stay out, and it cannot be imported back: the other formats carry
/// everything.
/// </summary>
public sealed class DefinedTermSetWriter(MarkdownRenderer markdown, string siteAddress)
{
    private readonly string site = siteAddress.TrimEnd('/');

    public async Task<int> WriteAsync(Stream stream, string name, IAsyncEnumerable<TermRecord> terms, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var set = $"{site}/glossary";
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "DefinedTermSet");
        json.WriteString("@id", set);
        json.WriteString("url", set);
        json.WriteString("name", name);
        json.WriteStartArray("hasDefinedTerm");
        var count = 0;
        await foreach (var term in terms.WithCancellation(cancellationToken))
        {
            if (term.Status != "published")
            {
                continue;
            }
            WriteTerm(json, term, set);
            if (++count % 500 == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return count;
    }

    private void WriteTerm(Utf8JsonWriter json, TermRecord term, string set)
    {
        var language = term.Language ?? Languages.Default;
        var address = site + SiteLanguages.SitePaths.For(language).Term(term.Slug!);
        json.WriteStartObject();
        json.WriteString("@type", "DefinedTerm");
        json.WriteString("@id", address);
        json.WriteString("url", address);
        json.WriteString("name", term.Title);
        json.WriteString("termCode", term.Slug);
        if (term.Aliases.Count > 0)
        {
            json.WriteStartArray("alternateName");
            term.Aliases.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
        }
        json.WriteString("description", markdown.PlainText(term.Definition));
        json.WriteString("inLanguage", language);
        json.WriteString("inDefinedTermSet", set);
        if (term.Modified is { } modified)
        {
            json.WriteString("dateModified", modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        json.WriteEndObject();
    }
}
