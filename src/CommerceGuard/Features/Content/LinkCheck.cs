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
/// <param name="TermCount">How many terms were checked, drafts included.</param>
/// <param name="OneWay">Pairs where the first lists the second as related, but not the other way round.</param>
/// <param name="Orphans">Published terms that no published page links to.</param>
/// <param name="Broken">Links to terms that do not exist.</param>
public sealed record LinkReport(
    int TermCount, IReadOnlyList<(string From, string To)> OneWay, IReadOnlyList<string> Orphans, IReadOnlyList<BrokenLink> Broken);

/// <summary>
/// Checks the links between terms as readers meet them: each term is rendered as its page
/// renders it, so a mention in code or a no-link passage does not count as a link.
/// </summary>
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
            var isPublished = published.ContainsKey(term.Slug);
            foreach (var related in term.RelatedSlugs)
            {
                if (!published.TryGetValue(related, out var other))
                {
                    broken.Add(new BrokenLink(term.Slug, related, "related"));
                    continue;
                }
                if (isPublished)
                {
                    linkedTo.Add(related);
                }
                if (!other.RelatedSlugs.Contains(term.Slug))
                {
                    oneWay.Add((term.Slug, related));
                }
            }
            var page = Render(term, links);
            broken.AddRange(page.Missing.Select(missing => new BrokenLink(term.Slug, missing, "text")));
            if (isPublished)
            {
                linkedTo.UnionWith(page.Linked);
            }
        }
        var orphans = published.Keys.Where(slug => !linkedTo.Contains(slug)).ToList();
        return new LinkReport(terms.Count, oneWay, orphans, broken);
    }

    private LinkingSession Render(Term term, TermLinks links)
    {
        var session = new LinkingSession(links, term.Slug);
        foreach (var text in new[] { term.Definition, term.Misuse, term.Benefits, term.Conclusion }.Concat(term.Examples))
        {
            markdown.Render(text, session);
        }
        return session;
    }
}
