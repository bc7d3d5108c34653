using System.Xml;
using System.Xml.Linq;

namespace CommerceGuard.Features.Interchange.Skos;

/// <summary>
/// Reads RDF/XML into statements: node elements (<c>rdf:Description</c> and typed ones) with
/// <c>rdf:about</c>, <c>rdf:ID</c> or <c>rdf:nodeID</c>; property elements with
/// <c>rdf:resource</c>, <c>rdf:nodeID</c>, <c>rdf:datatype</c>, nested nodes, property attributes
/// and the <c>Resource</c>, <c>Literal</c> and <c>Collection</c> parse types; <c>xml:lang</c> and
/// <c>xml:base</c> as they are inherited. A document type declaration is refused outright, so
/// entity expansion ("billion laughs") and external entities never happen.
/// </summary>
public sealed class RdfXmlParser
{
    private const int MaxDepth = 64;

    private static readonly XNamespace Rdf = Vocabulary.Rdf;
    private static readonly XName About = Rdf + "about";
    private static readonly XName Id = Rdf + "ID";
    private static readonly XName NodeId = Rdf + "nodeID";
    private static readonly XName Resource = Rdf + "resource";
    private static readonly XName Datatype = Rdf + "datatype";
    private static readonly XName ParseType = Rdf + "parseType";

    private readonly List<RdfTriple> triples = [];
    private int blanks;

