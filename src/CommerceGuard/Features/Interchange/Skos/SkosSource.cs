using System.Globalization;
using System.Text;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Interchange.Importing;

namespace CommerceGuard.Features.Interchange.Skos;

/// <summary>
/// Reads a SKOS vocabulary (Turtle or RDF/XML) as a glossary: each <c>skos:Concept</c> a term
/// (prefLabel the title, altLabels the aliases, definition, examples, related), each
/// <c>skos:Collection</c> a category with its members. What SKOS has no word for travels in our
/// own namespace (<see cref="Vocabulary.CommerceGuard"/>). A term's slug is the last part of its
/// IRI when that is a valid slug, otherwise it is made from the title. Labels are taken in
/// English, or without a language; a concept labelled in other languages too is a term in each,
/// paired with its English one, with a slug made from its title there. When one language is
/// imported, a concept labelled only in another is passed on as being in that language, to be skipped.
/// </summary>
public static class SkosSource
{
    public static IEnumerable<SourceItem> ReadTurtle(string path, string? language) =>
        Read(path, language, stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.GetBuffer().AsSpan(0, (int)memory.Length);
            if (TextEncodingCheck.StartProblem(bytes) is { } problem)
            {
                throw new RdfSyntaxException(1, problem);
            }
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                throw new RdfSyntaxException(TextEncodingCheck.FirstInvalidLine(bytes), TextEncodingCheck.NotUtf8);
            }
            var text = Encoding.UTF8.GetString(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
            return TurtleParser.Parse(text);
        });

    public static IEnumerable<SourceItem> ReadRdfXml(string path, string? language) =>
        Read(path, language, stream =>
        {
            if (stream.Length == 0)
            {
                throw new RdfSyntaxException(1, "The file is empty.");
            }
            return RdfXmlParser.Parse(stream);
        });

    private static List<SourceItem> Read(string path, string? language, Func<Stream, List<RdfTriple>> parse)
    {
        var file = Path.GetFileName(path);
        List<RdfTriple> triples;
        try
        {
            using var stream = File.OpenRead(path);
            triples = parse(stream);
        }
        catch (RdfSyntaxException error)
        {
            return [new SourceItem(file, error.Line, null, error.Reason)];
        }
        return FromStatements(file, triples, language);
    }

    internal static List<SourceItem> FromStatements(string file, List<RdfTriple> triples, string? onlyLanguage)
    {
        var language = onlyLanguage ?? Languages.Default;
        var graph = new SkosGraph(triples);
        var concepts = graph.SubjectsOfType(Vocabulary.Concept);
        var slugs = concepts.ToDictionary(concept => concept, concept => SlugOf(concept) ?? Slug.FromTitle(graph.Label(concept, Vocabulary.PrefLabel, language) ?? ""));
        var items = new List<SourceItem>();
        var categoriesOf = new Dictionary<RdfNode, List<string>>();
        foreach (var collection in graph.SubjectsOfType(Vocabulary.Collection))
        {
            var name = graph.Label(collection, Vocabulary.PrefLabel, language) ?? graph.AnyLiteral(collection, Vocabulary.PrefLabel) ?? "";
            var slug = SlugOf(collection) ?? Slug.FromTitle(name);
            var description = graph.Label(collection, Vocabulary.Definition, language) ?? graph.Label(collection, Vocabulary.Description, language);
            var translations = TranslationLanguages(graph, collection)
                .Select(other => (Language: other, Name: graph.LabelsIn(collection, Vocabulary.PrefLabel, other).First()))
                .Select(named => new CategoryNameRecord(named.Language, Slug.FromTitle(named.Name), named.Name, graph.LabelsIn(collection, Vocabulary.Definition, named.Language).FirstOrDefault()))
                .ToList();
            items.Add(new SourceItem(file, graph.LineOf(collection), null, Category: new CategoryRecord(slug, name, description, translations.Count == 0 ? null : translations)));
            foreach (var member in graph.Objects(collection, Vocabulary.Member))
            {
                (categoriesOf.TryGetValue(member, out var list) ? list : categoriesOf[member] = []).Add(slug);
            }
        }
        foreach (var concept in concepts)
        {
            var categories = categoriesOf.GetValueOrDefault(concept) ?? [];
            var translations = onlyLanguage is null ? TranslationLanguages(graph, concept) : [];
            var hasEnglish = graph.Label(concept, Vocabulary.PrefLabel, language) is not null;
            if (hasEnglish || translations.Count == 0)
            {
                items.Add(TermOf(file, graph, concept, language, slugs, categories));
            }
            foreach (var other in translations)
            {
                items.Add(TranslationOf(file, graph, concept, other, hasEnglish ? slugs[concept] : OriginalOf(graph, concept), categories));
            }
        }
        return items;
    }

    /// <summary>The original a translation's own concept names (<c>cg:translationOf</c>), by slug; null for none.</summary>
    private static string? OriginalOf(SkosGraph graph, RdfNode concept) =>
        graph.Objects(concept, Vocabulary.TranslationOf).Select(SlugOf).FirstOrDefault(slug => slug is not null);

    /// <summary>The languages other than English a concept has a prefLabel in, as plain codes ("es-US" is "es").</summary>
    private static List<string> TranslationLanguages(SkosGraph graph, RdfNode concept) =>
        [.. graph.LanguagesOf(concept, Vocabulary.PrefLabel)
            .Select(tag => tag.Split('-')[0].ToLowerInvariant())
            .Where(code => code != Languages.Default)
            .Distinct()];

    /// <summary>
    /// A concept in another language: only what is tagged with it (an untagged text is the
    /// English one), its slug from its title there, related terms that are in that language too.
    /// </summary>
    private static SourceItem TranslationOf(
        string file, SkosGraph graph, RdfNode concept, string language, string? original, List<string> categories)
    {
        string? SlugIn(RdfNode node) => graph.LabelsIn(node, Vocabulary.PrefLabel, language).FirstOrDefault() is { } title ? Slug.FromTitle(title) : null;
        var hasOwnConcept = graph.Label(concept, Vocabulary.PrefLabel, Languages.Default) is null;
        string? Text(RdfIri predicate) => graph.LabelsIn(concept, predicate, language).FirstOrDefault();
        var record = Record(graph, concept, Text, predicate => graph.LabelsIn(concept, predicate, language), categories) with
        {
            // Its own concept (as this site exports translations) has its slug; a label on the original's is made one.
            Slug = hasOwnConcept ? SlugOf(concept) ?? SlugIn(concept) : SlugIn(concept),
            Language = language,
            TranslationOf = original,
            Related = [.. graph.Objects(concept, Vocabulary.Related).Select(SlugIn).OfType<string>()],
            // A label alone (many vocabularies translate only the names) is not a term to read.
            EmptyInSource = Text(Vocabulary.Definition) is null,
        };
        return new SourceItem(file, graph.LineOf(concept), record);
    }

    private static SourceItem TermOf(
        string file, SkosGraph graph, RdfNode concept, string language, Dictionary<RdfNode, string> slugs, List<string> categories)
    {
        var line = graph.LineOf(concept);
        var title = graph.Label(concept, Vocabulary.PrefLabel, language);
        if (title is null && graph.LanguagesOf(concept, Vocabulary.PrefLabel).FirstOrDefault() is { } other)
        {
            return new SourceItem(file, line, new TermRecord { Title = graph.AnyLiteral(concept, Vocabulary.PrefLabel)!, Language = other, Definition = "" });
        }
        if (graph.HasTwoInOneTag(concept, Vocabulary.PrefLabel))
        {
            return new SourceItem(file, line, null, $"{concept} has two skos:prefLabels with one language tag; SKOS allows one per tag.");
        }
        var record = Record(graph, concept, predicate => graph.Label(concept, predicate, language), predicate => graph.Labels(concept, predicate, language), categories) with
        {
            Slug = slugs[concept],
            Language = language,
            TranslationOf = language == Languages.Default ? null : OriginalOf(graph, concept),
            Related = [.. graph.Objects(concept, Vocabulary.Related)
                .Select(related => slugs.TryGetValue(related, out var slug) ? slug : SlugOf(related))
                .OfType<string>()],
        };
        return new SourceItem(file, line, record);
    }

    /// <summary>A concept's texts in one language, read by <paramref name="text"/> (one) and <paramref name="texts"/> (all).</summary>
    private static TermRecord Record(
        SkosGraph graph, RdfNode concept, Func<RdfIri, string?> text, Func<RdfIri, List<string>> texts, List<string> categories) => new()
    {
        Title = text(Vocabulary.PrefLabel) ?? "",
        Status = graph.AnyLiteral(concept, Vocabulary.Status),
        Definition = text(Vocabulary.Definition) ?? "",
        Examples = texts(Vocabulary.Example),
        Misuse = text(Vocabulary.Misuse),
        Benefits = text(Vocabulary.Benefits),
        Conclusion = text(Vocabulary.Conclusion),
        Aliases = texts(Vocabulary.AltLabel),
        Categories = categories,
        AutoLink = graph.AnyLiteral(concept, Vocabulary.AutoLink) is not ("false" or "0"),
        Modified = DateOf(graph.AnyLiteral(concept, Vocabulary.Modified)),
        Sources = [.. graph.Objects(concept, Vocabulary.Source).Select(source => SourceOf(graph, source))],
        EditorNote = text(Vocabulary.EditorialNote),
    };

    private static TermSource SourceOf(SkosGraph graph, RdfNode source) => source switch
    {
        RdfIri iri => new TermSource { Title = iri.Value, Address = iri.Value },
        RdfLiteral literal => new TermSource { Title = literal.Value },
        _ => new TermSource
        {
            Title = graph.AnyLiteral(source, Vocabulary.Title) ?? "",
            Address = graph.Objects(source, Vocabulary.Url).FirstOrDefault() switch
            {
                RdfIri iri => iri.Value,
                RdfLiteral literal => literal.Value,
                _ => null,
            },
            Publisher = graph.AnyLiteral(source, Vocabulary.Publisher),
            Accessed = DateOf(graph.AnyLiteral(source, Vocabulary.Accessed)),
            // Another vocabulary's kinds mean nothing here, so a kind not ours is left unsaid.
            Kind = graph.AnyLiteral(source, Vocabulary.SourceKind) is { } kind ? SourceKinds.Parse(kind) : null,
            Citation = graph.AnyLiteral(source, Vocabulary.Citation),
            Published = DateOf(graph.AnyLiteral(source, Vocabulary.Issued)),
            Supports = graph.AnyLiteral(source, Vocabulary.Supports),
        },
    };

    private static DateOnly? DateOf(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>The last part of an IRI ("…/glossary/copay" or "…#copay") when it is a valid slug.</summary>
    private static string? SlugOf(RdfNode node)
    {
        if (node is not RdfIri iri)
        {
            return null;
        }
        var value = iri.Value.TrimEnd('/');
        var last = value[(value.LastIndexOfAny(['/', '#', ':']) + 1)..];
        var slug = Uri.UnescapeDataString(last);
        return Slug.IsValid(slug) ? slug : null;
    }
}
