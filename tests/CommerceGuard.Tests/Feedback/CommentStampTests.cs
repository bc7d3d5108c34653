using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommerceGuard.Features.Feedback;
using CommerceGuard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Feedback;

/// <summary>
/// Term pages come from a cache shared by every reader, so the stamp in their comment form says
/// when the page was made, which may be minutes before this reader started the comment. When the
/// comment box opens, the page's script asks <see cref="FormStamps.Path"/> for a fresh stamp,
/// and the comment is timed from then.
/// </summary>
public sealed class CommentStampTests(CommentStampTests.Site site) : IClassFixture<CommentStampTests.Site>
{
    /// <summary>The app on a clock the tests move instead of waiting.</summary>
    public sealed class Site : IDisposable
    {
        public ShiftedClock Clock { get; } = new(TimeSpan.Zero);

        public GlossaryApp App { get; }

        public Site() => App = new GlossaryApp()
            .With("SpamDefence:MinimumFillSeconds", FillSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithServices(services => services.AddSingleton<TimeProvider>(Clock));

        public void Dispose() => App.Dispose();
    }

    // A minute, so that no stall of a loaded machine between stamping and posting comes near it.
    private const int FillSeconds = 60;

    private static readonly Uri VoteStampUrl = new(FormStamps.Url(FeedbackEndpoints.FormName), UriKind.Relative);

    [Fact]
    public async Task The_stamp_address_answers_a_new_stamp_each_time_that_no_cache_may_keep()
    {
        site.Clock.Shift = TimeSpan.Zero;
        var reader = site.App.Browser();

        using var first = await reader.GetAsync(VoteStampUrl);
        using var second = await reader.GetAsync(VoteStampUrl);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
            Assert.Null(response.Headers.Age);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        }
        Assert.NotEqual(await StampOfAsync(first), await StampOfAsync(second));
    }

    [Fact]
    public async Task A_comment_sent_too_soon_after_its_fresh_stamp_is_refused_as_too_quick()
    {
        site.Clock.Shift = TimeSpan.Zero;
        var reader = site.App.Browser();
        await reader.GetPageAsync("/glossary/deductible");
        var stamp = await FreshStampAsync(reader);

        using var response = await CommentAsync(reader, "deductible", stamp);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sooner after the page was shown than a person writes one", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await VotesOnAsync("deductible"));
    }

    [Fact]
    public async Task A_comment_sent_after_the_fill_time_with_a_fresh_stamp_is_kept()
    {
        site.Clock.Shift = TimeSpan.Zero;
        var reader = site.App.Browser();
        var stamp = await FreshStampAsync(reader);
        site.Clock.Shift = TimeSpan.FromSeconds(FillSeconds + 1);

        using var response = await CommentAsync(reader, "coinsurance", stamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new VoteReceipt(false, true), await response.Content.ReadFromJsonAsync<VoteReceipt>());
        Assert.Equal(1, await VotesOnAsync("coinsurance"));
    }

    [Fact]
    public async Task A_cached_pages_stamp_already_passes_at_once_and_a_fresh_one_does_not()
    {
        // The page is made five minutes ago and then served from the cache, stamp and all.
        site.Clock.Shift = TimeSpan.FromMinutes(-5);
        await site.App.Browser().GetPageAsync("/glossary/nurse");
        site.Clock.Shift = TimeSpan.Zero;
        var reader = site.App.Browser();
        using var cached = await reader.GetAsync(new Uri("/glossary/nurse", UriKind.Relative));
        Assert.NotNull(cached.Headers.Age);
        var pageStamp = (await Pages.ParseAsync(cached))
            .QuerySelector<IHtmlInputElement>($".feedback-comment input[name={SpamDefence.StampField}]")!.Value;

        using var withPageStamp = await CommentAsync(site.App.Browser(), "nurse", pageStamp);
        using var withFreshStamp = await CommentAsync(reader, "nurse", await FreshStampAsync(reader));

        Assert.Equal(HttpStatusCode.OK, withPageStamp.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withFreshStamp.StatusCode);
    }

    [Theory]
    [InlineData("/form-stamp")]
    [InlineData("/form-stamp?form=")]
    [InlineData("/form-stamp?form=nonsense")]
    [InlineData("/form-stamp?form=VOTE")]
    // The volunteer page is never shared, so its own stamp is always fresh.
    [InlineData("/form-stamp?form=volunteer")]
    public async Task Only_forms_on_shared_pages_are_stamped_and_others_get_a_400_problem(string url)
    {
        using var response = await site.App.Browser().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Ask for one of these forms: vote.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/glossary/premium")]
    [InlineData("/es/glosario/prima")]
    public async Task The_comment_form_tells_the_script_where_to_ask_for_a_fresh_stamp_in_every_language(string termPage)
    {
        var reader = site.App.Browser();
        var page = await reader.GetPageAsync(termPage);

        var address = page.QuerySelector(".feedback-comment")!.GetAttribute("data-stamp-url");

        Assert.Equal("/form-stamp?form=vote", address);
        using var response = await reader.GetAsync(new Uri(address!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> FreshStampAsync(HttpClient reader)
    {
        using var response = await reader.GetAsync(VoteStampUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await StampOfAsync(response);
    }

    private static async Task<string> StampOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<FormStamp>())!.Stamp;

    /// <summary>Sends a No with a comment as the page's script does, with the stamp given.</summary>
    private static async Task<HttpResponseMessage> CommentAsync(HttpClient reader, string slug, string stamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(FeedbackUrls.Vote(slug), UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(
                [new("helpful", "no"), new("comment", "Say who to call about it."), new(SpamDefence.StampField, stamp), new(SpamDefence.TrapField, "")]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        return await reader.SendAsync(request);
    }

    private Task<int> VotesOnAsync(string slug) => site.App.WithDbAsync(db =>
        db.Votes.CountAsync(v => db.Terms.Any(t => t.Id == v.TermId && t.Slug == slug && t.Language == "en")));
}
