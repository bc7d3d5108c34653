using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Content;

/// <summary>Each language's <see cref="TermLinks"/>, rebuilt only when a term changed (see <see cref="GlossarySnapshots{T}"/>).</summary>
public sealed class TermDirectory(
    IServiceScopeFactory scopes,
    TermChanges changes,
    MarkdownRenderer markdown,
    IHttpContextAccessor requests,
    ILogger<TermDirectory> logger) : GlossarySnapshots<TermLinks>(changes, requests, logger)
{
    public ValueTask<TermLinks> LinksAsync(string language, CancellationToken cancellationToken = default) =>
        SnapshotAsync(language, cancellationToken);

    protected override async Task<TermLinks> BuildAsync(string language, long version)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlossaryDb>();
        var terms = db.Published(language)
            .OrderBy(term => term.Id)
            .Select(term => new { term.Slug, term.Title, term.Aliases, term.Definition, term.AutoLink })
            .AsAsyncEnumerable();
        // Read a row at a time: only the first sentence of each definition is kept, and holding
        // every definition at once (some 180 MB at 100,000 terms) grew the process for good.
        var targets = new List<LinkTarget>();
        await foreach (var term in terms)
        {
            targets.Add(new LinkTarget(term.Slug, term.Title, markdown.Summary(term.Definition), [term.Title, .. term.Aliases], term.AutoLink, language));
        }
        return new TermLinks(targets, version);
    }
}
