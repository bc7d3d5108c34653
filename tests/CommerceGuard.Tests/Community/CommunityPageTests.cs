namespace CommerceGuard.Tests.Community;

public sealed class CommunityPageTests : IDisposable
{
    private readonly GlossaryApp app = new GlossaryApp()
        .With("Donate:Url", "https://give.example.org/commerceguard")
        .With("Donate:MailingAddress", "Commerce Accountability Project\nPO Box 1\nSpringfield");

    [Fact]
    public async Task The_donate_page_links_to_the_configured_address_and_explains_where_the_money_goes()
    {
        var page = await app.Browser().GetPageAsync("/donate");

        Assert.Equal("https://give.example.org/commerceguard", page.QuerySelector("main a.button")!.GetAttribute("href"));
        Assert.Contains("PO Box 1", page.QuerySelector("address")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Where your money goes", page.QuerySelectorAll("h2").Select(h2 => h2.Text()).Single(t => t.StartsWith("Where", StringComparison.Ordinal)));
        Assert.True(page.QuerySelectorAll("main li").Length >= 3);
    }

    [Fact]
    public async Task The_about_page_states_the_mission()
    {
        var page = await app.Browser().GetPageAsync("/about");

        Assert.Equal("About CommerceGuard", page.QuerySelector("h1")!.Text());
        Assert.Contains("CommerceGuard explains", page.QuerySelector("main .lead")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_donation_address_that_is_not_a_web_address_stops_the_site_from_starting()
    {
        using var broken = new GlossaryApp().With("Donate:Url", "javascript:alert(1)");

        var error = Assert.ThrowsAny<Exception>(() => broken.Browser());

        Assert.Contains("Donate", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}
