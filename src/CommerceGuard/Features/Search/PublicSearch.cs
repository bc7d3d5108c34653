using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Search;

/// <summary>What readers may find: published terms of one language.</summary>
internal static class PublicSearch
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> Filters = new(StringComparer.Ordinal);

    /// <summary>
    /// The query, kept to published terms in the language. The restriction is a filter whose
    /// matches are remembered per index segment, so it costs a bit lookup per document rather
    /// than a walk through two lists that hold nearly every document.
    /// </summary>
    public static Query Only(Query match, string language) =>
        new FilteredQuery(match, Filters.GetOrAdd(language, Published));

    private static Filter Published(string language) =>
        new CachingWrapperFilter(new QueryWrapperFilter(new BooleanQuery
        {
            { new TermQuery(new Lucene.Net.Index.Term(SearchFields.Status, "published")), Occur.MUST },
            { new TermQuery(new Lucene.Net.Index.Term(SearchFields.Language, language)), Occur.MUST },
        }));

    private const string LikeEscape = "\\";

    /// <summary>
    /// Titles that start with the text (or contain it, <paramref name="anywhere"/>), ignoring case,
    /// with the text's own % and _ matched as they are: the database's answer while the index is built.
    /// </summary>
    public static IQueryable<Glossary.Term> WithTitleLike(this IQueryable<Glossary.Term> terms, string text, bool anywhere)
    {
        var escaped = text.ToLowerInvariant()
            .Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
        var pattern = (anywhere ? "%" : "") + escaped + "%";
        // ToLower runs in the database as lower(), where no .NET culture applies.
#pragma warning disable CA1304, CA1311
        return terms.Where(term => EF.Functions.Like(term.Title.ToLower(), pattern, LikeEscape));
#pragma warning restore CA1304, CA1311
    }
}
