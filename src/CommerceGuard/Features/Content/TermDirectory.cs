using System.Collections.Concurrent;
using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Content;

/// <summary>
/// Keeps each language's <see cref="TermLinks"/> and rebuilds it only when
/// <see cref="TermChanges"/> says a term changed, never per request.
/// </summary>
public sealed class TermDirectory(IServiceScopeFactory scopes, TermChanges changes, MarkdownRenderer markdown) : IDisposable
{
    private readonly ConcurrentDictionary<string, TermLinks> current = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim rebuilding = new(1, 1);

    public async ValueTask<TermLinks> LinksAsync(string language, CancellationToken cancellationToken = default)
    {
        var version = changes.Version;
        if (current.TryGetValue(language, out var links) && links.Version == version)
        {
            return links;
        }
        await rebuilding.WaitAsync(cancellationToken);
        try
        {
            // Another request may have rebuilt it while this one waited.
            if (current.TryGetValue(language, out links) && links.Version == version)
            {
                return links;
            }
            links = new TermLinks(await LoadAsync(language, cancellationToken), version);
            current[language] = links;
            return links;
        }
        finally
        {
            rebuilding.Release();
        }
    }

    private async Task<List<LinkTarget>> LoadAsync(string language, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        var terms = await db.Published(language)
            .OrderBy(term => term.Id)
            .Select(term => new { term.Slug, term.Title, term.Aliases, term.Definition, term.AutoLink })
            .ToListAsync(cancellationToken);
        return [.. terms.Select(term => new LinkTarget(
            term.Slug, term.Title, markdown.Summary(term.Definition), [term.Title, .. term.Aliases], term.AutoLink))];
    }

    public void Dispose() => rebuilding.Dispose();
}
