namespace CommerceGuard.Features.Interchange.Skos;

/// <summary>A subject, predicate or object of an RDF statement: an IRI, a blank node or (as an object) a literal.</summary>
public abstract record RdfNode;

public sealed record RdfIri(string Value) : RdfNode
{
    public override string ToString() => $"<{Value}>";
}

public sealed record RdfBlank(string Id) : RdfNode
{
    public override string ToString() => $"_:{Id}";
}

/// <summary>A text value, with its language (<c>"Copay"@en</c>) or datatype when it has one.</summary>
public sealed record RdfLiteral(string Value, string? Language = null, string? Datatype = null) : RdfNode
{
    public override string ToString() => $"\"{Value}\"";
}

/// <summary>One statement (subject, predicate, object: its value), with the line of the file it was read from, for reports.</summary>
public sealed record RdfTriple(RdfNode Subject, RdfIri Predicate, RdfNode Value, int Line = 0);

/// <summary>A file that is not the RDF it claims to be: where and why.</summary>
public sealed class RdfSyntaxException(int line, string reason) : Exception($"Line {line}: {reason}")
{
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}

/// <summary>The vocabularies a SKOS glossary is written in.</summary>
public static class Vocabulary
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Schema = "https://schema.org/";

    /// <summary>Ours: what a CommerceGuard term has and SKOS has no word for.</summary>
    public const string CommerceGuard = "https://commerceguard.org/ns/glossary#";

    public static readonly RdfIri Type = new(Rdf + "type");
    public static readonly RdfIri First = new(Rdf + "first");
    public static readonly RdfIri Rest = new(Rdf + "rest");
    public static readonly RdfIri Nil = new(Rdf + "nil");

    public static readonly RdfIri ConceptScheme = new(Skos + "ConceptScheme");
    public static readonly RdfIri Concept = new(Skos + "Concept");
    public static readonly RdfIri Collection = new(Skos + "Collection");
    public static readonly RdfIri InScheme = new(Skos + "inScheme");
    public static readonly RdfIri PrefLabel = new(Skos + "prefLabel");
    public static readonly RdfIri AltLabel = new(Skos + "altLabel");
    public static readonly RdfIri Definition = new(Skos + "definition");
    public static readonly RdfIri Example = new(Skos + "example");
    public static readonly RdfIri Related = new(Skos + "related");
    public static readonly RdfIri Member = new(Skos + "member");
    public static readonly RdfIri EditorialNote = new(Skos + "editorialNote");

    public static readonly RdfIri Title = new(Dct + "title");
    public static readonly RdfIri Description = new(Dct + "description");
    public static readonly RdfIri Modified = new(Dct + "modified");
    public static readonly RdfIri Source = new(Dct + "source");
    public static readonly RdfIri Publisher = new(Dct + "publisher");
    public static readonly RdfIri Url = new(Schema + "url");
    public static readonly RdfIri Citation = new(Dct + "bibliographicCitation");
    public static readonly RdfIri Issued = new(Dct + "issued");

    public static readonly RdfIri Misuse = new(CommerceGuard + "misuse");
    public static readonly RdfIri Benefits = new(CommerceGuard + "benefits");
    public static readonly RdfIri Conclusion = new(CommerceGuard + "conclusion");
    public static readonly RdfIri Status = new(CommerceGuard + "status");
    public static readonly RdfIri AutoLink = new(CommerceGuard + "autoLink");

    /// <summary>From a translation's concept to its original's: the same entry in another language.</summary>
    public static readonly RdfIri TranslationOf = new(CommerceGuard + "translationOf");
    public static readonly RdfIri Accessed = new(CommerceGuard + "accessed");

    /// <summary>A source's kind, as files spell it ("court-decision"), and the part of the term it supports.</summary>
    public static readonly RdfIri SourceKind = new(CommerceGuard + "sourceKind");
    public static readonly RdfIri Supports = new(CommerceGuard + "supports");

    /// <summary>The prefixes the writers use, and a reader may meet.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Namespace)> Prefixes =
    [
        ("rdf", Rdf), ("skos", Skos), ("dct", Dct), ("xsd", Xsd), ("schema", Schema), ("cg", CommerceGuard),
    ];
}
