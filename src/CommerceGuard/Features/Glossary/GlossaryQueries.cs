using CommerceGuard.Data;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary;

/// <summary>A link to a term: enough to list it.</summary>
public sealed record TermLink(string Slug, string Title, string Language)
{
    public string Url => SitePaths.For(Language).Term(Slug);
}

/// <summary>A link to a category, with what a list of categories shows.</summary>
public sealed record CategoryLink(int Id, string Slug, string Name, string Description, string Language)
{
    public string Url => SitePaths.For(Language).Category(Slug);
}

/// <summary>The reads the public pages share. Readers only ever see published terms.</summary>
public static class GlossaryQueries
{
    public static IQueryable<Term> Published(this GlossaryDb db, string language = Languages.Default) =>
        db.Terms.AsNoTracking().Where(term => term.Status == TermStatus.Published && term.Language == language);

    /// <summary>A published term with its categories in the site's order, as its page and the API show it.</summary>
    public static Task<Term?> PublishedTermAsync(this GlossaryDb db, string language, string slug, CancellationToken cancellationToken) =>
        WithCategoriesAsync(db.Published(language), slug, cancellationToken);

    /// <summary>
    /// A term readers can open at its address: a published one, or a retired one, whose page says
    /// it is retired. Lists, search and links leave retired terms out; addresses do not.
    /// </summary>
    public static Task<Term?> ReadableTermAsync(this GlossaryDb db, string language, string slug, CancellationToken cancellationToken) =>
        WithCategoriesAsync(
            db.Terms.AsNoTracking().Where(term => (term.Status == TermStatus.Published || term.Status == TermStatus.Retired) && term.Language == language),
            slug, cancellationToken);

    /// <summary>The published term that replaces a retired one; null when none does (or it is no longer published).</summary>
    public static Task<TermLink?> ReplacementAsync(this GlossaryDb db, Term retired, CancellationToken cancellationToken) =>
        retired.ReplacedById is not { } id
            ? Task.FromResult<TermLink?>(null)
            : db.Published(retired.Language).Where(term => term.Id == id)
                .Select(term => new TermLink(term.Slug, term.Title, term.Language)).FirstOrDefaultAsync(cancellationToken);

    private static Task<Term?> WithCategoriesAsync(IQueryable<Term> terms, string slug, CancellationToken cancellationToken) =>
        terms
            .Include(term => term.Categories.OrderBy(category => category.DisplayOrder))
            // Categories by the term's id in a query of their own: joined into one, SQLite built
            // every term's categories with their translations before picking this term's.
            .AsSplitQuery()
            .SingleOrDefaultAsync(term => term.Slug == slug, cancellationToken);

    /// <summary>
    /// The same entry in the other offered languages, where it is published there: the term's
    /// original and the original's other translations, by language.
    /// </summary>
    public static async Task<List<TermLink>> TranslationsAsync(this GlossaryDb db, Term term, IReadOnlyCollection<string> offered, CancellationToken cancellationToken)
    {
        var original = term.TranslationOfId ?? term.Id;
        // Two lookups, by the translations' index and by the original's key: one query asking for
        // either made SQLite walk every published term (a second a page at 100,000 terms).
        var translations = await Shown(db.Terms.Where(other => other.TranslationOfId == original)).ToListAsync(cancellationToken);
        if (term.TranslationOfId is not null)
        {
            translations.AddRange(await Shown(db.Terms.Where(other => other.Id == original)).ToListAsync(cancellationToken));
        }
        return [.. translations.Where(other => other.Id != term.Id).OrderBy(other => other.Link.Language, StringComparer.Ordinal).Select(other => other.Link)];

        IQueryable<TranslatedTerm> Shown(IQueryable<Term> terms) => terms.AsNoTracking()
            .Where(other => other.Status == TermStatus.Published && offered.Contains(other.Language))
            .Select(other => new TranslatedTerm(other.Id, new TermLink(other.Slug, other.Title, other.Language)));
    }

