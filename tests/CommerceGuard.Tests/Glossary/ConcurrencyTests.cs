using System.Net;
using CommerceGuard.Features.Feedback;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Glossary;

/// <summary>
/// Many people at once on one term: every vote is counted exactly once, and of ten saves made
/// from the same version one wins and nine are told someone saved first; nothing is lost and
/// nothing waits on a lock for ever.
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Fifty_readers_voting_at_once_are_fifty_votes()
    {
        using var app = new GlossaryApp().With("RateLimits:PublicWrites:PermitsPerWindow", "1000");
        var readers = Enumerable.Range(0, 50).Select(_ => app.Browser()).ToList();

        var answers = await Task.WhenAll(readers.Select((reader, i) =>
            reader.PostAsync(new Uri(FeedbackUrls.Vote("premium"), UriKind.Relative),
                new FormUrlEncodedContent([new("helpful", i % 5 == 0 ? "no" : "yes")]))))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode));
        var votes = await app.WithDbAsync(db => db.Votes.Where(vote => db.Terms.Any(term => term.Id == vote.TermId && term.Slug == "premium"))
            .GroupBy(vote => vote.Helpful).Select(group => new { Helpful = group.Key, Count = group.Count() }).ToListAsync());
        Assert.Equal(40, votes.Single(group => group.Helpful).Count);
        Assert.Equal(10, votes.Single(group => !group.Helpful).Count);
    }

    [Fact]
    public async Task Of_ten_saves_from_one_version_one_is_kept_and_nine_are_told_of_it()
    {
        using var app = new GlossaryApp();
        var (id, version) = await app.WithDbAsync(db => db.Terms.Where(term => term.Slug == "coinsurance" && term.Language == Languages.Default)
            .Select(term => new { term.Id, term.Version }).SingleAsync().ContinueWith(found => (found.Result.Id, found.Result.Version)));
        var writer = new StaffMember(null, "writer@example.org", CanPublish: true);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10).Select(async writerNumber =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var editor = scope.ServiceProvider.GetRequiredService<TermEditor>();
            var draft = await editor.LoadAsync(id);
            return await editor.SaveAsync(id, version, draft!.Content with { Definition = $"Written by writer {writerNumber}." }, null, writer, publish: true);
        })).WaitAsync(TimeSpan.FromSeconds(60));

        var kept = Assert.Single(outcomes, outcome => outcome.Succeeded);
        Assert.All(outcomes.Where(outcome => !outcome.Succeeded), outcome => Assert.NotNull(outcome.Conflict));
        var stored = await app.WithDbAsync(db => db.Terms.AsNoTracking().SingleAsync(term => term.Id == id));
        Assert.Equal(version + 1, stored.Version);
        Assert.Equal(kept.Version, stored.Version);
        Assert.Matches("^Written by writer \\d+\\.$", stored.Definition);
        // One revision for the text that was kept (after the starter term's first, written on its first save).
        var revisions = await app.WithDbAsync(db => db.Revisions.Where(revision => revision.TermId == id).Select(revision => revision.Content).ToListAsync());
        Assert.Single(revisions, content => content.Contains("Written by writer", StringComparison.Ordinal));
    }
}
