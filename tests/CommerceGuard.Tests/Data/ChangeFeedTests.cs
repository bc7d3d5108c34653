using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Data;

/// <summary>The change feed: every term save is recorded, and every server follows it.</summary>
public sealed class ChangeFeedTests : IDisposable
{
    private readonly GlossaryApp app = new();

    [Fact]
    public async Task Saving_a_term_writes_a_feed_entry_and_moves_this_servers_version()
    {
        app.Browser();
        var changes = app.Services.GetRequiredService<TermChanges>();
        var before = changes.Version;

        await app.AddTermAsync("feed-term", "Feed Term");

        var entry = await app.WithDbAsync(db => db.TermChanges.OrderByDescending(c => c.Sequence).FirstAsync());
        Assert.Equal("feed-term", entry.Slug);
        Assert.False(entry.Deleted);
        Assert.Equal(entry.Sequence, changes.Version);
        Assert.True(changes.Version > before);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_change_saved_inside_a_transaction_is_announced_when_it_commits_and_never_if_it_does_not(bool commit)
    {
        app.Browser();
        var changes = app.Services.GetRequiredService<TermChanges>();
        var before = changes.Version;

        var duringTransaction = await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Terms.Add(new CommerceGuard.Features.Glossary.Term { Slug = "in-a-transaction", Title = "In a Transaction", Definition = "Saved before the commit." });
            await db.SaveChangesAsync();
            var seen = changes.Version;
            await (commit ? transaction.CommitAsync() : transaction.RollbackAsync());
            return seen;
        });

        Assert.Equal(before, duringTransaction);
        Assert.Equal(commit, changes.Version > before);
    }

    [Fact]
    public async Task Deleting_a_term_is_in_the_feed_too()
    {
        await app.AddTermAsync("short-lived", "Short Lived");

        await app.WithDbAsync(async db =>
        {
            db.Terms.Remove(await db.Terms.SingleAsync(t => t.Slug == "short-lived"));
            await db.SaveChangesAsync();
        });

        var last = await app.WithDbAsync(db => db.TermChanges.OrderByDescending(c => c.Sequence).FirstAsync());
        Assert.Equal(("short-lived", true), (last.Slug, last.Deleted));
    }

    [Fact]
    public async Task Moving_a_term_into_another_category_is_in_the_feed_though_its_own_row_is_untouched()
    {
        await app.AddTermAsync("moved-about", "Moved About");
        var before = await app.WithDbAsync(db => db.TermChanges.MaxAsync(c => c.Sequence));

        await app.WithDbAsync(async db =>
        {
            var term = await db.Terms.Include(t => t.Categories).SingleAsync(t => t.Slug == "moved-about");
            term.Categories.Add(await db.Categories.SingleAsync(c => c.Slug == "privacy"));
            await db.SaveChangesAsync();
        });

        var last = await app.WithDbAsync(db => db.TermChanges.OrderByDescending(c => c.Sequence).FirstAsync());
        Assert.True(last.Sequence > before);
        Assert.Equal(("moved-about", false), (last.Slug, last.Deleted));
    }

    [Fact]
    public async Task A_change_to_a_terms_names_or_publication_says_it_relinks_and_a_change_to_its_text_or_a_drafts_does_not()
    {
        await app.AddTermAsync("draft-only", "Draft Only", term => term.Status = CommerceGuard.Features.Glossary.TermStatus.Draft);
        var draft = await LastChangeAsync();
        await app.AddTermAsync("relinker", "Relinker");
        var added = await LastChangeAsync();

        await EditAsync(term => term.Definition = "Only the text changes.");
        var textOnly = await LastChangeAsync();
        await EditAsync(term => term.Aliases = ["Relinking Term"]);
        var renamed = await LastChangeAsync();
        await EditAsync(term => term.Status = CommerceGuard.Features.Glossary.TermStatus.Unpublished);
        var unpublished = await LastChangeAsync();

        Assert.Equal([false, true, false, true, true], [draft.Relinks, added.Relinks, textOnly.Relinks, renamed.Relinks, unpublished.Relinks]);

        Task EditAsync(Action<CommerceGuard.Features.Glossary.Term> edit) => app.WithDbAsync(async db =>
        {
            edit(await db.Terms.SingleAsync(t => t.Slug == "relinker"));
            await db.SaveChangesAsync();
        });
        Task<TermChange> LastChangeAsync() => app.WithDbAsync(db => db.TermChanges.OrderByDescending(c => c.Sequence).FirstAsync());
    }

    [Fact]
    public async Task A_change_saved_by_another_server_reaches_this_one_within_a_second()
    {
        app.Browser();
        using var otherServer = app.AnotherServer();
        otherServer.Browser();

        await otherServer.AddTermAsync("from-elsewhere", "From Elsewhere");
        var sequence = await otherServer.WithDbAsync(db => db.TermChanges.MaxAsync(c => c.Sequence));

        var changes = app.Services.GetRequiredService<TermChanges>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (changes.Version < sequence && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }
        Assert.Equal(sequence, changes.Version);
        var page = await app.Browser().GetPageAsync("/glossary/from-elsewhere");
        Assert.Equal("From Elsewhere", page.QuerySelector("h1")!.Text());
    }

    public void Dispose() => app.Dispose();
}
