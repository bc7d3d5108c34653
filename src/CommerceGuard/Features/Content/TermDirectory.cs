using System.Collections.Concurrent;
using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Content;

/// <summary>
/// Keeps each language's <see cref="TermLinks"/> and rebuilds it only when
/// <see cref="TermChanges"/> says a term changed, never per request. While a rebuild runs,
/// readers briefly get the previous links rather than waiting on a large glossary's rebuild,
/// and the pages made with them are not cached.
/// </summary>
public sealed partial class TermDirectory(
    IServiceScopeFactory scopes,
    TermChanges changes,
    MarkdownRenderer markdown,
    IHttpContextAccessor requests,
    ILogger<TermDirectory> logger) : IDisposable
{
    /// <summary>How long a request waits for a rebuild before it makes do with the previous links.</summary>
    private static readonly TimeSpan PatienceForRebuild = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, TermLinks> current = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<TermLinks>> rebuilds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim building = new(1, 1);

    public async ValueTask<TermLinks> LinksAsync(string language, CancellationToken cancellationToken = default)
    {
        if (!current.TryGetValue(language, out var links))
        {
            // Nothing to serve yet: this request waits for the first build.
            return Checked(await RebuildAsync(language).WaitAsync(cancellationToken));
        }
        if (links.Version == changes.Version)
        {
            return links;
        }
        // One rebuild at a time per language; a finished one is cleared so the next change starts anew.
        if (rebuilds.TryGetValue(language, out var finishedEarlier) && finishedEarlier.IsCompleted)
        {
            rebuilds.TryRemove(KeyValuePair.Create(language, finishedEarlier));
        }
        var rebuild = rebuilds.GetOrAdd(language, RebuildAsync);
        var first = await Task.WhenAny(rebuild, Task.Delay(PatienceForRebuild, cancellationToken));
        return Checked(first == rebuild && rebuild.IsCompletedSuccessfully ? rebuild.Result : links);
    }

    /// <summary>
    /// Links older than the newest change (the rebuild was slow, or was one begun for an earlier
    /// change) still serve this request, but the page made with them is not cached.
    /// </summary>
    private TermLinks Checked(TermLinks links)
    {
        if (links.Version < changes.Version)
        {
            PageCache.MarkUnfit(requests.HttpContext);
        }
        return links;
    }

    private async Task<TermLinks> RebuildAsync(string language)
    {
        await building.WaitAsync();
        try
        {
            // Read the version under the lock, so a slow request never replaces newer links with older.
            var version = changes.Version;
            if (current.TryGetValue(language, out var links) && links.Version >= version)
            {
                return links;
            }
            links = new TermLinks(await LoadAsync(language), version);
            current[language] = links;
            return links;
        }
        catch (Exception error)
        {
            LogRebuildFailed(error, language);
            throw;
        }
        finally
        {
            building.Release();
        }
    }

    private async Task<List<LinkTarget>> LoadAsync(string language)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        var terms = await db.Published(language)
            .OrderBy(term => term.Id)
            .Select(term => new { term.Slug, term.Title, term.Aliases, term.Definition, term.AutoLink })
            .ToListAsync();
        return [.. terms.Select(term => new LinkTarget(
            term.Slug, term.Title, markdown.Summary(term.Definition), [term.Title, .. term.Aliases], term.AutoLink, language))];
    }

    public void Dispose() => building.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the term links of language {Language} failed")]
    private partial void LogRebuildFailed(Exception error, string language);
}
