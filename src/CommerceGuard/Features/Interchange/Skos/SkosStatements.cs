using System.Globalization;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Interchange.Skos;

/// <summary>
/// The glossary as SKOS statements, the reverse of <see cref="SkosSource"/>: the glossary a
/// concept scheme at <c>{site}/glossary</c>, each term a concept at its public address, each
/// category a collection at its page's address. Statements come a term at a time, for writers
/// that stream.
/// </summary>
public sealed class SkosStatements(string siteAddress)
{
    private readonly string site = siteAddress.TrimEnd('/');
    private int blanks;

    public RdfIri Scheme => new($"{site}/glossary");

    /// <summary>A term's concept: its page's address.</summary>
    public RdfIri ConceptOf(string slug, string language) => new(site + SiteLanguages.SitePaths.For(language).Term(slug));

    public RdfIri CollectionOf(string slug) => new($"{site}/glossary/category/{slug}");

    public List<RdfTriple> ForScheme(string title) =>
    [
        new(Scheme, Vocabulary.Type, Vocabulary.ConceptScheme),
        new(Scheme, Vocabulary.Title, new RdfLiteral(title, Languages.Default)),
    ];

    public List<RdfTriple> ForCategory(Category category)
    {
        var collection = CollectionOf(category.Slug);
        var triples = new List<RdfTriple>
        {
            new(collection, Vocabulary.Type, Vocabulary.Collection),
            new(collection, Vocabulary.PrefLabel, new RdfLiteral(category.Name, Languages.Default)),
        };
        if (category.Description.Length > 0)
        {
            triples.Add(new(collection, Vocabulary.Definition, new RdfLiteral(category.Description, Languages.Default)));
        }
        // Its names in other languages, as SKOS has them: labels tagged with the language.
        foreach (var translation in category.Translations)
        {
            triples.Add(new(collection, Vocabulary.PrefLabel, new RdfLiteral(translation.Name, translation.Language)));
            if (translation.Description.Length > 0)
            {
                triples.Add(new(collection, Vocabulary.Definition, new RdfLiteral(translation.Description, translation.Language)));
            }
        }
        return triples;
    }

    /// <summary>The term's concept, its sources (blank nodes), and its membership of each of its categories.</summary>
    public List<RdfTriple> ForTerm(TermRecord term)
    {
        var language = term.Language ?? Languages.Default;
        var concept = ConceptOf(term.Slug!, language);
        var triples = new List<RdfTriple>();
        void Add(RdfIri predicate, RdfNode value) => triples.Add(new RdfTriple(concept, predicate, value));
        void Text(RdfIri predicate, string? text)
        {
            if (!string.IsNullOrEmpty(text))
            {
                Add(predicate, new RdfLiteral(text, language));
            }
        }

        Add(Vocabulary.Type, Vocabulary.Concept);
        Add(Vocabulary.InScheme, Scheme);
        Text(Vocabulary.PrefLabel, term.Title);
        term.Aliases.ToList().ForEach(alias => Text(Vocabulary.AltLabel, alias));
        Text(Vocabulary.Definition, term.Definition);
        term.Examples.ToList().ForEach(example => Text(Vocabulary.Example, example));
        Text(Vocabulary.Misuse, term.Misuse);
        Text(Vocabulary.Benefits, term.Benefits);
        Text(Vocabulary.Conclusion, term.Conclusion);
        term.Related.ToList().ForEach(related => Add(Vocabulary.Related, ConceptOf(related, language)));
        Text(Vocabulary.EditorialNote, term.EditorNote);
        if (term.TranslationOf is { } original)
        {
            Add(Vocabulary.TranslationOf, ConceptOf(original, Languages.Default));
        }
        Add(Vocabulary.Status, new RdfLiteral(term.Status ?? "published"));
        Add(Vocabulary.AutoLink, new RdfLiteral(term.AutoLink ? "true" : "false", Datatype: Vocabulary.Xsd + "boolean"));
        if (term.Modified is { } modified)
        {
            Add(Vocabulary.Modified, Date(modified));
        }
        foreach (var source in term.Sources)
        {
            var node = new RdfBlank($"source{++blanks}");
            Add(Vocabulary.Source, node);
            triples.Add(new(node, Vocabulary.Title, new RdfLiteral(source.Title)));
            if (source.Address is { } address)
            {
                triples.Add(new(node, Vocabulary.Url, new RdfLiteral(address, Datatype: Vocabulary.Xsd + "anyURI")));
            }
            if (source.Publisher is { } publisher)
            {
                triples.Add(new(node, Vocabulary.Publisher, new RdfLiteral(publisher)));
            }
            if (source.Accessed is { } accessed)
            {
                triples.Add(new(node, Vocabulary.Accessed, Date(accessed)));
            }
            if (source.Kind is { } kind)
            {
                triples.Add(new(node, Vocabulary.SourceKind, new RdfLiteral(SourceKinds.Of(kind))));
            }
            if (source.Citation is { } citation)
            {
                triples.Add(new(node, Vocabulary.Citation, new RdfLiteral(citation)));
            }
            if (source.Published is { } published)
            {
                triples.Add(new(node, Vocabulary.Issued, Date(published)));
            }
            if (source.Supports is { } section)
            {
                triples.Add(new(node, Vocabulary.Supports, new RdfLiteral(section)));
            }
        }
        triples.AddRange(term.Categories.Select(category => new RdfTriple(CollectionOf(category), Vocabulary.Member, concept)));
        return triples;
    }

    private static RdfLiteral Date(DateOnly date) =>
        new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Datatype: Vocabulary.Xsd + "date");
}
