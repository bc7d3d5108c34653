using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Glossary.Reviews;
using CommerceGuard.Tests.Admin;
using CommerceGuard.Tests.Glossary.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Glossary.Reviews;

/// <summary>
/// When terms fall due for review, on a clock the tests move: their category's interval (the
/// shortest of several, or the site's default) after their last review, or after they were
/// first published; the queue holds the overdue and those due within 30 days, longest overdue first.
/// </summary>
public sealed class ReviewScheduleTests : IDisposable
{
    private readonly ShiftedClock clock = new(TimeSpan.Zero);
    private readonly GlossaryApp app;

    public ReviewScheduleTests() => app = new GlossaryApp().WithServices(services => services.AddSingleton<TimeProvider>(clock));

    public void Dispose() => app.Dispose();

    private async Task<List<ReviewDue>> QueueAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewSchedule>().QueueAsync();
    }

    private async Task ReviewNowAsync(string slug)
    {
        var id = await app.IdOfAsync(slug);
        await using var scope = app.Services.CreateAsyncScope();
        var version = await app.WithDbAsync(db => db.Terms.Where(term => term.Id == id).Select(term => term.Version).SingleAsync());
        var outcome = await scope.ServiceProvider.GetRequiredService<TermEditor>()
            .ReviewAsync(id, version, new ReviewInput("Dana", "Lawyer.", null), VersionEditing.Editor);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Problems.Values));
    }

    private async Task SetIntervalAsync(string category, int? months)
    {
        var id = await app.WithDbAsync(db => db.Categories.Where(row => row.Slug == category).Select(row => row.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CategoryEditor>()
            .SetReviewIntervalAsync(id, months?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(outcome.Succeeded);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_term_never_reviewed_is_due_its_interval_after_it_was_first_published()
    {
        var first = await app.WithDbAsync(db => db.TermVersions.Where(version => version.Number == 1 && db.Terms.Any(term => term.Id == version.TermId && term.Slug == "hipaa"))
            .Select(version => version.PublishedAt).SingleAsync());

        var hipaa = (await QueueAsync()).Single(term => term.Slug == "hipaa");

        Assert.Equal(first.AddMonths(12), hipaa.DueAt);
        Assert.Null(hipaa.ReviewedAt);
    }

    [Fact]
    public async Task The_queue_holds_the_overdue_and_the_due_within_thirty_days_longest_overdue_first()
    {
        await SetIntervalAsync("privacy", 2);
        await ReviewNowAsync("data-broker");
        await ReviewNowAsync("minimum-wage");

        clock.Shift = TimeSpan.FromDays(45);
        var soon = await QueueAsync();
        var soonNow = Now;
        clock.Shift = TimeSpan.FromDays(70);
        var later = await QueueAsync();

        // Reviewed 45 days ago, due every two months: due within 30 days, after every term overdue.
        var broker = soon.Single(term => term.Slug == "data-broker");
        Assert.False(broker.IsOverdue(soonNow));
        Assert.True(broker.DueAt <= soonNow.AddDays(30));
        Assert.Equal(2, broker.Months);
        Assert.Equal(soon.OrderBy(term => term.DueAt).Select(term => term.TermId), soon.Select(term => term.TermId));
        Assert.DoesNotContain(soon, term => term.Slug == "minimum-wage");
        Assert.True(later.Single(term => term.Slug == "data-broker").IsOverdue(Now));
        Assert.DoesNotContain(later, term => term.Slug == "minimum-wage");
    }

    [Fact]
    public async Task A_term_in_several_categories_is_reviewed_as_often_as_the_strictest_asks()
    {
        // HIPAA is in healthcare and privacy.
        await SetIntervalAsync("healthcare", 6);
        await SetIntervalAsync("privacy", 3);
        await ReviewNowAsync("hipaa");

        clock.Shift = TimeSpan.FromDays(80);

        var hipaa = (await QueueAsync()).Single(term => term.Slug == "hipaa");
        Assert.Equal(3, hipaa.Months);
        Assert.Equal(hipaa.ReviewedAt!.Value.AddMonths(3), hipaa.DueAt);
    }

    [Fact]
    public async Task A_category_without_an_interval_asks_for_the_default_which_counts_among_the_shortest()
    {
        // HIPAA is in healthcare and privacy; privacy sets none, so its 12-month default beats healthcare's 24.
        await SetIntervalAsync("healthcare", 24);
        await ReviewNowAsync("hipaa");

        clock.Shift = TimeSpan.FromDays(350);

        Assert.Equal(12, (await QueueAsync()).Single(term => term.Slug == "hipaa").Months);
    }

    [Fact]
    public async Task A_review_takes_a_term_out_of_the_queue_and_the_front_page_counts_what_is_left()
    {
        var before = await QueueAsync();
        await ReviewNowAsync(before[0].Slug);
        var after = await QueueAsync();

        Assert.Equal(before.Count - 1, after.Count);
        Assert.DoesNotContain(after, term => term.TermId == before[0].TermId);
        var desk = await app.SignedInAsync(Roles.Editor);
        var front = await desk.GetPageAsync("/admin");
        Assert.Equal($"{after.Count} due, {after.Count(term => term.IsOverdue(Now))} of them overdue", front.QuerySelector(".review-count")!.Text());
        var queue = await desk.GetPageAsync("/admin/reviews");
        Assert.Equal(after.Select(term => term.Title), queue.QuerySelectorAll(".review-queue tbody th a").Select(link => link.Text()));
    }

    [Fact]
    public async Task A_review_interval_that_is_not_a_number_of_months_is_refused()
    {
        var id = await app.WithDbAsync(db => db.Categories.Select(row => row.Id).FirstAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<CategoryEditor>();

        Assert.Contains("not a number of months from 1 to 120", (await editor.SetReviewIntervalAsync(id, "0")).Problems[CategoryEditor.ReviewMonthsField], StringComparison.Ordinal);
        Assert.False((await editor.SetReviewIntervalAsync(id, "twelve")).Succeeded);
        Assert.True((await editor.SetReviewIntervalAsync(id, " 18 ")).Succeeded);
        Assert.Equal(18, await app.WithDbAsync(db => db.Categories.Where(row => row.Id == id).Select(row => row.ReviewMonths).SingleAsync()));
    }
}
