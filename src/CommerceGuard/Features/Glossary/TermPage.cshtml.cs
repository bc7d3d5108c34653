using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Glossary.Versions;
using CommerceGuard.Features.SiteLanguages;
using CommerceGuard.Features.Syndication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CommerceGuard.Features.Glossary;

/// <summary>One term, laid out as the seed page shows it.</summary>
[OutputCache(PolicyName = PageCache.PublicPage)]
public sealed class TermPageModel(
    GlossaryDb db, TermArticles articles, StructuredData structuredData, MarkdownRenderer markdown, OfferedLanguages offered, SiteAddress site) : PageModel
{
    public TermArticle Article { get; private set; } = null!;

    /// <summary>The term for search engines: schema.org JSON-LD.</summary>
    public string JsonLd { get; private set; } = "";

    /// <summary>The definition's first sentence, for the meta description and link previews.</summary>
    public string Summary { get; private set; } = "";

    public Term Term => Article.Term;

    /// <summary>The version readers see, by number; null for a term published before versions were kept.</summary>
    public VersionEntry? Version { get; private set; }

    /// <summary>The term is retired: its page says so, with the term that replaces it (null for none).</summary>
    public bool Retired => Term.Status == TermStatus.Retired;
    public TermLink? Replacement { get; private set; }

    public CitedTerm Cited { get; private set; } = null!;
    public IReadOnlyList<Citation> Citations { get; private set; } = [];

    /// <summary>The term in every language it is published in, this one among them.</summary>
    public IReadOnlyList<LanguageVersion> Languages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.IsValid(slug))
        {
            // "/glossary/Doctor" is a typo for a real address; anything else is not an address of ours.
            var lower = slug.ToLowerInvariant();
            return Slug.IsValid(lower) ? RedirectPermanent(SitePaths.Current.Term(lower)) : NotFound();
        }
        var language = Glossary.Languages.Current;
        var term = await db.ReadableTermAsync(language, slug, cancellationToken);
        if (term is null)
        {
            // A term whose slug changed keeps its old address answering.
            var moved = await db.MovedTermsAsync(language, [slug], cancellationToken);
            return moved.TryGetValue(slug, out var link) ? RedirectPermanent(link.Url) : NotFound();
        }
        var translations = await db.TranslationsAsync(term, offered.Codes, cancellationToken);
        Languages = [new LanguageVersion(language, SitePaths.For(language).Term(term.Slug)), .. translations.Select(other => new LanguageVersion(other.Language, other.Url))];
        Article = await articles.BuildAsync(term, cancellationToken);
        JsonLd = structuredData.TermJsonLd(term);
        Summary = markdown.Summary(term.Definition);
        Version = await db.LatestVersionAsync(term.Id, cancellationToken);
        Replacement = Retired ? await db.ReplacementAsync(term, cancellationToken) : null;
        Cited = VersionPages.Cited(term, Version, site);
        Citations = Versions.Citations.All(Cited);
        PageTags.Add(HttpContext, [.. Article.CacheTags(translations), .. Replacement is null ? [] : new[] { PageTags.Term(language, Replacement.Slug) }]);
        return Page();
    }
}
