using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Search;

public sealed class SearchTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private async Task<List<string>> ResultsAsync(string query)
    {
        await IndexReadyAsync();
        var page = await app.Browser().GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");
        return [.. page.QuerySelectorAll(".search-results h2 a").Select(a => a.GetAttribute("href")!.Replace("/glossary/", "", StringComparison.Ordinal))];
    }

    private Task<SearchIndex> IndexReadyAsync() => app.SearchIndexReadyAsync();

    /// <summary>Waits until a search shows what the index should by now hold.</summary>
    private async Task<List<string>> EventuallyAsync(string query, Func<List<string>, bool> expected)
    {
        var results = await ResultsAsync(query);
        for (var attempt = 0; attempt < 40 && !expected(results); attempt++)
        {
            await Task.Delay(100);
            results = await ResultsAsync(query);
        }
        return results;
    }

    [Theory]
    [InlineData("Premium", "premium")]
    [InlineData("junk fee", "junk-fee")]
    [InlineData("EOB", "explanation-of-benefits")]
    [InlineData("non-compete agreement", "non-compete-agreement")]
    public async Task An_exact_title_or_alias_comes_first(string query, string slug) =>
        Assert.Equal(slug, (await ResultsAsync(query))[0]);

    [Theory]
    [InlineData("insurence", "insurance-bad-faith")]
    [InlineData("arbitraton", "forced-arbitration")]
    [InlineData("non compete", "non-compete-agreement")]
    [InlineData("deductable", "deductible")]
    [InlineData("doctr", "doctor")]
    public async Task Typos_are_forgiven(string query, string slug) =>
        Assert.Contains(slug, (await ResultsAsync(query)).Take(3));

    [Fact]
    public async Task A_title_word_ranks_above_a_mention_in_the_text() =>
        Assert.Equal("premium", (await ResultsAsync("premiums"))[0]);

    [Fact]
    public async Task Title_words_rank_above_aliases_above_the_definition_above_the_other_sections()
    {
        await app.AddTermAsync("in-the-text", "Pennant Charge", term => term.Conclusion = "Some call it a vexillum.");
        await app.AddTermAsync("in-the-definition", "Flag Fee", term => term.Definition = "A fee some call the vexillum.");
        await app.AddTermAsync("in-an-alias", "Banner Clause", term => term.Aliases = ["Vexillum Clause"]);
        await app.AddTermAsync("in-the-title", "Vexillum Rule");

        var results = await EventuallyAsync("vexillum", found => found.Count == 4);

        Assert.Equal(["in-the-title", "in-an-alias", "in-the-definition", "in-the-text"], results);
    }

    [Theory]
    [InlineData("PREMIUMS")]
    [InlineData("prémium")]
    [InlineData("Premium's")]
    public async Task Case_accents_plurals_and_possessives_do_not_matter(string query) =>
        Assert.Equal("premium", (await ResultsAsync(query))[0]);

    [Fact]
    public async Task A_quoted_phrase_matches_only_as_a_phrase()
    {
        var phrase = await ResultsAsync("\"junk fee\"");
        var words = await ResultsAsync("fee junk");

        Assert.Equal("junk-fee", phrase[0]);
        Assert.True(words.Count >= phrase.Count);
    }

    [Fact]
    public async Task Drafts_are_never_found()
    {
        await app.AddTermAsync("secret-draft-zebra", "Secret Draft Zebra", term => term.Status = TermStatus.Draft);
        await app.AddTermAsync("public-zebra", "Public Zebra");

        var results = await EventuallyAsync("zebra", found => found.Contains("public-zebra"));

        Assert.Equal(["public-zebra"], results);
    }

    [Fact]
    public async Task A_word_only_a_draft_uses_is_forgiven_as_a_typo_like_any_unknown_word()
    {
        await app.AddTermAsync("zephyrine-clause", "Zephyrine Clause", term => term.Status = TermStatus.Draft);
        await app.AddTermAsync("zephyrina-fee", "Zephyrina Fee");
        await EventuallyAsync("zephyrina", found => found.Contains("zephyrina-fee"));

        Assert.Equal(["zephyrina-fee"], await ResultsAsync("zephyrine"));
    }

    [Theory]
    [InlineData("junk & fee")]
    [InlineData("junk - fee")]
    [InlineData("\"junk fee\" &")]
    public async Task Punctuation_between_words_is_no_word_to_match(string query) =>
        Assert.Equal("junk-fee", (await ResultsAsync(query))[0]);

    [Fact]
    public async Task A_long_run_of_letters_with_no_spaces_answers_a_page_not_an_error()
    {
        await IndexReadyAsync();

        var response = await app.Browser().GetAsync("/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("漢cade", 40))));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_edit_is_found_under_its_new_words_and_not_its_old_ones()
    {
        await app.AddTermAsync("renamed-term", "Quokka Charge");
        Assert.Contains("renamed-term", await EventuallyAsync("quokka", found => found.Contains("renamed-term")));

        await app.WithDbAsync(async db =>
        {
            var term = await db.Terms.SingleAsync(t => t.Slug == "renamed-term");
            term.Title = "Wombat Surcharge";
            term.Definition = "A surcharge named after a wombat.";
            await db.SaveChangesAsync();
        });

        Assert.Contains("renamed-term", await EventuallyAsync("wombat", found => found.Contains("renamed-term")));
        Assert.DoesNotContain("renamed-term", await ResultsAsync("quokka"));
    }

    [Fact]
    public async Task Nothing_found_says_so_and_offers_the_closest_titles()
    {
        await IndexReadyAsync();
        var page = await app.Browser().GetPageAsync("/search?q=" + Uri.EscapeDataString("premiumz xyzzy"));

        Assert.Contains("No terms match", page.QuerySelector("[role=status]")!.Text(), StringComparison.Ordinal);
        Assert.Contains("/glossary/premium", page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Results_come_20_to_a_page_with_links_between_pages()
    {
        // All in one save, so the index takes them in one batch and no page is read half-filled.
        await app.WithDbAsync(async db =>
        {
            var now = new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
            db.Terms.AddRange(Enumerable.Range(1, 25).Select(i => new Term
            {
                Slug = $"ocelot-fee-{i}",
                Title = $"Ocelot Fee {i}",
                Definition = "A fee named after a wild cat.",
                Status = TermStatus.Published,
                CreatedAt = now,
                ModifiedAt = now,
            }));
            await db.SaveChangesAsync();
        });
        await EventuallyAsync("ocelot", found => found.Count == SearchResults.PageSize);

        var first = await app.Browser().GetPageAsync("/search?q=ocelot");
        var second = await app.Browser().GetPageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(20, first.QuerySelectorAll(".search-results h2 a").Length);
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(5, second.QuerySelectorAll(".search-results h2 a").Length);
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
        Assert.Empty(first.QuerySelectorAll(".search-results h2 a").Select(a => a.GetAttribute("href"))
            .Intersect(second.QuerySelectorAll(".search-results h2 a").Select(a => a.GetAttribute("href"))));
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("-5")]
    [InlineData("two")]
    public async Task Any_page_number_answers_a_page_of_results_not_an_error(string page)
    {
        await IndexReadyAsync();

        var response = await app.Browser().GetAsync($"/search?q=premium&page={page}");
        var results = await app.Browser().GetPageAsync($"/search?q=premium&page={page}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(results.QuerySelectorAll(".search-results h2 a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_query_shows_the_way_to_the_index_not_an_error(string query)
    {
        var page = await app.Browser().GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");

        Assert.NotNull(page.QuerySelector("main a[href='/glossary']"));
        Assert.Empty(page.QuerySelectorAll(".search-results li"));
    }

    [Fact]
    public async Task A_query_over_200_characters_is_cut_not_refused()
    {
        await IndexReadyAsync();
        var page = await app.Browser().GetPageAsync("/search?q=" + Uri.EscapeDataString("premium " + new string('x', 500)));

        Assert.Equal(GlossarySearch.MaxQueryLength, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#search-page-q")!).Value.Length);
    }

    [Fact]
    public async Task Matched_words_are_highlighted_in_the_snippet_and_markup_in_the_query_is_not()
    {
        await IndexReadyAsync();
        var page = await app.Browser().GetPageAsync("/search?q=" + Uri.EscapeDataString("premium <script>"));
        var all = await app.Browser().GetPageAsync("/search?q=premium");

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.NotEmpty(all.QuerySelectorAll(".search-snippet mark"));
    }

    [Fact]
    public async Task Every_page_has_a_search_box_that_works_without_javascript()
    {
        var page = await app.Browser().GetPageAsync("/about");

        var form = page.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(page.QuerySelector("label[for=site-search]"));
    }
}

public sealed class SearchIndexRecoveryTests : IDisposable
{
    private readonly GlossaryApp app = new();

    [Fact]
    public async Task Deleting_the_index_folder_under_a_running_app_recovers()
    {
        await app.SearchIndexReadyAsync();

        Directory.Delete(app.SearchIndexFolder, recursive: true);
        await app.AddTermAsync("after-the-fall", "Phoenix Fee");

        var found = false;
        for (var attempt = 0; attempt < 60 && !found; attempt++)
        {
            await Task.Delay(100);
            var page = await app.Browser().GetPageAsync("/search?q=phoenix");
            found = page.QuerySelectorAll(".search-results a").Any(a => a.GetAttribute("href") == "/glossary/after-the-fall");
        }
        Assert.True(found, "the index never recovered");
        Assert.True(Directory.Exists(app.SearchIndexFolder));
    }

    public void Dispose() => app.Dispose();
}
