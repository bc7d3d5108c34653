using CommerceGuard.Features.Content;
using CommerceGuard.Features.Glossary;
using Lucene.Net.Documents;

namespace CommerceGuard.Features.Search;

/// <summary>A term as the search index holds it.</summary>
internal static class SearchDocument
{
    public static string Key(string language, string slug) => $"{language}/{slug}";

    /// <summary>The form of a name an exact match compares: its words, lower-case, without accents.</summary>
    public static string ExactKey(string name) => string.Join(' ', TermTokens.Keys(name));

    public static Document From(Term term, MarkdownRenderer markdown)
    {
        var definition = markdown.PlainText(term.Definition);
        var document = new Document
        {
            new StringField(SearchFields.Key, Key(term.Language, term.Slug), Field.Store.YES),
            new StringField(SearchFields.Slug, term.Slug, Field.Store.YES),
            new StringField(SearchFields.Language, term.Language, Field.Store.NO),
            new StringField(SearchFields.Status, term.Status.ToString().ToLowerInvariant(), Field.Store.NO),
            new TextField(SearchFields.Title, term.Title, Field.Store.YES),
            new TextField(SearchFields.TitlePlain, term.Title, Field.Store.NO),
            new TextField(SearchFields.TitlePrefixes, string.Join(' ', term.Aliases.Prepend(term.Title)), Field.Store.NO),
            new TextField(SearchFields.Definition, definition, Field.Store.YES),
            new StoredField(SearchFields.Categories, string.Join(", ", term.Categories.OrderBy(c => c.DisplayOrder).Select(c => c.LinkIn(term.Language)?.Name).OfType<string>())),
        };
        // One field each, so that a quoted phrase never runs from one alias or section into the next.
        foreach (var section in term.Examples.Append(term.Misuse).Append(term.Benefits).Append(term.Conclusion))
        {
            document.Add(new TextField(SearchFields.Body, markdown.PlainText(section), Field.Store.NO));
        }
        foreach (var alias in term.Aliases)
        {
            document.Add(new TextField(SearchFields.Aliases, alias, Field.Store.NO));
            document.Add(new TextField(SearchFields.AliasesPlain, alias, Field.Store.NO));
        }
        foreach (var name in term.Aliases.Prepend(term.Title))
        {
            document.Add(new StringField(SearchFields.Exact, ExactKey(name), Field.Store.NO));
        }
        return document;
    }
}
