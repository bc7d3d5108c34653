using System.Globalization;
using System.Text;

namespace CommerceGuard.Features.Interchange.Skos;

/// <summary>
/// Reads RDF 1.1 Turtle into statements: prefixes and base (both spellings), IRIs, prefixed
/// names, <c>a</c>, the four kinds of string with their escapes, language tags and datatypes,
/// numbers and booleans, <c>;</c> and <c>,</c> lists, blank nodes (labelled and <c>[ … ]</c>) and
/// collections. A syntax error stops reading with the line it is on.
/// </summary>
public sealed class TurtleParser
{
    /// <summary>Deeper than any glossary nests; deeper still is refused rather than followed.</summary>
    private const int MaxDepth = 32;

    private readonly string text;
    private readonly Dictionary<string, string> prefixes = new(StringComparer.Ordinal);
    private readonly List<RdfTriple> triples = [];
    private Uri? baseIri;
    private int position;
    private int line = 1;
    private int blanks;
    private int depth;

    private TurtleParser(string text, string? baseIri)
    {
        this.text = text;
        this.baseIri = baseIri is null ? null : new Uri(baseIri);
    }

    public static List<RdfTriple> Parse(string text, string? baseIri = null)
    {
        var parser = new TurtleParser(text, baseIri);
        parser.Document();
        return parser.triples;
    }

    private void Document()
    {
        while (true)
        {
            SkipSpace();
            if (AtEnd)
            {
                return;
            }
            if (Current == '@')
            {
                AtDirective();
            }
            else if (Keyword("PREFIX"))
            {
                PrefixDeclaration();
            }
            else if (Keyword("BASE"))
            {
                SkipSpace();
                baseIri = BaseOf(IriReference());
            }
            else
            {
                Triples();
                SkipSpace();
                Expect('.');
            }
        }
    }

    private void AtDirective()
    {
        position++;
        var name = Name();
        if (name == "prefix")
        {
            PrefixDeclaration();
        }
        else if (name == "base")
        {
            SkipSpace();
            baseIri = BaseOf(IriReference());
        }
        else
        {
            throw Error($"\"@{name}\" is not a directive; Turtle has @prefix and @base.");
        }
        SkipSpace();
        Expect('.');
    }

    /// <summary>A base must be absolute once resolved against any base before it.</summary>
    private Uri BaseOf(string iri) =>
        Uri.TryCreate(iri, UriKind.Absolute, out var absolute) ? absolute : throw Error($"The base <{iri}> is not an absolute IRI.");

    private void PrefixDeclaration()
    {
        SkipSpace();
        var prefix = Name();
        if (!prefix.EndsWith(':'))
        {
            throw Error($"A prefix is declared as \"name:\", not \"{prefix}\".");
        }
        SkipSpace();
        prefixes[prefix[..^1]] = IriReference();
    }

    private void Triples()
    {
        RdfNode subject;
        if (Current == '[')
        {
            subject = BlankNodePropertyList();
            SkipSpace();
            if (Current == '.')
            {
                return;
            }
        }
        else
        {
            subject = Subject();
        }
        PredicateObjectList(subject);
    }

    private RdfNode Subject() => Current switch
    {
        '<' => new RdfIri(IriReference()),
        '(' => Collection(),
        '_' when Next == ':' => BlankLabel(),
        _ => PrefixedIri(Name()),
    };

    private void PredicateObjectList(RdfNode subject)
    {
        while (true)
        {
            SkipSpace();
            var predicate = Verb();
            ObjectList(subject, predicate);
            SkipSpace();
            if (Current != ';')
            {
                return;
            }
            // Repeated semicolons, and one before the end, are allowed.
            while (Current == ';')
            {
                position++;
                SkipSpace();
            }
            if (Current is '.' or ']' || AtEnd)
            {
                return;
            }
        }
    }

    private RdfIri Verb()
    {
        if (Current == '<')
        {
            return new RdfIri(IriReference());
        }
        var name = Name();
        return name == "a" ? Vocabulary.Type : PrefixedIri(name);
    }

    private void ObjectList(RdfNode subject, RdfIri predicate)
    {
        while (true)
        {
            SkipSpace();
            var at = line;
            var value = Object();
            triples.Add(new RdfTriple(subject, predicate, value, at));
            SkipSpace();
            if (Current != ',')
            {
                return;
            }
            position++;
        }
    }