    private sealed record TranslatedTerm(int Id, TermLink Link);

    /// <summary>The published terms that once had these slugs, by their former slug: what old addresses lead to.</summary>
    public static Task<Dictionary<string, TermLink>> MovedTermsAsync(
        this GlossaryDb db, string language, IReadOnlyCollection<string> formerSlugs, CancellationToken cancellationToken) =>
        db.TermRedirects.AsNoTracking()
            .Where(redirect => redirect.Language == language && formerSlugs.Contains(redirect.Slug))
            // A retired term's address still answers, so its former ones lead there too.
            .Join(db.Terms.Where(term => term.Language == language && (term.Status == TermStatus.Published || term.Status == TermStatus.Retired)),
                redirect => redirect.TermId, term => term.Id,
                (redirect, term) => new { Former = redirect.Slug, Link = new TermLink(term.Slug, term.Title, term.Language) })
            .ToDictionaryAsync(moved => moved.Former, moved => moved.Link, cancellationToken);

    /// <summary>
    /// The terms that replace retired ones, by the retired terms' slugs: a link to a retired term
    /// leads to its replacement. A retired term with no published replacement is not in it.
    /// </summary>
    public static Task<Dictionary<string, TermLink>> ReplacementsAsync(
        this GlossaryDb db, string language, IReadOnlyCollection<string> retiredSlugs, CancellationToken cancellationToken) =>
        db.Terms.AsNoTracking()
            .Where(term => term.Language == language && term.Status == TermStatus.Retired && retiredSlugs.Contains(term.Slug))
            .Join(db.Published(language), retired => retired.ReplacedById, term => (int?)term.Id,
                (retired, term) => new { Former = retired.Slug, Link = new TermLink(term.Slug, term.Title, term.Language) })
            .ToDictionaryAsync(moved => moved.Former, moved => moved.Link, cancellationToken);

    /// <summary>The slug a category that once had this slug has now, or null. Only English slugs are kept when they change.</summary>
    public static Task<string?> MovedCategoryAsync(this GlossaryDb db, string formerSlug, CancellationToken cancellationToken) =>
        db.CategoryRedirects.AsNoTracking()
            .Where(redirect => redirect.Slug == formerSlug)
            .Join(db.Categories, redirect => redirect.CategoryId, category => category.Id, (redirect, category) => category.Slug)
            .FirstOrDefaultAsync(cancellationToken);

    // A category's translations are owned by it, so EF Core loads them with it: a handful of rows.

    /// <summary>The categories that have a name in the language, in navigation order.</summary>
    public static async Task<List<CategoryLink>> CategoryLinksAsync(this GlossaryDb db, string language, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .OrderBy(category => category.DisplayOrder).ThenBy(category => category.Name)
            .ToListAsync(cancellationToken);
        return [.. categories.Select(category => category.LinkIn(language)).OfType<CategoryLink>()];
    }

    /// <summary>The category with this slug in the language, or null.</summary>
    public static Task<Category?> CategoryAsync(this GlossaryDb db, string language, string slug, CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking()
            .Where(category => language == Languages.Default
                ? category.Slug == slug
                : category.Translations.Any(translation => translation.Language == language && translation.Slug == slug))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Published terms of one language as links, A–Z as its readers expect (case and accents ignored).</summary>
    public static async Task<List<TermLink>> AlphabeticalAsync(this IQueryable<Term> terms, string language, CancellationToken cancellationToken)
    {
        var links = await terms.Select(term => new TermLink(term.Slug, term.Title, term.Language)).ToListAsync(cancellationToken);
        // Sorted here, not in SQL: neither SQLite nor PostgreSQL collates accents away by default.
        return [.. links.OrderBy(link => link.Title, AlphabetIndex.For(language).TitleOrder).ThenBy(link => link.Slug, StringComparer.Ordinal)];
    }
}
