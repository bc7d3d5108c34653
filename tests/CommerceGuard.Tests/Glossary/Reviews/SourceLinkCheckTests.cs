using System.Net;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Reviews;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Glossary.Reviews;

/// <summary>
/// The source link check against a real site on this machine: addresses that answer are fine,
/// one that fails twice in a row is broken and puts its terms in the review queue, one that
/// answers again is cleared; and addresses on a private network are not followed unless allowed.
/// </summary>
public sealed class SourceLinkCheckTests : IAsyncLifetime
{
    private WebApplication site = null!;
    private string root = "";
    private readonly List<string> heads = [];
    private bool gone = true;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        site = builder.Build();
        site.MapGet("/ok", () => "fine");
        site.MapGet("/gone", () => gone ? Results.NotFound() : Results.Ok("back"));
        // A server that refuses HEAD, as some do: a GET must settle it.
        site.MapMethods("/no-head", ["HEAD"], (HttpContext http) =>
        {
            lock (heads)
            {
                heads.Add(http.Request.Path);
            }
            return Results.StatusCode(405);
        });
        site.MapGet("/no-head", () => "fine by GET");
        await site.StartAsync();
        root = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    private static GlossaryApp AppCiting(bool allowPrivate = true) => new GlossaryApp()
        .With("SourceLinks:AllowPrivateAddresses", allowPrivate ? "true" : "false")
        .With("SourceLinks:PerHostSeconds", "0");

    /// <summary>Makes the term cite these addresses and no other term cite any: the starter terms' real ones are not to be asked from a test.</summary>
    private static async Task CiteAsync(GlossaryApp app, string slug, params string[] addresses) => await app.WithDbAsync(async db =>
    {
        foreach (var term in await db.Terms.ToListAsync())
        {
            term.Sources = term.Slug == slug && term.Language == Languages.Default
                ? [.. addresses.Select((address, i) => new TermSource { Title = $"Source {i + 1}", Address = address })]
                : [];
        }
        await db.SaveChangesAsync();
    });

    private static async Task<int> RoundAsync(GlossaryApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SourceLinkCheck>().RunRoundAsync();
    }

    private static Task<Dictionary<string, SourceLink>> LinksAsync(GlossaryApp app) =>
        app.WithDbAsync(db => db.SourceLinks.AsNoTracking().ToDictionaryAsync(link => link.Address));

    [Fact]
    public async Task An_address_that_fails_twice_in_a_row_is_broken_and_its_term_joins_the_review_queue()
    {
        using var app = AppCiting();
        await CiteAsync(app, "premium", $"{root}/ok", $"{root}/gone", $"{root}/no-head");

        Assert.Equal(3, await RoundAsync(app));
        var first = await LinksAsync(app);
        Assert.Equal((200, null), (first[$"{root}/ok"].Status, first[$"{root}/ok"].Problem));
        Assert.Equal(200, first[$"{root}/no-head"].Status);
        Assert.Equal(["/no-head"], heads);
        Assert.Equal((404, "answered 404 NotFound", 1), (first[$"{root}/gone"].Status, first[$"{root}/gone"].Problem, first[$"{root}/gone"].Failures));
        // One failure can be a passing outage.
        Assert.Null(first[$"{root}/gone"].BrokenSince);

        // Checked again only once its answer is old: here, at once.
        await app.WithDbAsync(db => db.SourceLinks.ExecuteUpdateAsync(links => links.SetProperty(link => link.CheckedAt, DateTime.UtcNow.AddDays(-30))));
        await RoundAsync(app);

        Assert.NotNull((await LinksAsync(app))[$"{root}/gone"].BrokenSince);
        await using var scope = app.Services.CreateAsyncScope();
        var premium = (await scope.ServiceProvider.GetRequiredService<ReviewSchedule>().QueueAsync()).Single(term => term.Slug == "premium");
        Assert.Equal(1, premium.BrokenSources);
    }

    [Fact]
    public async Task An_address_that_answers_again_is_no_longer_broken()
    {
        using var app = AppCiting();
        await CiteAsync(app, "premium", $"{root}/gone");
        await RoundAsync(app);
        await app.WithDbAsync(db => db.SourceLinks.ExecuteUpdateAsync(links => links.SetProperty(link => link.CheckedAt, DateTime.UtcNow.AddDays(-30))));
        await RoundAsync(app);
        Assert.NotNull((await LinksAsync(app)).Single().Value.BrokenSince);

        gone = false;
        await app.WithDbAsync(db => db.SourceLinks.ExecuteUpdateAsync(links => links.SetProperty(link => link.CheckedAt, DateTime.UtcNow.AddDays(-30))));
        await RoundAsync(app);

        var link = (await LinksAsync(app)).Single().Value;
        Assert.Equal((200, 0, (DateTime?)null), (link.Status, link.Failures, link.BrokenSince));
    }

    [Fact]
    public async Task An_address_checked_recently_is_not_asked_again_and_one_no_term_cites_is_forgotten()
    {
        using var app = AppCiting();
        await CiteAsync(app, "premium", $"{root}/ok");
        await RoundAsync(app);

        Assert.Equal(0, await RoundAsync(app));

        await CiteAsync(app, "premium", $"{root}/no-head");
        await RoundAsync(app);
        Assert.Equal([$"{root}/no-head"], (await LinksAsync(app)).Keys);
    }

    [Fact]
    public async Task An_address_on_this_machine_is_not_followed_unless_allowed()
    {
        using var app = AppCiting(allowPrivate: false);
        await CiteAsync(app, "premium", $"{root}/ok");

        await RoundAsync(app);

        var link = (await LinksAsync(app)).Single().Value;
        Assert.Null(link.Status);
        Assert.Equal("it is on a private network, which the check does not follow", link.Problem);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", false)]
    public void Private_addresses_are_told_from_public_ones(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, SourceLinkCheck.IsPrivate(IPAddress.Parse(address)));
}
