using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Api;

/// <summary><c>/api/v1</c>: the published glossary for partners, paged, filtered, cacheable and open to other sites.</summary>
public sealed class TermsApiTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private HttpClient Client => app.Browser();

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    private static List<string> Slugs(JsonElement page) =>
        [.. page.GetProperty("terms").EnumerateArray().Select(term => term.GetProperty("slug").GetString()!)];

    [Fact]
    public async Task Following_the_cursor_lists_every_published_term_once_and_no_draft()
    {
        await app.AddTermAsync("draft-api-term", "Draft api term", term => term.Status = TermStatus.Draft);
        var published = await app.WithDbAsync(db => db.Terms.Where(term => term.Status == TermStatus.Published && term.Language == Languages.Default).Select(term => term.Slug).ToListAsync());

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"/api/v1/terms?limit=7{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(Slugs(page));
            cursor = page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Equal(published.Order(), seen.Order());
        Assert.Equal((published.Count + 6) / 7, pages);
    }

    [Fact]
    public async Task Terms_can_be_filtered_by_category_letter_and_date()
    {
        var healthcare = await app.WithDbAsync(db => db.Terms.Where(term => term.Status == TermStatus.Published && term.Language == Languages.Default && term.Categories.Any(category => category.Slug == "healthcare"))
            .Select(term => term.Slug).ToListAsync());
        await app.AddTermAsync("ecole-api", "École api term", term => term.ModifiedAt = new DateTime(2030, 1, 2, 0, 0, 0, DateTimeKind.Utc));

        var byCategory = await GetJsonAsync("/api/v1/terms?category=healthcare&limit=100");
        var byLetter = await GetJsonAsync("/api/v1/terms?letter=e&limit=100");
        var recent = await GetJsonAsync("/api/v1/terms?modifiedSince=2030-01-01T00:00:00Z");

        Assert.Equal(healthcare.Order(), Slugs(byCategory).Order());
        Assert.Contains("ecole-api", Slugs(byLetter));
        Assert.All(byLetter.GetProperty("terms").EnumerateArray(), term => Assert.Equal("E", AlphabetIndex.For(Languages.Default).HeadingFor(term.GetProperty("title").GetString()!)));
        Assert.Equal(["ecole-api"], Slugs(recent));
    }

    [Fact]
    public async Task A_term_comes_whole_with_markdown_and_html_sections_related_terms_and_categories()
    {
        var term = await GetJsonAsync("/api/v1/terms/therapeutic-relationship");

        Assert.Equal("Therapeutic Relationship", term.GetProperty("title").GetString());
        Assert.EndsWith("/glossary/therapeutic-relationship", term.GetProperty("url").GetString(), StringComparison.Ordinal);
        var definition = term.GetProperty("definition");
        Assert.False(string.IsNullOrWhiteSpace(definition.GetProperty("markdown").GetString()));
        Assert.StartsWith("<p>", definition.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(term.GetProperty("examples").EnumerateArray());
        Assert.NotEmpty(term.GetProperty("related").EnumerateArray());
        Assert.Contains(term.GetProperty("categories").EnumerateArray(), category => category.GetProperty("slug").GetString() == "healthcare");
        Assert.True(DateTimeOffset.TryParse(term.GetProperty("modified").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task Categories_list_with_their_published_term_counts()
    {
        var expected = await app.WithDbAsync(db => db.Categories.Select(category => new { category.Slug, Count = category.Terms.Count(term => term.Status == TermStatus.Published && term.Language == Languages.Default) }).ToListAsync());

        using var response = await Client.GetAsync(new Uri("/api/v1/categories", UriKind.Relative));
        var categories = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();

        Assert.Equal(expected.Count, categories.Count);
        Assert.All(expected, category => Assert.Equal(category.Count, categories.Single(listed => listed.GetProperty("slug").GetString() == category.Slug).GetProperty("termCount").GetInt32()));
    }

    [Theory]
    [InlineData("/api/v1/terms/no-such-term", 404)]
    [InlineData("/api/v1/terms/draft-only-api", 404)]
    [InlineData("/api/v1/terms?limit=0", 400)]
    [InlineData("/api/v1/terms?limit=101", 400)]
    [InlineData("/api/v1/terms?cursor=not-ours!", 400)]
    [InlineData("/api/v1/terms?letter=Ä", 400)]
    [InlineData("/api/v1/nothing-here", 404)]
    public async Task Bad_requests_are_answered_with_problem_details(string path, int status)
    {
        if (!await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "draft-only-api")))
        {
            await app.AddTermAsync("draft-only-api", "Draft only api", term => term.Status = TermStatus.Draft);
        }

        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task An_unchanged_term_is_answered_304_to_its_etag()
    {
        using var first = await Client.GetAsync(new Uri("/api/v1/terms/therapeutic-relationship", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/terms/therapeutic-relationship", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.NotNull(first.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Scripts_on_other_sites_may_read_the_api()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/categories", UriKind.Relative));
        request.Headers.Add("Origin", "https://partner.example.com");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/terms", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://partner.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");

        using var response = await Client.SendAsync(request);
        using var answer = await Client.SendAsync(preflight);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.True(answer.IsSuccessStatusCode, answer.StatusCode.ToString());
        Assert.Contains("GET", answer.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_read_takes_a_language_and_a_term_names_its_other_languages()
    {
        var spanish = await GetJsonAsync("/api/v1/terms?language=es&limit=100");
        var seguros = await GetJsonAsync("/api/v1/terms?language=es&category=seguros&letter=d&limit=100");
        var deducible = await GetJsonAsync("/api/v1/terms/deducible?language=es");
        var deductible = await GetJsonAsync("/api/v1/terms/deductible");
        var categories = await GetJsonAsync("/api/v1/categories?language=es");
        using var unknown = await Client.GetAsync(new Uri("/api/v1/terms?language=xx", UriKind.Relative));

        var expected = await app.WithDbAsync(db => db.Terms.Where(term => term.Language == "es" && term.Status == TermStatus.Published).Select(term => term.Slug).ToListAsync());
        Assert.Equal(expected.Order(), Slugs(spanish).Order());
        Assert.Equal(["deducible"], Slugs(seguros));
        Assert.Equal(("es", "Deducible", "http://localhost:5080/es/glosario/deducible"),
            (deducible.GetProperty("language").GetString(), deducible.GetProperty("title").GetString(), deducible.GetProperty("url").GetString()));
        Assert.Equal("seguros", deducible.GetProperty("categories")[0].GetProperty("slug").GetString());
        var other = Assert.Single(deducible.GetProperty("translations").EnumerateArray());
        Assert.Equal(("en", "deductible"), (other.GetProperty("language").GetString(), other.GetProperty("slug").GetString()));
        Assert.Equal("deducible", Assert.Single(deductible.GetProperty("translations").EnumerateArray()).GetProperty("slug").GetString());
        Assert.Equal(["seguros", "finanzas", "salud", "derecho-laboral", "privacidad"], categories.EnumerateArray().Select(category => category.GetProperty("slug").GetString()));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Use one of: en, es.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
