using System.Net;

namespace CommerceGuard.Tests.Shared;

/// <summary>What every page shares: navigation, landmarks, headers, and the error pages.</summary>
public sealed class SiteShellTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    public static TheoryData<string> EveryPageType() =>
        ["/", "/glossary", "/glossary/category/privacy", "/glossary/therapeutic-relationship", "/about", "/donate", "/volunteer", "/volunteer/thanks"];

    [Theory]
    [MemberData(nameof(EveryPageType))]
    public async Task Every_page_has_the_site_navigation_and_one_h1_inside_the_landmarks(string url)
    {
        var page = await app.Browser().GetPageAsync(url);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("body > header"));
        Assert.NotNull(page.QuerySelector("body > main#main"));
        Assert.NotNull(page.QuerySelector("body > footer"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(["/glossary", "/about", "/donate", "/volunteer"], page.QuerySelectorAll("nav.site-nav a").Select(a => a.GetAttribute("href")));
        Assert.Equal(
            ["Insurance", "Finance", "Healthcare", "Employment Law", "Privacy"],
            page.QuerySelectorAll("nav.category-nav a").Select(a => a.Text()));
        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(EveryPageType))]
    public async Task Headings_never_skip_a_level(string url)
    {
        var page = await app.Browser().GetPageAsync(url);

        var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"{url}: h{levels[i - 1]} is followed by h{levels[i]}");
        }
    }

    [Fact]
    public async Task Pages_load_nothing_from_other_sites()
    {
        using var response = await app.Browser().GetAsync(new Uri("/glossary/doctor", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var page = await Pages.ParseAsync(response);
        // The canonical link names the page's own public address; a browser loads nothing from it.
        var sources = page.QuerySelectorAll("script[src], link[href]:not([rel=canonical]), img[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!);
        Assert.All(sources, source => Assert.StartsWith("/", source, StringComparison.Ordinal));
        Assert.DoesNotContain("//", string.Join(' ', sources).Replace("/ /", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.NotEmpty(html);
    }

    [Fact]
    public async Task The_stylesheet_and_script_are_served()
    {
        var browser = app.Browser();
        foreach (var asset in new[] { "/css/site.css", "/js/feedback.js", "/favicon.svg" })
        {
            using var response = await browser.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_address_answers_the_not_found_page_in_the_sites_look()
    {
        var page = await app.Browser().GetPageAsync("/no/such/page", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("nav.site-nav"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task A_failure_inside_the_app_answers_the_error_page_in_the_sites_look()
    {
        var page = await app.Browser().GetPageAsync(GlossaryApp.FailingPath, HttpStatusCode.InternalServerError);

        Assert.Equal("Something went wrong", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("nav.site-nav"));
        Assert.DoesNotContain("A failure staged by a test", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
