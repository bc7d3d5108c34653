using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Content;

/// <summary>A link from a term to a term that does not exist (or is not published).</summary>
/// <param name="From">The slug of the term that links.</param>
/// <param name="Target">The slug or name it links to.</param>
/// <param name="Where"><c>related</c> for its related terms, <c>text</c> for a link in its text.</param>
public sealed record BrokenLink(string From, string Target, string Where);

/// <summary>What <c>glossary check</c> finds about how a language's terms link to each other.</summary>
/// <param name="TermCount">How many terms were checked.</param>
/// <param name="OneWay">Pairs where the first lists the second as related, but not the other way round.</param>
/// <param name="Orphans">Published terms that no other term links to, by related terms, text links or mentions.</param>
/// <param name="Broken">Links to terms that do not exist.</param>
public sealed record LinkReport(
    int TermCount, IReadOnlyList<(string From, string To)> OneWay, IReadOnlyList<string> Orphans, IReadOnlyList<BrokenLink> Broken);

/// <summary>Checks the links between terms: related terms both ways, orphans, and links to nowhere.</summary>
public sealed class LinkCheck(GlossaryDb db, MarkdownRenderer markdown, TermDirectory directory)
{
    public async Task<LinkReport> RunAsync(string language, CancellationToken cancellationToken = default)
    {
        var terms = await db.Terms.AsNoTracking()
            .Where(term => term.Language == language)
            .OrderBy(term => term.Slug)
            .ToListAsync(cancellationToken);
        var links = await directory.LinksAsync(language, cancellationToken);
        var published = terms.Where(term => term.Status == TermStatus.Published).ToDictionary(term => term.Slug);

        var oneWay = new List<(string, string)>();
        var broken = new List<BrokenLink>();
        var linkedTo = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            foreach (var related in term.RelatedSlugs)
            {
                if (!published.TryGetValue(related, out var other))
                {
                    broken.Add(new BrokenLink(term.Slug, related, "related"));
                    continue;
                }
                linkedTo.Add(related);
                if (!other.RelatedSlugs.Contains(term.Slug))
                {
                    oneWay.Add((term.Slug, related));
                }
            }
            foreach (var text in Texts(term))
            {
                CheckText(term.Slug, text, links, linkedTo, broken);
            }
        }
        var orphans = published.Keys.Where(slug => !linkedTo.Contains(slug)).ToList();
        return new LinkReport(terms.Count, oneWay, orphans, broken);
    }

    private void CheckText(string from, string text, TermLinks links, HashSet<string> linkedTo, List<BrokenLink> broken)
    {
        foreach (var (target, bySlug) in markdown.ExplicitLinks(text))
        {
            var found = bySlug ? links.BySlug(target) : links.ByName(target);
            if (found is null)
            {
                broken.Add(new BrokenLink(from, target, "text"));
            }
            else if (found.Slug != from)
            {
                linkedTo.Add(found.Slug);
            }
        }
        foreach (var mention in links.Matcher.Find(text))
        {
            if (mention.Target.Slug != from)
            {
                linkedTo.Add(mention.Target.Slug);
            }
        }
    }

    private static IEnumerable<string> Texts(Term term) =>
        new[] { term.Definition, term.Misuse, term.Benefits, term.Conclusion }.Concat(term.Examples).OfType<string>();
}
