namespace CommerceGuard.BrowserTests;

/// <summary>The API reference page: every operation can be tried from the page, with the keyboard alone.</summary>
[Collection(OnTheSite.Name)]
public sealed class ApiReferenceTests(SiteFixture site)
{
    [Fact]
    public async Task A_developer_tries_a_search_by_keyboard_and_reads_the_answer()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.GotoAsync("/developers/api");
        var search = page.Locator("section.api-operation", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Search the glossary" }) });

        await search.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await search.GetByLabel("q (query)").FillAsync("copay");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(search.Locator(".api-status")).ToContainTextAsync("200");
        await Assertions.Expect(search.Locator("[data-try-output]")).ToContainTextAsync("\"hits\"");
        await Assertions.Expect(search.Locator("[data-try-output]")).ToContainTextAsync("ratelimit:");
    }

    [Fact]
    public async Task An_operation_that_needs_a_key_says_so_when_tried_without_one()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.GotoAsync("/developers/api");
        var list = page.Locator("section.api-operation", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "List terms in any status" }) });

        await list.GetByText("Try it").ClickAsync();
        await list.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Assertions.Expect(list.Locator(".api-status")).ToContainTextAsync("401");
        await Assertions.Expect(list.Locator("[data-try-output]")).ToContainTextAsync("This needs an API key.");
    }
}
