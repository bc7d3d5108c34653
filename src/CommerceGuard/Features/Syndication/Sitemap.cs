using System.Text;
using System.Xml;
using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Syndication;

/// <summary>
/// The sitemaps protocol (sitemaps.org 0.9): the site's pages, its categories and every published
/// term with the date it last changed, in every language, each with its other languages' addresses. Up to <see cref="SitemapOptions.UrlsPerFile"/> addresses it
/// is one file; beyond, <c>/sitemap.xml</c> is an index of <c>/sitemaps/{n}.xml</c> files.
/// </summary>
public sealed class Sitemap(GlossaryDb db, SiteAddress site, OfferedLanguages offered, IOptions<SitemapOptions> options)
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Where the alternates of a page in other languages are written (<c>xhtml:link</c>), as search engines read them.</summary>
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>The public pages that are not terms or categories, in any language.</summary>
    private static readonly Func<SitePaths, string>[] Pages = [paths => paths.Home, paths => paths.Glossary, paths => paths.About, paths => paths.Donate, paths => paths.Volunteer];

    private int PerFile => options.Value.UrlsPerFile;

    /// <summary>Published terms in every language the site is offered in.</summary>
    private IQueryable<Term> Terms => db.Terms.AsNoTracking()
        .Where(term => term.Status == TermStatus.Published && offered.Codes.Contains(term.Language));

    public async Task<IResult> RootAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(cancellationToken);
        var total = head.Count + await Terms.CountAsync(cancellationToken);
        var body = total <= PerFile
            ? await UrlSetAsync(head, 0, total, cancellationToken)
            : await IndexAsync(head.Count, (total + PerFile - 1) / PerFile, cancellationToken);
        return Xml(http, body);
    }

    public async Task<IResult> PartAsync(int number, HttpContext http, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(cancellationToken);
        var total = head.Count + await Terms.CountAsync(cancellationToken);
        var from = (long)(number - 1) * PerFile;
        // A site small enough for one file has no parts: /sitemap.xml is the whole of it.
        return total <= PerFile || from >= total
            ? Results.NotFound()
            : Xml(http, await UrlSetAsync(head, (int)from, (int)Math.Min(PerFile, total - from), cancellationToken));
    }

    /// <summary>Keeps crawlers out of the back office and endless search pages, and points them at the sitemap.</summary>
    public string RobotsText()
    {
        var search = string.Concat(offered.Codes.Select(code => $"Disallow: {SitePaths.For(code).Search}\n"));
        return $"User-agent: *\nDisallow: /admin\n{search}Allow: /\n\nSitemap: {site.Of("/sitemap.xml")}\n";
    }

    /// <summary>An address, when it last changed if that is known, and the same page in every language it is in (itself too).</summary>
    private sealed record Entry(string Path, DateTime? Modified, IReadOnlyList<(string Language, string Path)> Languages);

    /// <summary>
    /// The addresses before the terms: the site's pages in each language (the home page and A–Z
    /// changing with the language's newest term), then the categories.
    /// </summary>
    private async Task<List<Entry>> HeadAsync(CancellationToken cancellationToken)
    {
        var newest = await Terms.GroupBy(term => term.Language)
            .Select(terms => new { Language = terms.Key, Newest = terms.Max(term => term.ModifiedAt) })
            .ToDictionaryAsync(language => language.Language, language => language.Newest, cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(category => category.DisplayOrder).ThenBy(category => category.Id)
            .ToListAsync(cancellationToken);
        var entries = new List<Entry>();
        foreach (var page in Pages)
        {
            var everywhere = offered.Codes.Select(code => (code, page(SitePaths.For(code)))).ToList();
            var changes = page == Pages[0] || page == Pages[1];
            entries.AddRange(everywhere.Select(one => new Entry(one.Item2, changes && newest.TryGetValue(one.code, out var date) ? date : null, everywhere)));
        }
        foreach (var category in categories)
        {
            var everywhere = offered.Codes.Select(category.LinkIn).OfType<CategoryLink>().Select(link => (link.Language, link.Url)).ToList();
            entries.AddRange(everywhere.Select(one => new Entry(one.Url, null, everywhere)));
        }
        return entries;
    }

    /// <summary>The addresses from position <paramref name="from"/> of the whole list: the head, then the terms in the order they were made.</summary>
    private async Task<byte[]> UrlSetAsync(List<Entry> head, int from, int count, CancellationToken cancellationToken)
    {
        var fromHead = head.Skip(from).Take(count).ToList();
        var terms = await Terms.OrderBy(term => term.Id).Skip(Math.Max(0, from - head.Count)).Take(count - fromHead.Count)
            .Select(term => new { term.Slug, term.Language, term.ModifiedAt, Original = term.TranslationOfId ?? term.Id })
            .ToListAsync(cancellationToken);
        // Every term in a family (a translation, or an original with one) by its original, in one
        // query: a list of this part's ids (up to 50,000) would pass SQLite's limit on parameters.
        // Published members are grouped even when the original is not, as on the term pages.
        var families = (await Terms
                .Where(member => member.TranslationOfId != null || db.Terms.Any(translation => translation.TranslationOfId == member.Id))
                .Select(member => new { Original = member.TranslationOfId ?? member.Id, member.Language, member.Slug })
                .ToListAsync(cancellationToken))
            .ToLookup(member => member.Original, member => (member.Language, SitePaths.For(member.Language).Term(member.Slug)));
        var entries = fromHead.Concat(terms.Select(term =>
            new Entry(SitePaths.For(term.Language).Term(term.Slug), term.ModifiedAt, [.. families[term.Original].OrderBy(member => member.Language, StringComparer.Ordinal)])));
        return Write(xml =>
        {
            xml.WriteStartElement("urlset", Namespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, site.Of(entry.Path));
                if (entry.Modified is { } date)
                {
                    xml.WriteElementString("lastmod", Namespace, Timestamps.Utc(date));
                }
                WriteAlternates(xml, entry.Languages);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    /// <summary>A page that is in one language only has none; otherwise each language's address, and English as the default.</summary>
    private void WriteAlternates(XmlWriter xml, IReadOnlyList<(string Language, string Path)> languages)
    {
        if (languages.Count < 2)
        {
            return;
        }
        var withDefault = languages.Concat(languages.Where(one => one.Language == Languages.Default).Select(one => ("x-default", one.Path)));
        foreach (var (language, path) in withDefault)
        {
            xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
            xml.WriteAttributeString("rel", "alternate");
            xml.WriteAttributeString("hreflang", language);
            xml.WriteAttributeString("href", site.Of(path));
            xml.WriteEndElement();
        }
    }

    private async Task<byte[]> IndexAsync(int headCount, int parts, CancellationToken cancellationToken)
    {
        var lastModified = new List<DateTime?>();
        for (var part = 0; part < parts; part++)
        {
            // The terms a part holds: its positions in the whole list, less the head before them.
            var first = Math.Max(0, part * PerFile - headCount);
            var last = (part + 1) * PerFile - headCount;
            lastModified.Add(last <= 0 ? null : await Terms.OrderBy(term => term.Id).Skip(first).Take(last - first)
                .MaxAsync(term => (DateTime?)term.ModifiedAt, cancellationToken));
        }
        return Write(xml =>
        {
            xml.WriteStartElement("sitemapindex", Namespace);
            for (var part = 0; part < parts; part++)
            {
                xml.WriteStartElement("sitemap", Namespace);
                xml.WriteElementString("loc", Namespace, site.Of($"/sitemaps/{part + 1}.xml"));
                if (lastModified[part] is { } date)
                {
                    xml.WriteElementString("lastmod", Namespace, Timestamps.Utc(date));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }


    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The file, answered 304 when the client holds the same bytes. No Last-Modified: a renamed
    /// category changes the file but no term's date.
    /// </summary>
    private static IResult Xml(HttpContext http, byte[] body) =>
        ConditionalGet.Respond(http, body, "application/xml; charset=utf-8", lastModified: null);
}
