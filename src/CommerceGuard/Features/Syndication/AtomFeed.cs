using System.Text;
using System.Xml;
using CommerceGuard.Data;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Syndication;

/// <summary>
/// <c>/feed.atom</c>: the terms most recently published or updated, as an Atom 1.0 feed (RFC
/// 4287), newest first. Each entry is the term's page, with its definition as plain text.
/// </summary>
public sealed class AtomFeed(GlossaryDb db, SiteAddress site, MarkdownRenderer markdown, IStringLocalizer<SiteText> text)
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    /// <summary>How many terms the feed carries.</summary>
    public const int Size = 50;

    public async Task<IResult> ResponseAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var paths = SitePaths.For(language);
        var terms = await db.Published(language).OrderByDescending(term => term.ModifiedAt).ThenBy(term => term.Id).Take(Size)
            .Include(term => term.Categories)
            .ToListAsync(cancellationToken);
        var updated = terms.Count > 0 ? terms[0].ModifiedAt : DateTime.UnixEpoch;
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, language);
            xml.WriteElementString("id", Namespace, site.Of(paths.Glossary));
            xml.WriteElementString("title", Namespace, text["Feed.Title"]);
            xml.WriteElementString("subtitle", Namespace, text["Feed.Subtitle"]);
            xml.WriteElementString("updated", Namespace, Timestamps.Utc(updated));
            Link(xml, "self", site.Of(paths.Feed), "application/atom+xml");
            Link(xml, "alternate", site.Of(paths.Glossary), "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, text["Feed.Author"]);
            xml.WriteElementString("uri", Namespace, site.Of(paths.About));
            xml.WriteEndElement();
            foreach (var term in terms)
            {
                var address = site.Of(paths.Term(term.Slug));
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, address);
                xml.WriteElementString("title", Namespace, term.Title);
                xml.WriteElementString("published", Namespace, Timestamps.Utc(term.CreatedAt));
                xml.WriteElementString("updated", Namespace, Timestamps.Utc(term.ModifiedAt));
                Link(xml, "alternate", address, "text/html");
                foreach (var category in term.Categories.OrderBy(category => category.DisplayOrder).Select(category => category.LinkIn(language)?.Name).OfType<string>())
                {
                    xml.WriteStartElement("category", Namespace);
                    xml.WriteAttributeString("term", category);
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("summary", Namespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(markdown.PlainText(term.Definition));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return ConditionalGet.Respond(http, stream.ToArray(), "application/atom+xml; charset=utf-8", terms.Count > 0 ? updated : null);
    }

    private static void Link(XmlWriter xml, string relation, string address, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", address);
        xml.WriteEndElement();
    }

}
