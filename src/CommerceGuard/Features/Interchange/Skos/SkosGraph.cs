namespace CommerceGuard.Features.Interchange.Skos;

/// <summary>Statements grouped by subject, in the order the file gave them, with the questions a SKOS reader asks of them.</summary>
internal sealed class SkosGraph
{
    private readonly Dictionary<RdfNode, List<RdfTriple>> bySubject = [];
    private readonly List<RdfNode> subjects = [];

    public SkosGraph(IEnumerable<RdfTriple> triples)
    {
        foreach (var triple in triples)
        {
            if (!bySubject.TryGetValue(triple.Subject, out var list))
            {
                bySubject[triple.Subject] = list = [];
                subjects.Add(triple.Subject);
            }
            list.Add(triple);
        }
    }

    public List<RdfNode> SubjectsOfType(RdfIri type) =>
        [.. subjects.Where(subject => Objects(subject, Vocabulary.Type).Contains(type))];

    public IEnumerable<RdfNode> Objects(RdfNode subject, RdfIri predicate) =>
        bySubject.TryGetValue(subject, out var list) ? list.Where(triple => triple.Predicate == predicate).Select(triple => triple.Value) : [];

    /// <summary>The texts in the language and those with no language at all, in the file's order.</summary>
    public List<string> Labels(RdfNode subject, RdfIri predicate, string language) =>
        [.. Objects(subject, predicate).OfType<RdfLiteral>()
            .Where(literal => literal.Language is null || InLanguage(literal.Language, language))
            .Select(literal => literal.Value)];

    /// <summary>The texts tagged with the language.</summary>
    public List<string> LabelsIn(RdfNode subject, RdfIri predicate, string language) =>
        [.. Objects(subject, predicate).OfType<RdfLiteral>()
            .Where(literal => literal.Language is { } tag && InLanguage(tag, language))
            .Select(literal => literal.Value)];

    /// <summary>The text in the language, or else the one with no language.</summary>
    public string? Label(RdfNode subject, RdfIri predicate, string language) =>
        LabelsIn(subject, predicate, language).FirstOrDefault()
        ?? Objects(subject, predicate).OfType<RdfLiteral>().FirstOrDefault(literal => literal.Language is null)?.Value;

    public string? AnyLiteral(RdfNode subject, RdfIri predicate) =>
        Objects(subject, predicate).OfType<RdfLiteral>().FirstOrDefault()?.Value;

    /// <summary>Whether some language tag (exactly as written) has more than one text.</summary>
    public bool HasTwoInOneTag(RdfNode subject, RdfIri predicate) =>
        Objects(subject, predicate).OfType<RdfLiteral>().GroupBy(literal => literal.Language?.ToLowerInvariant()).Any(group => group.Count() > 1);

    public IEnumerable<string> LanguagesOf(RdfNode subject, RdfIri predicate) =>
        Objects(subject, predicate).OfType<RdfLiteral>().Select(literal => literal.Language).OfType<string>().Distinct();

    /// <summary>The line where the file first says something about the subject.</summary>
    public int LineOf(RdfNode subject) => bySubject.TryGetValue(subject, out var list) ? list.Min(triple => triple.Line) : 0;

    /// <summary>"en" matches "en" and "en-us"; the imported language is a plain code.</summary>
    private static bool InLanguage(string tag, string language) =>
        tag.Equals(language, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase);
}
