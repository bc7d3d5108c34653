using System.Text;
using System.Xml;
using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Syndication;

/// <summary>
/// The sitemaps protocol (sitemaps.org 0.9): the site's pages, its categories and every published
/// term with the date it last changed. Up to <see cref="SitemapOptions.UrlsPerFile"/> addresses it
/// is one file; beyond, <c>/sitemap.xml</c> is an index of <c>/sitemaps/{n}.xml</c> files.
/// </summary>
public sealed class Sitemap(GlossaryDb db, SiteAddress site, IOptions<SitemapOptions> options)
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The public pages that are not terms or categories.</summary>
    private static readonly string[] Pages = ["/", GlossaryUrls.Index, "/about", "/donate", "/volunteer"];

    private int PerFile => options.Value.UrlsPerFile;

    public async Task<IResult> RootAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(cancellationToken);
        var total = head.Count + await db.Published().CountAsync(cancellationToken);
        var body = total <= PerFile
            ? await UrlSetAsync(head, 0, total, cancellationToken)
            : await IndexAsync(head.Count, (total + PerFile - 1) / PerFile, cancellationToken);
        return Xml(http, body);
    }

    public async Task<IResult> PartAsync(int number, HttpContext http, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(cancellationToken);
        var total = head.Count + await db.Published().CountAsync(cancellationToken);
        var from = (long)(number - 1) * PerFile;
        // A site small enough for one file has no parts: /sitemap.xml is the whole of it.
        return total <= PerFile || from >= total
            ? Results.NotFound()
            : Xml(http, await UrlSetAsync(head, (int)from, (int)Math.Min(PerFile, total - from), cancellationToken));
    }

    /// <summary>Keeps crawlers out of the back office and endless search pages, and points them at the sitemap.</summary>
    public string RobotsText() =>
        $"""
        User-agent: *
        Disallow: /admin
        Disallow: /search
        Allow: /

        Sitemap: {site.Of("/sitemap.xml")}

        """;

    /// <summary>The addresses before the terms: the site's pages (the home page and A–Z changing with the newest term), then the categories.</summary>
    private async Task<List<(string Path, DateTime? Modified)>> HeadAsync(CancellationToken cancellationToken)
    {
        var newest = await db.Published().MaxAsync(term => (DateTime?)term.ModifiedAt, cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(category => category.DisplayOrder).ThenBy(category => category.Id)
            .Select(category => category.Slug).ToListAsync(cancellationToken);
        return
        [
            .. Pages.Select(path => (path, path is "/" or GlossaryUrls.Index ? newest : null)),
            .. categories.Select(slug => (GlossaryUrls.Category(slug), (DateTime?)null)),
        ];
    }

    /// <summary>The addresses from position <paramref name="from"/> of the whole list: the head, then the terms in the order they were made.</summary>
    private async Task<byte[]> UrlSetAsync(List<(string Path, DateTime? Modified)> head, int from, int count, CancellationToken cancellationToken)
    {
        var fromHead = head.Skip(from).Take(count).ToList();
        var terms = await db.Published().OrderBy(term => term.Id).Skip(Math.Max(0, from - head.Count)).Take(count - fromHead.Count)
            .Select(term => new { term.Slug, term.ModifiedAt }).ToListAsync(cancellationToken);
        var entries = fromHead.Concat(terms.Select(term => (GlossaryUrls.Term(term.Slug), (DateTime?)term.ModifiedAt)));
        return Write(xml =>
        {
            xml.WriteStartElement("urlset", Namespace);
            foreach (var (path, modified) in entries)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, site.Of(path));
                if (modified is { } date)
                {
                    xml.WriteElementString("lastmod", Namespace, Timestamps.Utc(date));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    private async Task<byte[]> IndexAsync(int headCount, int parts, CancellationToken cancellationToken)
    {
        var lastModified = new List<DateTime?>();
        for (var part = 0; part < parts; part++)
        {
            // The terms a part holds: its positions in the whole list, less the head before them.
            var first = Math.Max(0, part * PerFile - headCount);
            var last = (part + 1) * PerFile - headCount;
            lastModified.Add(last <= 0 ? null : await db.Published().OrderBy(term => term.Id).Skip(first).Take(last - first)
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
