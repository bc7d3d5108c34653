using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceGuard.Tests.Api;

/// <summary>
/// What the partner widget reads: <c>widget.js</c> itself, and the compact term list it matches
/// by, which caches may keep and revalidate, and which any site's script may fetch.
/// </summary>
public sealed class WidgetTermsTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly Uri TermList = new("/api/v1/widget/terms", UriKind.Relative);

    [Fact]
    public async Task The_list_holds_each_name_as_the_site_s_matcher_keys_it()
    {
        var list = await app.Browser().GetFromJsonAsync<JsonElement>(TermList);

        var terms = list.GetProperty("terms").EnumerateArray().ToList();
        var names = list.GetProperty("names").EnumerateArray()
            .Select(name => (Term: terms[name.GetProperty("term").GetInt32()].GetProperty("title").GetString(),
                Keys: string.Join(' ', name.GetProperty("keys").EnumerateArray().Select(key => key.GetString())),
                Exact: name.GetProperty("exact").GetString()))
            .ToList();
        Assert.Contains(("Explanation of Benefits", "eob", "EOB"), names);
        Assert.Contains(("Premium", "premiums", null), names);
        Assert.Contains(("At-Will Employment", "at will employment", null), names);
        Assert.All(terms, term => Assert.StartsWith(list.GetProperty("site").GetString()!, term.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.Contains(terms, term => term.GetProperty("summary").GetString()!.StartsWith("A deductible is", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_spanish_page_s_widget_gets_the_spanish_terms()
    {
        var list = await app.Browser().GetFromJsonAsync<JsonElement>(new Uri("/api/v1/widget/terms?language=es", UriKind.Relative));
        using var unknown = await app.Browser().GetAsync(new Uri("/api/v1/widget/terms?language=zz", UriKind.Relative));

        var terms = list.GetProperty("terms").EnumerateArray().ToList();
        Assert.Contains(terms, term => term.GetProperty("title").GetString() == "Deducible" && term.GetProperty("url").GetString() == "http://localhost:5080/es/glosario/deducible");
        Assert.DoesNotContain(terms, term => term.GetProperty("title").GetString() == "Deductible");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_term_that_does_not_link_automatically_is_not_in_the_list()
    {
        await app.AddTermAsync("widget-common-word", "Widget common word", term => term.AutoLink = false);
        await app.AddTermAsync("widget-linked-word", "Widget linked word");

        var body = await app.Browser().GetStringAsync(TermList);

        Assert.DoesNotContain("Widget common word", body, StringComparison.Ordinal);
        Assert.Contains("Widget linked word", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_may_be_cached_then_revalidated_and_is_open_to_any_site()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, TermList);
        request.Headers.Add("Origin", "https://news.example");
        using var first = await app.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromMinutes(10), first.Headers.CacheControl.MaxAge);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(first.Headers.Contains("Set-Cookie"));

        var again = new HttpRequestMessage(HttpMethod.Get, TermList);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await app.Browser().SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task The_script_may_be_loaded_and_cached_by_any_site()
    {
        using var response = await app.Browser().GetAsync(new Uri("/widget.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl!.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