    public static List<RdfTriple> Parse(Stream stream, string? baseIri = null)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, settings, baseIri);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.SetBaseUri);
        }
        catch (XmlException error) when (error.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new RdfSyntaxException(Math.Max(error.LineNumber, 1), "The file declares a document type (DTD), which may define entities that expand without end; RDF/XML needs none, so it is refused.");
        }
        catch (XmlException error)
        {
            throw new RdfSyntaxException(Math.Max(error.LineNumber, 1), $"The file is not well-formed XML: {error.Message}");
        }
        var parser = new RdfXmlParser();
        var root = document.Root!;
        if (root.Name == Rdf + "RDF")
        {
            foreach (var node in root.Elements())
            {
                parser.NodeElement(node, 1);
            }
        }
        else
        {
            parser.NodeElement(root, 1);
        }
        return parser.triples;
    }

    private RdfNode NodeElement(XElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new RdfSyntaxException(LineOf(element), $"Nodes nest more than {MaxDepth} deep.");
        }
        var subject = SubjectOf(element);
        var line = LineOf(element);
        if (element.Name != Rdf + "Description")
        {
            triples.Add(new RdfTriple(subject, Vocabulary.Type, new RdfIri(IriOf(element.Name)), line));
        }
        PropertyAttributes(element, subject, line);
        var index = 0;
        foreach (var property in element.Elements())
        {
            PropertyElement(property, subject, ref index, depth);
        }
        return subject;
    }

    private RdfNode SubjectOf(XElement element)
    {
        if (element.Attribute(About) is { } about)
        {
            return new RdfIri(Resolve(element, about.Value));
        }
        if (element.Attribute(Id) is { } id)
        {
            return new RdfIri(Resolve(element, "#" + id.Value));
        }
        return element.Attribute(NodeId) is { } nodeId ? new RdfBlank("x-" + nodeId.Value) : NewBlank();
    }

    private void PropertyElement(XElement property, RdfNode subject, ref int index, int depth)
    {
        var line = LineOf(property);
        if (depth > MaxDepth)
        {
            throw new RdfSyntaxException(line, $"Nodes nest more than {MaxDepth} deep.");
        }
        var predicate = property.Name == Rdf + "li" ? new RdfIri($"{Vocabulary.Rdf}_{++index}") : new RdfIri(IriOf(property.Name));
        var parseType = property.Attribute(ParseType)?.Value;
        if (parseType == "Resource")
        {
            var node = NewBlank();
            triples.Add(new RdfTriple(subject, predicate, node, line));
            var inner = 0;
            foreach (var child in property.Elements())
            {
                PropertyElement(child, node, ref inner, depth + 1);
            }
            return;
        }
        if (parseType == "Collection")
        {
            var items = property.Elements().Select(child => NodeElement(child, depth + 1)).ToList();
            triples.Add(new RdfTriple(subject, predicate, ListOf(items, line), line));
            return;
        }
        if (parseType == "Literal")
        {
            var xml = string.Concat(property.Nodes().Select(node => node.ToString(SaveOptions.DisableFormatting)));
            triples.Add(new RdfTriple(subject, predicate, new RdfLiteral(xml, Datatype: Vocabulary.Rdf + "XMLLiteral"), line));
            return;
        }
        if (property.Attribute(Resource) is { } resource)
        {
            triples.Add(new RdfTriple(subject, predicate, new RdfIri(Resolve(property, resource.Value)), line));
            return;
        }
        if (property.Attribute(NodeId) is { } nodeId)
        {
            triples.Add(new RdfTriple(subject, predicate, new RdfBlank("x-" + nodeId.Value), line));
            return;
        }
        if (property.Elements().FirstOrDefault() is { } nested)
        {
            triples.Add(new RdfTriple(subject, predicate, NodeElement(nested, depth + 1), line));
            return;
        }
        if (PropertyAttributesOf(property).Any())
        {
            var node = NewBlank();
            triples.Add(new RdfTriple(subject, predicate, node, line));
            PropertyAttributes(property, node, line);
            return;
        }
        var datatype = property.Attribute(Datatype)?.Value;
        var language = datatype is null ? LanguageOf(property) : null;
        triples.Add(new RdfTriple(subject, predicate, new RdfLiteral(property.Value, language, datatype), line));
    }

    /// <summary>Attributes that are not RDF's or XML's own stand for literal properties.</summary>
    private void PropertyAttributes(XElement element, RdfNode subject, int line)
    {
        foreach (var attribute in PropertyAttributesOf(element))
        {
            var predicate = attribute.Name == Rdf + "type" ? Vocabulary.Type : new RdfIri(IriOf(attribute.Name));
            RdfNode value = predicate == Vocabulary.Type
                ? new RdfIri(Resolve(element, attribute.Value))
                : new RdfLiteral(attribute.Value, LanguageOf(element));
            triples.Add(new RdfTriple(subject, predicate, value, line));
        }
    }

    private static IEnumerable<XAttribute> PropertyAttributesOf(XElement element) =>
        element.Attributes().Where(attribute => !attribute.IsNamespaceDeclaration
            && attribute.Name.Namespace != XNamespace.Xml
            && attribute.Name.Namespace != XNamespace.None
            && (attribute.Name.Namespace != Rdf || attribute.Name == Rdf + "type"));

    private RdfNode ListOf(List<RdfNode> items, int line)
    {
        RdfNode list = Vocabulary.Nil;
        for (var i = items.Count - 1; i >= 0; i--)
        {
            var cell = NewBlank();
            triples.Add(new RdfTriple(cell, Vocabulary.First, items[i], line));
            triples.Add(new RdfTriple(cell, Vocabulary.Rest, list, line));
            list = cell;
        }
        return list;
    }

    private static string IriOf(XName name) => name.NamespaceName + name.LocalName;

    private static string? LanguageOf(XElement element) =>
        element.AncestorsAndSelf().Select(node => node.Attribute(XNamespace.Xml + "lang")?.Value).FirstOrDefault(lang => lang is not null) is { Length: > 0 } lang
            ? lang.ToLowerInvariant()
            : null;

    private static string Resolve(XElement element, string iri)
    {
        if (Uri.TryCreate(iri, UriKind.Absolute, out _))
        {
            return iri;
        }
        var baseIri = element.AncestorsAndSelf().Select(node => node.Attribute(XNamespace.Xml + "base")?.Value).FirstOrDefault(value => value is not null)
            ?? (element.BaseUri.Length > 0 ? element.BaseUri : null);
        return baseIri is not null && Uri.TryCreate(baseIri, UriKind.Absolute, out var root) && Uri.TryCreate(root, iri, out var resolved)
            ? resolved.ToString()
            : iri;
    }

    private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private RdfBlank NewBlank() => new($"n{++blanks}");
}
