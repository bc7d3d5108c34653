using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CommerceGuard.Tests;

/// <summary>Reading pages as a browser would.</summary>
public static class Pages
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {expected}, got {response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return (IHtmlDocument)await Parser.OpenAsync(request => request.Content(html).Address("http://localhost" + response.RequestMessage!.RequestUri!.PathAndQuery));
    }

    public static string Text(this IElement element) => element.TextContent.Trim();

    /// <summary>Submits a page's form with its antiforgery token, plus the given fields.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.SubmitToAsync(url, url, fields);

    /// <summary>Takes the antiforgery token from the page at <paramref name="url"/> and posts the fields to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitToAsync(
        this HttpClient client, string url, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelector<IHtmlInputElement>("form input[name=__RequestVerificationToken]")!.Value;
        var body = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(action, UriKind.Relative), body);
    }
}
