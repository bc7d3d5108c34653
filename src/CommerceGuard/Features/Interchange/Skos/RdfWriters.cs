using System.Text;
using System.Xml;

namespace CommerceGuard.Features.Interchange.Skos;

/// <summary>
/// Writes statements a batch at a time (a term, a category). Within a batch, statements are
/// grouped by subject, and a blank node is written inside the statement that names it.
/// </summary>
public abstract class RdfWriter : IDisposable
{
    public abstract void Write(IReadOnlyList<RdfTriple> batch);

    public abstract void Dispose();

    /// <summary>The batch's subjects that are not blank nodes, each with its statements, and the blank nodes' statements by node.</summary>
    protected static (List<(RdfNode Subject, List<RdfTriple> Triples)> Named, Dictionary<RdfNode, List<RdfTriple>> Blank) Group(IReadOnlyList<RdfTriple> batch)
    {
        var named = new List<(RdfNode Subject, List<RdfTriple> Triples)>();
        var blank = new Dictionary<RdfNode, List<RdfTriple>>();
        foreach (var triple in batch)
        {
            if (triple.Subject is RdfBlank)
            {
                (blank.TryGetValue(triple.Subject, out var list) ? list : blank[triple.Subject] = []).Add(triple);
                continue;
            }
            if (named.Count > 0 && named[^1].Subject == triple.Subject)
            {
                named[^1].Triples.Add(triple);
            }
            else
            {
                named.Add((triple.Subject, [triple]));
            }
        }
        return (named, blank);
    }
}

/// <summary>Turtle with the prefixes of <see cref="Vocabulary"/>, one subject per paragraph.</summary>
public sealed class TurtleWriter : RdfWriter
{
    private readonly TextWriter output;

    public TurtleWriter(TextWriter output)
    {
        this.output = output;
        foreach (var (prefix, ns) in Vocabulary.Prefixes)
        {
            output.WriteLine($"@prefix {prefix}: <{ns}> .");
        }
    }

    public override void Write(IReadOnlyList<RdfTriple> batch)
    {
        var (named, blank) = Group(batch);
        foreach (var (subject, triples) in named)
        {
            output.WriteLine();
            output.Write(Node(subject));
            WriteProperties(triples, blank, "    ");
            output.WriteLine(" .");
        }
    }

    public override void Dispose() => output.Flush();

    private void WriteProperties(List<RdfTriple> triples, Dictionary<RdfNode, List<RdfTriple>> blank, string indent)
    {
        for (var i = 0; i < triples.Count; i++)
        {
            var triple = triples[i];
            output.Write(i == 0 ? " " : $" ;\n{indent}");
            output.Write(triple.Predicate == Vocabulary.Type ? "a" : Node(triple.Predicate));
            output.Write(' ');
            if (triple.Value is RdfBlank && blank.TryGetValue(triple.Value, out var inner))
            {
                output.Write('[');
                WriteProperties(inner, blank, indent + "    ");
                output.Write(" ]");
            }
            else
            {
                output.Write(Node(triple.Value));
            }
        }
    }

    private static string Node(RdfNode node) => node switch
    {
        RdfIri iri => Prefixed(iri.Value) ?? $"<{iri.Value}>",
        RdfBlank blank => $"_:{blank.Id}",
        RdfLiteral literal => Literal(literal),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static string? Prefixed(string iri)
    {
        foreach (var (prefix, ns) in Vocabulary.Prefixes)
        {
            if (iri.StartsWith(ns, StringComparison.Ordinal) && iri[ns.Length..].All(char.IsAsciiLetterOrDigit) && iri.Length > ns.Length)
            {
                return $"{prefix}:{iri[ns.Length..]}";
            }
        }
        return null;
    }

    private static string Literal(RdfLiteral literal)
    {
        var text = new StringBuilder("\"");
        foreach (var c in literal.Value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        text.Append('"');
        if (literal.Language is { } language)
        {
            text.Append('@').Append(language);
        }
        else if (literal.Datatype is { } datatype)
        {
            text.Append("^^").Append(Prefixed(datatype) ?? $"<{datatype}>");
        }
        return text.ToString();
    }
}

/// <summary>RDF/XML: each subject a typed node element, blank nodes nested as <c>rdf:parseType="Resource"</c>.</summary>
public sealed class RdfXmlWriter : RdfWriter
{
    private readonly XmlWriter xml;

    public RdfXmlWriter(Stream output)
    {
        // Carriage returns as character references: a reader would otherwise turn "\r\n" into "\n".
        xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize });
        xml.WriteStartDocument();
        xml.WriteStartElement("rdf", "RDF", Vocabulary.Rdf);
        foreach (var (prefix, ns) in Vocabulary.Prefixes.Where(prefix => prefix.Prefix != "rdf"))
        {
            xml.WriteAttributeString("xmlns", prefix, null, ns);
        }
    }

    public override void Write(IReadOnlyList<RdfTriple> batch)
    {
        var (named, blank) = Group(batch);
        foreach (var (subject, triples) in named)
        {
            var type = triples.FirstOrDefault(triple => triple.Predicate == Vocabulary.Type)?.Value as RdfIri;
            StartElement(type?.Value ?? Vocabulary.Rdf + "Description");
            xml.WriteAttributeString("rdf", "about", Vocabulary.Rdf, ((RdfIri)subject).Value);
            WriteProperties(triples.Where(triple => triple.Predicate != Vocabulary.Type || triple.Value != type), blank);
            xml.WriteEndElement();
        }
    }

    public override void Dispose()
    {
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Dispose();
    }

    private void WriteProperties(IEnumerable<RdfTriple> triples, Dictionary<RdfNode, List<RdfTriple>> blank)
    {
        foreach (var triple in triples)
        {
            StartElement(triple.Predicate.Value);
            switch (triple.Value)
            {
                case RdfIri iri:
                    xml.WriteAttributeString("rdf", "resource", Vocabulary.Rdf, iri.Value);
                    break;
                case RdfBlank node when blank.TryGetValue(node, out var inner):
                    xml.WriteAttributeString("rdf", "parseType", Vocabulary.Rdf, "Resource");
                    WriteProperties(inner, blank);
                    break;
                case RdfBlank node:
                    xml.WriteAttributeString("rdf", "nodeID", Vocabulary.Rdf, node.Id);
                    break;
                case RdfLiteral literal:
                    if (literal.Language is { } language)
                    {
                        xml.WriteAttributeString("xml", "lang", null, language);
                    }
                    else if (literal.Datatype is { } datatype)
                    {
                        xml.WriteAttributeString("rdf", "datatype", Vocabulary.Rdf, datatype);
                    }
                    // Terms saved before control characters were dropped may hold some; XML cannot.
                    xml.WriteString(Glossary.Editing.TermValidation.Printable(literal.Value));
                    break;
            }
            xml.WriteEndElement();
        }
    }

    /// <summary>An element named by an IRI: the namespace is everything up to the last '#' or '/'.</summary>
    private void StartElement(string iri)
    {
        var cut = iri.LastIndexOfAny(['#', '/']) + 1;
        xml.WriteStartElement(iri[cut..], iri[..cut]);
    }
}
