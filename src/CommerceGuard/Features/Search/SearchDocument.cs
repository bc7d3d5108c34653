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
        var body = string.Join(' ', term.Examples.Append(term.Misuse).Append(term.Benefits).Append(term.Conclusion)
            .Select(markdown.PlainText));
        var aliases = string.Join(" | ", term.Aliases);
        var document = new Document
        {
            new StringField(SearchFields.Key, Key(term.Language, term.Slug), Field.Store.YES),
            new StringField(SearchFields.Slug, term.Slug, Field.Store.YES),
            new StringField(SearchFields.Language, term.Language, Field.Store.NO),
            new StringField(SearchFields.Status, term.Status.ToString().ToLowerInvariant(), Field.Store.NO),
            new TextField(SearchFields.Title, term.Title, Field.Store.YES),
            new TextField(SearchFields.TitlePlain, term.Title, Field.Store.NO),
            new TextField(SearchFields.TitlePrefixes, string.Join(' ', term.Aliases.Prepend(term.Title)), Field.Store.NO),
            new TextField(SearchFields.Aliases, aliases, Field.Store.NO),
            new TextField(SearchFields.AliasesPlain, aliases, Field.Store.NO),
            new TextField(SearchFields.Definition, definition, Field.Store.YES),
            new TextField(SearchFields.Body, body, Field.Store.NO),
            new StoredField(SearchFields.Categories, string.Join(", ", term.Categories.OrderBy(c => c.DisplayOrder).Select(c => c.Name))),
        };
        foreach (var name in term.Aliases.Prepend(term.Title))
        {
            document.Add(new StringField(SearchFields.Exact, ExactKey(name), Field.Store.NO));
        }
        return document;
    }
}
