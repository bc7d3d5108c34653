using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>A link to a term: enough to list it.</summary>
public sealed record TermLink(string Slug, string Title)
{
    public string Url => GlossaryUrls.Term(Slug);
}

/// <summary>A link to a category, with what a list of categories shows.</summary>
public sealed record CategoryLink(string Slug, string Name, string Description)
{
    public string Url => GlossaryUrls.Category(Slug);
}

/// <summary>The glossary's addresses, written once.</summary>
public static class GlossaryUrls
{
    public const string Index = "/glossary";
    public static string Term(string slug) => $"/glossary/{slug}";
    public static string Category(string slug) => $"/glossary/category/{slug}";
}

/// <summary>The reads the public pages share. Readers only ever see published terms.</summary>
public static class GlossaryQueries
{
    public static IQueryable<Term> Published(this GlossaryDb db, string language = Languages.Default) =>
        db.Terms.AsNoTracking().Where(term => term.Status == TermStatus.Published && term.Language == language);

    /// <summary>The published terms that once had these slugs, by their former slug: what old addresses lead to.</summary>
    public static Task<Dictionary<string, TermLink>> MovedTermsAsync(
        this GlossaryDb db, string language, IReadOnlyCollection<string> formerSlugs, CancellationToken cancellationToken) =>
        db.TermRedirects.AsNoTracking()
            .Where(redirect => redirect.Language == language && formerSlugs.Contains(redirect.Slug))
            .Join(db.Published(language), redirect => redirect.TermId, term => term.Id,
                (redirect, term) => new { Former = redirect.Slug, Link = new TermLink(term.Slug, term.Title) })
            .ToDictionaryAsync(moved => moved.Former, moved => moved.Link, cancellationToken);

    /// <summary>The slug a category that once had this slug has now, or null.</summary>
    public static Task<string?> MovedCategoryAsync(this GlossaryDb db, string formerSlug, CancellationToken cancellationToken) =>
        db.CategoryRedirects.AsNoTracking()
            .Where(redirect => redirect.Slug == formerSlug)
            .Join(db.Categories, redirect => redirect.CategoryId, category => category.Id, (redirect, category) => category.Slug)
            .FirstOrDefaultAsync(cancellationToken);

    public static Task<List<CategoryLink>> CategoryLinksAsync(this GlossaryDb db, CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking()
            .OrderBy(category => category.DisplayOrder).ThenBy(category => category.Name)
            .Select(category => new CategoryLink(category.Slug, category.Name, category.Description))
            .ToListAsync(cancellationToken);

    /// <summary>Published terms as links, A–Z as readers expect (case and accents ignored).</summary>
    public static async Task<List<TermLink>> AlphabeticalAsync(this IQueryable<Term> terms, CancellationToken cancellationToken)
    {
        var links = await terms.Select(term => new TermLink(term.Slug, term.Title)).ToListAsync(cancellationToken);
        // Sorted here, not in SQL: neither SQLite nor PostgreSQL collates accents away by default.
        return [.. links.OrderBy(link => link.Title, AlphabetIndex.TitleOrder).ThenBy(link => link.Slug, StringComparer.Ordinal)];
    }
}