    private RdfNode Object()
    {
        if (AtEnd)
        {
            throw Error("The file ends in the middle of a statement.");
        }
        return Current switch
        {
            '<' => new RdfIri(IriReference()),
            '[' => BlankNodePropertyList(),
            '(' => Collection(),
            '"' or '\'' => Literal(),
            '_' when Next == ':' => BlankLabel(),
            >= '0' and <= '9' or '+' or '-' or '.' => Number(),
            _ => NameObject(),
        };
    }

    private RdfNode NameObject()
    {
        var name = Name();
        return name switch
        {
            "true" or "false" => new RdfLiteral(name, Datatype: Vocabulary.Xsd + "boolean"),
            _ => PrefixedIri(name),
        };
    }

    private RdfBlank BlankNodePropertyList()
    {
        Expect('[');
        Enter();
        var node = NewBlank();
        SkipSpace();
        if (Current != ']')
        {
            PredicateObjectList(node);
            SkipSpace();
        }
        Expect(']');
        depth--;
        return node;
    }

    private RdfNode Collection()
    {
        Expect('(');
        Enter();
        var items = new List<(RdfNode Node, int Line)>();
        while (true)
        {
            SkipSpace();
            if (Current == ')')
            {
                position++;
                break;
            }
            var at = line;
            items.Add((Object(), at));
        }
        depth--;
        RdfNode list = Vocabulary.Nil;
        for (var i = items.Count - 1; i >= 0; i--)
        {
            var cell = NewBlank();
            triples.Add(new RdfTriple(cell, Vocabulary.First, items[i].Node, items[i].Line));
            triples.Add(new RdfTriple(cell, Vocabulary.Rest, list, items[i].Line));
            list = cell;
        }
        return list;
    }

