using System.Net;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Feedback.Complaints;
using CommerceGuard.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Feedback.Complaints;

/// <summary>
/// Where to complain: the channels for a term's categories, and for the state a reader picks,
/// starting from the federal agencies the site ships with; editors keep the list.
/// </summary>
public sealed class ComplainPageTests
{
    private static async Task<List<string>> ChannelsAsync(HttpClient browser, string url) =>
        [.. (await browser.GetPageAsync(url)).QuerySelectorAll(".channel-list h2 a").Select(link => link.Text())];

    [Fact]
    public async Task A_term_lists_the_agencies_for_its_categories_and_the_ones_for_every_category()
    {
        using var app = new GlossaryApp();

        var debt = await ChannelsAsync(app.Browser(), "/glossary/debt-collector/complain");
        var overtime = await ChannelsAsync(app.Browser(), "/glossary/overtime-pay/complain");

        Assert.Equal("Consumer Financial Protection Bureau (CFPB)", debt[0]);
        Assert.DoesNotContain(debt, name => name.Contains("EEOC", StringComparison.Ordinal));
        Assert.Contains("U.S. Department of Labor, Wage and Hour Division", overtime);
        Assert.Contains("Federal Trade Commission (FTC)", overtime);
        Assert.DoesNotContain(overtime, name => name.Contains("CFPB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_states_own_channel_is_shown_first_to_readers_there_and_to_no_one_else()
    {
        using var app = new GlossaryApp();
        var desk = await app.SignedInAsync(Roles.Editor);
        var insurance = await app.WithDbAsync(db => db.Categories.Where(category => category.Slug == "insurance").Select(category => category.Id).SingleAsync());
        await ChannelsAsync(app.Browser(), "/glossary/premium/complain?state=CA");

        var saved = await desk.SubmitToAsync("/admin/complaint-channels", "/admin/complaint-channels?handler=Save", [
            new("name", "California Department of Insurance"), new("handles", "Insurers licensed in California."),
            new("address", "https://example.gov/ca-insurance"), new("categoryIds", insurance.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("states", "ca")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // The page kept before the change is replaced at once.
        Assert.Equal("California Department of Insurance", (await ChannelsAsync(app.Browser(), "/glossary/premium/complain?state=CA"))[0]);
        Assert.DoesNotContain("California Department of Insurance", await ChannelsAsync(app.Browser(), "/glossary/premium/complain?state=NY"));
        Assert.DoesNotContain("California Department of Insurance", await ChannelsAsync(app.Browser(), "/glossary/premium/complain"));
        Assert.DoesNotContain("California Department of Insurance", await ChannelsAsync(app.Browser(), "/glossary/overtime-pay/complain?state=CA"));
    }

    [Fact]
    public async Task A_channel_with_a_bad_address_or_state_is_refused_field_by_field()
    {
        using var app = new GlossaryApp();
        var desk = await app.SignedInAsync(Roles.Editor);

        var page = await Pages.ParseAsync(await desk.SubmitToAsync("/admin/complaint-channels", "/admin/complaint-channels?handler=Save", [
            new("name", "Somewhere"), new("handles", "Things."), new("address", "javascript:alert(1)"), new("states", "CA, Narnia")]));

        Assert.Contains("beginning https://", page.QuerySelector("#problem-address-new")!.Text(), StringComparison.Ordinal);
        Assert.Contains("\"Narnia\" is not a state's two-letter postal code", page.QuerySelector("#problem-states-new")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Somewhere", page.QuerySelector("#name-new")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.ComplaintChannels.AnyAsync(channel => channel.Name == "Somewhere")));
    }

    [Fact]
    public async Task Authors_cannot_change_the_channels()
    {
        using var app = new GlossaryApp();
        var author = await app.SignedInAsync(Roles.Author);

        using var answer = await author.GetAsync(new Uri("/admin/complaint-channels", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task The_starter_channels_are_loaded_once_and_deleted_ones_stay_deleted()
    {
        using var app = new GlossaryApp();
        var shipped = StarterComplaintChannels.Read();
        Assert.Equal(shipped.Count, await app.WithDbAsync(db => db.ComplaintChannels.CountAsync()));
        Assert.All(shipped, entry => Assert.StartsWith("https://", entry.Address, StringComparison.Ordinal));

        await app.WithDbAsync(db => db.ComplaintChannels.ExecuteDeleteAsync());
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StarterComplaintChannels>().LoadIfNewAsync();

        Assert.Equal(0, await app.WithDbAsync(db => db.ComplaintChannels.CountAsync()));
    }

    [Fact]
    public async Task The_page_asks_nothing_about_the_reader_and_ignores_a_state_that_is_not_one()
    {
        using var app = new GlossaryApp();

        var page = await app.Browser().GetPageAsync("/glossary/hipaa/complain?state=<script>");

        Assert.Equal("get", page.QuerySelector("form.complain-state")!.GetAttribute("method"));
        Assert.Single(page.QuerySelectorAll("form.complain-state input, form.complain-state select, form.complain-state textarea"));
        Assert.Null(page.QuerySelector("option[selected]"));
        Assert.Contains("Office for Civil Rights", page.QuerySelector(".channel-list")!.Text(), StringComparison.Ordinal);
    }
}
