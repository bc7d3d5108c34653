using CommerceGuard.Data;
using CommerceGuard.Features.Caching;

namespace CommerceGuard.Features.Search;

/// <summary>
/// What a search answers (the results page, the API's search and suggestions) may be kept by the
/// page cache until a term of the language changes, but only when the index held every change
/// this server knew of as the search began: an answer from an index still catching up is sent
/// and not kept.
/// </summary>
public sealed class CachedSearches(SearchIndex index, TermChanges changes)
{
    public async Task<T> AnswerAsync<T>(HttpContext http, string language, Func<Task<T>> search)
    {
        // Read before searching: the index says it reached a change only once its searchers show it.
        var (known, indexed, ready) = (changes.Version, index.Sequence, index.IsReady);
        var answer = await search();
        if (!ready || indexed < known)
        {
            PageCache.MarkUnfit(http);
        }
        PageTags.Add(http, PageTags.Lists(language));
        return answer;
    }
}
