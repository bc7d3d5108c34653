using System.Net;

namespace CommerceGuard.BrowserTests;

/// <summary>
/// The term page may come from a cache shared by every reader, so when the comment box opens
/// the page asks for a stamp of its own, and the comment is timed from then.
/// </summary>
[Collection(OnTheSite.Name)]
public sealed class CommentStampTests(SiteFixture site)
{
    [Fact]
    public async Task Opening_the_comment_box_fetches_a_fresh_stamp_that_the_comment_carries()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.GotoAsync("/glossary/balance-billing");
        var stampField = page.Locator(".feedback-comment input[name=form-shown]");
        var pageStamp = await stampField.InputValueAsync();

        var stampAnswer = page.WaitForResponseAsync(response => response.Url.Contains("/form-stamp?form=vote", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        var answer = await stampAnswer;
        Assert.Equal((int)HttpStatusCode.OK, answer.Status);
        var freshStamp = (await answer.JsonAsync())!.Value.GetProperty("stamp").GetString()!;
        Assert.NotEqual(pageStamp, freshStamp);
        await Assertions.Expect(stampField).ToHaveValueAsync(freshStamp);

        var commentPost = page.WaitForRequestAsync(request => request.Method == "POST" && request.Url.EndsWith("/glossary/balance-billing/vote", StringComparison.Ordinal));
        await page.GetByLabel("It is missing an example").CheckAsync();
        await page.GetByLabel("Anything else we should know? (optional)").FillAsync("Who to call about a balance bill.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var posted = (await commentPost).PostData!;
        Assert.Contains($"form-shown={Uri.EscapeDataString(freshStamp)}", posted, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#feedback").GetByRole(AriaRole.Status)).ToContainTextAsync("We read every comment");
    }

    [Fact]
    public async Task When_no_fresh_stamp_can_be_had_the_comment_goes_with_the_pages_own()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.RouteAsync("**/form-stamp*", route => route.AbortAsync());
        await page.GotoAsync("/glossary/facility-fee");
        var pageStamp = await page.Locator(".feedback-comment input[name=form-shown]").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();

        var commentPost = page.WaitForRequestAsync(request => request.Method == "POST" && request.Url.EndsWith("/glossary/facility-fee/vote", StringComparison.Ordinal));
        await page.GetByLabel("It is missing an example").CheckAsync();
        await page.GetByLabel("Anything else we should know? (optional)").FillAsync("Which hospitals charge one.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        Assert.Contains($"form-shown={Uri.EscapeDataString(pageStamp)}", (await commentPost).PostData!, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#feedback").GetByRole(AriaRole.Status)).ToContainTextAsync("We read every comment");
    }
}
