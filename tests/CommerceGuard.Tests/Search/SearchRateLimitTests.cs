using System.Net;

namespace CommerceGuard.Tests.Search;

/// <summary>Each search is work for the index, so one client may only ask so many in a window.</summary>
public sealed class SearchRateLimitTests : IDisposable
{
    private readonly GlossaryApp app = new GlossaryApp()
        .With("RateLimits:Searches:PermitsPerWindow", "3")
        .With("RateLimits:Searches:WindowSeconds", "3600");

    [Fact]
    public async Task Searches_beyond_the_quota_are_answered_429_with_a_retry_time_and_a_page_that_says_so()
    {
        var browser = app.Browser();
        foreach (var query in new[] { "premium", "deductible", "claim" })
        {
            using var answered = await browser.GetAsync(new Uri($"/search?q={query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        using var refused = await browser.GetAsync(new Uri("/es/buscar?q=prima", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await Pages.ParseAsync(refused);
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task Term_pages_do_not_count_against_the_search_quota()
    {
        var browser = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            await browser.GetPageAsync("/glossary/premium");
        }
        using var search = await browser.GetAsync(new Uri("/search?q=premium", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    public void Dispose() => app.Dispose();
}
