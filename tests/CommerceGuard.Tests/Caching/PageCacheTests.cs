using System.Net;
using CommerceGuard.Data;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Caching;

/// <summary>
/// Public pages are made once and served from the output cache to every anonymous reader, yet
/// a saved change shows at once. A page that came from the cache carries an <c>Age</c> header.
/// </summary>
public sealed class PageCacheTests : IDisposable
{
    private readonly GlossaryApp app = new();

    [Theory]
    [InlineData("/")]
    [InlineData("/glossary")]
    [InlineData("/glossary/therapeutic-relationship")]
    [InlineData("/about")]
    [InlineData("/feed.atom")]
    [InlineData("/sitemap.xml")]
    public async Task A_public_page_is_made_once_and_then_served_from_the_cache(string url)
    {
        var reader = app.Browser();

        using var first = await reader.GetAsync(new Uri(url, UriKind.Relative));
        using var second = await reader.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_the_cache_turned_off_every_page_is_made_afresh()
    {
        using var uncached = new GlossaryApp().With("PageCache:Enabled", "false");
        var reader = uncached.Browser();

        using var first = await reader.GetAsync(new Uri("/glossary/therapeutic-relationship", UriKind.Relative));
        using var second = await reader.GetAsync(new Uri("/glossary/therapeutic-relationship", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task A_query_string_neither_makes_a_new_entry_nor_gets_past_the_cache()
    {
        var reader = app.Browser();

        using var first = await reader.GetAsync(new Uri("/glossary?utm_source=newsletter", UriKind.Relative));
        using var second = await reader.GetAsync(new Uri("/glossary?nonce=8f3a", UriKind.Relative));

        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task Head_requests_are_answered_from_the_cache_too()
    {
        var reader = app.Browser();
        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri("/about", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Head, new Uri("/about", UriKind.Relative));

        using var first = await reader.SendAsync(head);
        using var second = await reader.SendAsync(again);

        Assert.Equal(System.Net.HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task A_saved_change_to_a_term_is_shown_at_once()
    {
        await app.AddTermAsync("cached-term", "Cached Term");
        var reader = app.Browser();
        await reader.GetPageAsync("/glossary/cached-term");

        await app.WithDbAsync(async db =>
        {
            var term = await db.Terms.SingleAsync(t => t.Slug == "cached-term");
            term.Definition = "A definition written after the page was cached.";
            await db.SaveChangesAsync();
        });

        var page = await reader.GetPageAsync("/glossary/cached-term");
        Assert.Contains("A definition written after the page was cached.", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_new_term_appears_in_the_index_and_is_linked_from_cached_terms_at_once()
    {
        await app.AddTermAsync("mentions", "Mentions", term => term.Definition = "It speaks of a quiet ledger.");
        var reader = app.Browser();
        await reader.GetPageAsync("/glossary");
        await reader.GetPageAsync("/glossary/mentions");

        await app.AddTermAsync("quiet-ledger", "Quiet Ledger");

        var index = await reader.GetPageAsync("/glossary");
        Assert.NotNull(index.QuerySelector("a[href='/glossary/quiet-ledger']"));
        // The links are rebuilt in the background; until then the page is made with the old ones and not kept.
        for (var attempt = 0; (await reader.GetPageAsync("/glossary/mentions")).QuerySelector("a[href='/glossary/quiet-ledger']") is null; attempt++)
        {
            Assert.True(attempt < 50, "the new term was never linked");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_renamed_category_reaches_the_navigation_of_every_cached_page()
    {
        var reader = app.Browser();
        await reader.GetPageAsync("/about");
        var category = await app.WithDbAsync(db => db.Categories.OrderBy(c => c.DisplayOrder).FirstAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<CategoryEditor>();
            var outcome = await editor.UpdateAsync(category.Id, "Renamed While Cached", category.Slug, category.Description);
            Assert.True(outcome.Succeeded);
        }

        var about = await reader.GetPageAsync("/about");
        Assert.Contains("Renamed While Cached", about.QuerySelector("header")!.TextContent);
    }

    [Fact]
    public async Task Signed_in_staff_are_never_served_from_the_cache_nor_fill_it()
    {
        var editor = await app.SignedInAsync("Editor");

        using var first = await editor.GetAsync(new Uri("/glossary", UriKind.Relative));
        using var second = await editor.GetAsync(new Uri("/glossary", UriKind.Relative));
        using var reader = await app.Browser().GetAsync(new Uri("/glossary", UriKind.Relative));

        Assert.Null(second.Headers.Age);
        Assert.Null(reader.Headers.Age);
    }

    [Fact]
    public async Task A_missing_page_is_not_kept()
    {
        var reader = app.Browser();

        using var first = await reader.GetAsync(new Uri("/glossary/not-yet-written", UriKind.Relative));
        using var second = await reader.GetAsync(new Uri("/glossary/not-yet-written", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task An_edit_evicts_its_page_the_pages_that_link_to_it_or_list_it_and_nothing_else()
    {
        await app.AddTermAsync("precise-edit", "Precise Edit");
        await app.AddTermAsync("points-at-it", "Points At It", term => term.Definition = "Read about precise edit first.");
        await app.AddTermAsync("bystander", "Bystander", term => term.Definition = "Nothing to do with the other two.");
        await PutInCategoryAsync("precise-edit", "insurance");
        await PutInCategoryAsync("bystander", "privacy");
        string[] evicted = [
            "/glossary/precise-edit", "/glossary/points-at-it", "/glossary/letter/p", "/glossary/category/insurance", "/glossary", "/",
            "/api/v1/terms/precise-edit", "/api/v1/terms/points-at-it"];
        string[] kept = ["/glossary/bystander", "/glossary/letter/b", "/glossary/category/privacy", "/about", "/api/v1/terms/bystander"];
        await EvictionCaughtUpAsync();
        foreach (var url in evicted.Concat(kept))
        {
            Assert.True(await FromCacheAsync(url) || await FromCacheAsync(url), $"{url} was not cached");
        }

        await app.WithDbAsync(async db =>
        {
            var term = await db.Terms.SingleAsync(t => t.Slug == "precise-edit");
            term.Definition = "A definition that reaches every page showing this term.";
            await db.SaveChangesAsync();
        });
        await EvictionCaughtUpAsync();

        foreach (var url in evicted)
        {
            Assert.False(await FromCacheAsync(url), $"{url} was not evicted");
        }
        foreach (var url in kept)
        {
            Assert.True(await FromCacheAsync(url), $"{url} was evicted, though it shows nothing of the term");
        }
        var linking = await app.Browser().GetPageAsync("/glossary/points-at-it");
        Assert.Equal("A definition that reaches every page showing this term.", linking.QuerySelector("a[href='/glossary/precise-edit']")!.GetAttribute("data-summary"));
    }

    [Fact]
    public async Task A_term_given_a_new_name_is_linked_from_a_cached_page_that_mentions_that_name()
    {
        await app.AddTermAsync("renamed-later", "Renamed Later");
        await app.AddTermAsync("quiet-mention", "Quiet Mention", term => term.Definition = "It speaks of a harbour fee.");
        await EvictionCaughtUpAsync();
        await FromCacheAsync("/glossary/quiet-mention");
        Assert.True(await FromCacheAsync("/glossary/quiet-mention"));

        await app.WithDbAsync(async db =>
        {
            var term = await db.Terms.SingleAsync(t => t.Slug == "renamed-later");
            term.Title = "Harbour Fee";
            await db.SaveChangesAsync();
        });
        await EvictionCaughtUpAsync();

        for (var attempt = 0; (await app.Browser().GetPageAsync("/glossary/quiet-mention")).QuerySelector("a[href='/glossary/renamed-later']") is null; attempt++)
        {
            Assert.True(attempt < 50, "the renamed term was never linked");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Search_results_are_kept_for_each_query_and_find_a_new_term_once_it_is_indexed()
    {
        await app.SearchIndexReadyAsync();
        await EvictionCaughtUpAsync();

        Assert.False(await FromCacheAsync("/search?q=ledger"));
        Assert.True(await FromCacheAsync("/search?q=ledger"));
        Assert.False(await FromCacheAsync("/search?q=ledger&page=2"));

        await app.AddTermAsync("ledger-lag", "Ledger Lag");

        for (var attempt = 0; (await app.Browser().GetPageAsync("/search?q=ledger")).QuerySelector("main a[href='/glossary/ledger-lag']") is null; attempt++)
        {
            Assert.True(attempt < 50, "the new term was never found");
            await Task.Delay(100);
        }
        using var kept = await app.Browser().GetAsync(new Uri("/search?q=ledger", UriKind.Relative));
        Assert.Contains("/glossary/ledger-lag", await kept.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_are_kept_for_each_query_and_offer_a_new_term_once_it_is_indexed()
    {
        await app.SearchIndexReadyAsync();
        await EvictionCaughtUpAsync();

        Assert.False(await FromCacheAsync("/api/v1/search/suggest?q=ledg"));
        Assert.True(await FromCacheAsync("/api/v1/search/suggest?q=ledg"));
        Assert.False(await FromCacheAsync("/api/v1/search/suggest?q=ledge"));

        await app.AddTermAsync("ledger-lag", "Ledger Lag");

        for (var attempt = 0; !(await app.Browser().GetStringAsync(new Uri("/api/v1/search/suggest?q=ledg", UriKind.Relative))).Contains("Ledger Lag", StringComparison.Ordinal); attempt++)
        {
            Assert.True(attempt < 50, "the new term was never suggested");
            await Task.Delay(100);
        }
        Assert.True(await FromCacheAsync("/api/v1/search/suggest?q=ledg"));
    }

    [Fact]
    public async Task An_api_answer_from_the_cache_tells_the_client_where_it_stands_now()
    {
        // The bucket refills in whole steps (BucketShape.Of), and a step falling between the two
        // requests gives back the one the first spent, leaving the standing unchanged. A quota
        // and a window with no common divisor refill in one step of the whole hour.
        using var slowRefill = new GlossaryApp()
            .With("Api:RateLimit:AnonymousPermits", "1001")
            .With("Api:RateLimit:WindowSeconds", "3600");
        await EvictionCaughtUpAsync(slowRefill);
        var client = slowRefill.Browser();

        using var first = await client.GetAsync(new Uri("/api/v1/terms/therapeutic-relationship", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/api/v1/terms/therapeutic-relationship", UriKind.Relative));

        Assert.NotNull(second.Headers.Age);
        Assert.NotEqual(first.Headers.GetValues("RateLimit").Single(), second.Headers.GetValues("RateLimit").Single());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/terms/therapeutic-relationship", UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    /// <summary>Waits for the page cache to evict for every change saved so far, which must take under a second.</summary>
    private Task EvictionCaughtUpAsync() => EvictionCaughtUpAsync(app);

    private static async Task EvictionCaughtUpAsync(GlossaryApp glossary)
    {
        var changes = glossary.Services.GetRequiredService<TermChanges>();
        var eviction = glossary.Services.GetRequiredService<EvictionProgress>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (eviction.EvictedThrough < changes.Version || changes.Version == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(1), $"eviction reached {eviction.EvictedThrough} of {changes.Version} in a second");
            await Task.Delay(20);
        }
    }

    private async Task<bool> FromCacheAsync(string url)
    {
        using var response = await app.Browser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Age is not null;
    }

    private Task PutInCategoryAsync(string slug, string category) =>
        app.WithDbAsync(async db =>
        {
            var term = await db.Terms.Include(t => t.Categories).SingleAsync(t => t.Slug == slug);
            term.Categories.Add(await db.Categories.SingleAsync(c => c.Slug == category));
            await db.SaveChangesAsync();
        });

    public void Dispose() => app.Dispose();
}