    private RdfLiteral Literal()
    {
        var value = String();
        if (Current == '@')
        {
            position++;
            var start = position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '-'))
            {
                position++;
            }
            if (position == start)
            {
                throw Error("A language tag follows \"@\", such as @en.");
            }
            return new RdfLiteral(value, Language: text[start..position].ToLowerInvariant());
        }
        if (Current == '^' && Next == '^')
        {
            position += 2;
            var datatype = Current == '<' ? IriReference() : PrefixedIri(Name()).Value;
            return new RdfLiteral(value, Datatype: datatype);
        }
        return new RdfLiteral(value);
    }

    private string String()
    {
        var quote = Current;
        var isLong = position + 2 < text.Length && text[position + 1] == quote && text[position + 2] == quote;
        position += isLong ? 3 : 1;
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("A string is never closed.");
            }
            var c = text[position];
            if (c == quote && (!isLong || (position + 2 < text.Length && text[position + 1] == quote && text[position + 2] == quote)))
            {
                position += isLong ? 3 : 1;
                return value.ToString();
            }
            if (c == '\\')
            {
                value.Append(Escape());
                continue;
            }
            if (c is '\n' or '\r' && !isLong)
            {
                throw Error("A line break inside a short string; use \"\"\"long strings\"\"\" or \\n.");
            }
            if (c == '\n')
            {
                line++;
            }
            value.Append(c);
            position++;
        }
    }

    private string Escape()
    {
        position++;
        if (AtEnd)
        {
            throw Error("A string ends in a backslash.");
        }
        var c = text[position++];
        return c switch
        {
            't' => "\t",
            'b' => "\b",
            'n' => "\n",
            'r' => "\r",
            'f' => "\f",
            '"' or '\'' or '\\' => c.ToString(),
            'u' => CodePoint(4),
            'U' => CodePoint(8),
            _ => throw Error($"\"\\{c}\" is not an escape Turtle knows."),
        };
    }

    private string CodePoint(int digits)
    {
        if (position + digits > text.Length
            || !int.TryParse(text.AsSpan(position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
            || code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            throw Error("A \\u or \\U escape needs hexadecimal digits naming a character.");
        }
        position += digits;
        return char.ConvertFromUtf32(code);
    }

    private RdfLiteral Number()
    {
        var start = position;
        while (!AtEnd && (char.IsAsciiDigit(Current) || Current is '+' or '-' or '.' or 'e' or 'E'))
        {
            position++;
        }
        // A final dot ends the statement.
        if (text[position - 1] == '.')
        {
            position--;
        }
        var number = text[start..position];
        var datatype = number.Contains('e', StringComparison.OrdinalIgnoreCase) ? "double" : number.Contains('.') ? "decimal" : "integer";
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw Error($"\"{number}\" is not a number.");
        }
        return new RdfLiteral(number, Datatype: Vocabulary.Xsd + datatype);
    }

    private string IriReference()
    {
        Expect('<');
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current is '\n' or '\r' or ' ' or '<' or '"')
            {
                throw Error("An IRI in <…> is never closed.");
            }
            if (Current == '>')
            {
                position++;
                break;
            }
            if (Current == '\\')
            {
                position++;
                var kind = AtEnd ? ' ' : text[position++];
                value.Append(kind switch
                {
                    'u' => CodePoint(4),
                    'U' => CodePoint(8),
                    _ => throw Error("Only \\u and \\U escapes may appear in an IRI."),
                });
                continue;
            }
            value.Append(Current);
            position++;
        }
        return Resolve(value.ToString());
    }

    private string Resolve(string iri)
    {
        if (Uri.TryCreate(iri, UriKind.Absolute, out _) || baseIri is null)
        {
            return iri;
        }
        return Uri.TryCreate(baseIri, iri, out var resolved) ? resolved.ToString() : iri;
    }

    private RdfIri PrefixedIri(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw Error(name.Length == 0 ? $"Unexpected \"{(AtEnd ? "end of file" : Current.ToString())}\"." : $"\"{name}\" is neither an IRI in <…> nor a prefixed name.");
        }
        var prefix = name[..colon];
        if (!prefixes.TryGetValue(prefix, out var ns))
        {
            throw Error($"The prefix \"{prefix}:\" is used but never declared.");
        }
        var local = new StringBuilder();
        for (var i = colon + 1; i < name.Length; i++)
        {
            // "\-" and the like stand for the character itself.
            if (name[i] == '\\' && i + 1 < name.Length)
            {
                i++;
            }
            local.Append(name[i]);
        }
        return new RdfIri(ns + local);
    }

    private RdfBlank BlankLabel()
    {
        position += 2;
        var start = position;
        while (!AtEnd && IsNameCharacter(Current))
        {
            position++;
        }
        while (position > start && text[position - 1] == '.')
        {
            position--;
        }
        return new RdfBlank("b-" + text[start..position]);
    }

    /// <summary>A prefixed name, a keyword or <c>a</c>: letters, digits and the punctuation names may hold (a final dot ends the statement).</summary>
    private string Name()
    {
        var start = position;
        while (!AtEnd && (IsNameCharacter(Current) || Current == ':' || (Current == '\\' && position + 1 < text.Length)))
        {
            position += Current == '\\' ? 2 : 1;
        }
        while (position > start && text[position - 1] == '.')
        {
            position--;
        }
        return text[start..position];
    }

    private static bool IsNameCharacter(char c) =>
        char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '%' or '\u00B7' || char.IsSurrogate(c);

    private bool Keyword(string keyword)
    {
        if (position + keyword.Length >= text.Length
            || !text.AsSpan(position, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)
            || !char.IsWhiteSpace(text[position + keyword.Length]))
        {
            return false;
        }
        position += keyword.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (!AtEnd)
        {
            var c = text[position];
            if (c == '#')
            {
                while (!AtEnd && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                {
                    line++;
                }
                position++;
            }
            else
            {
                return;
            }
        }
    }

    private void Expect(char c)
    {
        if (AtEnd || text[position] != c)
        {
            throw Error(AtEnd ? $"The file ends where \"{c}\" was expected." : $"\"{c}\" was expected, not \"{text[position]}\".");
        }
        position++;
    }

    private void Enter()
    {
        if (++depth > MaxDepth)
        {
            throw Error($"Blank nodes and collections nest more than {MaxDepth} deep.");
        }
    }

    private RdfBlank NewBlank() => new($"n{++blanks}");

    private bool AtEnd => position >= text.Length;

    private char Current => AtEnd ? '\0' : text[position];

    private char Next => position + 1 < text.Length ? text[position + 1] : '\0';

    private RdfSyntaxException Error(string reason) => new(line, reason);
}
