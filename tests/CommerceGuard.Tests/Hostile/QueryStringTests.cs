using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Hostile;

/// <summary>
/// Hostile text in every address a reader can type: query strings, slugs, the return address
/// of signing in, the API's parameters. Each is answered with a page or a clear 4xx, never a
/// failure; whatever is echoed back is text, not markup; no header can be forged through it; no
/// file outside the site's own is served; and the database is as it was.
/// </summary>
public sealed class QueryStringTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    /// <summary>Every place a typed value reaches the site, with {0} where the value goes (percent-encoded).</summary>
    private static readonly string[] Addresses =
    [
        "/search?q={0}", "/es/buscar?q={0}", "/search?q=premium&page={0}", "/glossary?letter={0}",
        "/glossary/{0}", "/es/glosario/{0}", "/glossary/category/{0}", "/admin/sign-in?ReturnUrl={0}",
        "/api/v1/search?q={0}", "/api/v1/search/suggest?q={0}", "/api/v1/terms/{0}", "/api/v1/terms?category={0}",
        "/api/v1/terms?language={0}", "/api/v1/terms?cursor={0}", "/api/v1/widget/terms?language={0}", "/glossary/premium?{0}",
    ];

    [Fact]
    public async Task Hostile_values_anywhere_in_an_address_are_answered_without_failure_and_echoed_only_as_text()
    {
        var problems = new List<string>();
        foreach (var value in HostileStrings.Everything)
        {
            foreach (var address in Addresses)
            {
                var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, address, Uri.EscapeDataString(value));
                problems.AddRange(await ProblemsOfAsync(url));
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_and_null_bytes_in_addresses_are_answered_without_failure()
    {
        var problems = new List<string>();
        foreach (var bytes in HostileStrings.BrokenEncodings)
        {
            // A null byte in a path never gets this far: the in-memory client refuses to send it,
            // and Kestrel answers 400 (ServerLimitsTests sends one over a real socket).
            foreach (var address in Addresses.Where(address => address.Contains("={0}", StringComparison.Ordinal) || !bytes.Contains("%00", StringComparison.Ordinal)))
            {
                problems.AddRange(await ProblemsOfAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, bytes)));
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Line_breaks_in_a_value_never_forge_a_header_and_redirects_stay_on_the_site()
    {
        var problems = new List<string>();
        foreach (var value in HostileStrings.HeaderInjection)
        {
            foreach (var url in new[] { $"/admin/sign-in?ReturnUrl={value}", $"/glossary/Premium{value}", $"/search?q={value}", $"/admin?x={value}", $"/glossary/{value}" })
            {
                using var response = await app.Browser().GetAsync(new Uri(url, UriKind.Relative));
                var headers = response.Headers.Concat(response.Content.Headers).SelectMany(header => header.Value.Select(text => (header.Key, Value: text))).ToList();
                // The value may come back percent-encoded inside an address; what must not happen is a header of its own.
                if (headers.Any(header => (header.Key == "Set-Cookie" && header.Value.StartsWith("injected", StringComparison.Ordinal))
                    || header.Value.Contains('\r') || header.Value.Contains('\n')))
                {
                    problems.Add($"{url}: a header was forged: {string.Join(" | ", headers.Select(header => $"{header.Key}: {header.Value}"))}");
                }
                if (response.Headers.Location is { } location && location.IsAbsoluteUri && location.Host != "localhost")
                {
                    problems.Add($"{url}: redirected off the site to {location}");
                }
                if (response.Headers.Location is { OriginalString: var relative } && (relative.StartsWith("//", StringComparison.Ordinal) || relative.StartsWith("/\\", StringComparison.Ordinal)))
                {
                    problems.Add($"{url}: redirected to {relative}, which browsers read as another site");
                }
                if ((int)response.StatusCode >= 500)
                {
                    problems.Add($"{url}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_forged_host_header_never_reaches_a_page_a_feed_or_the_sitemap_where_a_cache_would_keep_it()
    {
        foreach (var url in new[] { "/glossary/premium", "/glossary", "/", "/sitemap.xml", "/feed.atom", "/es/feed.atom", "/api/v1/terms/premium", "/robots.txt" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Host = "evil.example";
            using var response = await app.Browser().SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_way_out_of_the_site_s_folders_never_serves_a_file_from_outside_them()
    {
        foreach (var way in HostileStrings.PathTraversal)
        {
            foreach (var prefix in new[] { "/", "/css/", "/js/", "/glossary/", "/api/v1/terms/" })
            {
                using var response = await app.Browser().GetAsync(new Uri(prefix + way, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{prefix}{way}: {(int)response.StatusCode}");
                Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
                Assert.DoesNotContain("root:x:0:0", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Sql_in_a_search_or_a_slug_is_only_ever_text_and_the_database_is_untouched()
    {
        var terms = await app.WithDbAsync(db => db.Terms.CountAsync());
        var accounts = await app.WithDbAsync(db => db.Users.CountAsync());
        foreach (var probe in HostileStrings.SqlInjection)
        {
            var page = await app.Browser().GetPageAsync($"/search?q={Uri.EscapeDataString(probe)}");
            // "OR 1=1" that worked would find every term; as text it finds few or none.
            Assert.True(page.QuerySelectorAll(".search-results li, .result").Length < terms, probe);
            await app.Browser().GetAsync(new Uri($"/glossary/{Uri.EscapeDataString(probe)}", UriKind.Relative));
            await app.Browser().GetAsync(new Uri($"/api/v1/terms?category={Uri.EscapeDataString(probe)}", UriKind.Relative));
        }
        Assert.Equal(terms, await app.WithDbAsync(db => db.Terms.CountAsync()));
        Assert.Equal(accounts, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    private async Task<List<string>> ProblemsOfAsync(string url)
    {
        using var response = await app.Browser().GetAsync(new Uri(url, UriKind.Relative));
        var problems = new List<string>();
        if ((int)response.StatusCode >= 500)
        {
            problems.Add($"{url}: {(int)response.StatusCode}");
        }
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type == "text/html")
        {
            var found = ActiveMarkup.In(await response.Content.ReadAsStringAsync());
            problems.AddRange(found.Select(markup => $"{url}: {markup}"));
        }
        else if (type is not (null or "application/json" or "application/problem+json"))
        {
            problems.Add($"{url}: answered as {type}");
        }
        return problems;
    }
}
