namespace CommerceGuard.BrowserTests;

/// <summary>A large glossary's A–Z index, used with the keyboard alone: a letter, then its second page, then a term.</summary>
[Collection(OnThePagedSite.Name)]
public sealed class PagedListKeyboardTests(PagedSiteFixture site)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task A_reader_opens_a_letter_then_its_next_page_then_a_term_by_keyboard_alone(string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size));
        await page.GotoAsync("/glossary");

        var letterC = page.GetByRole(AriaRole.Navigation, new() { Name = "Jump to letter" }).GetByRole(AriaRole.Link, new() { Name = "C", Exact = true });
        await page.TabToAsync(letterC);
        await page.AssertFocusIsVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Terms starting with C");

        var second = page.GetByRole(AriaRole.Navigation, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Pages") })
            .GetByRole(AriaRole.Link).Nth(1);
        await page.TabToAsync(second);
        await page.AssertFocusIsVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync("Terms starting with C (page 2 of 3) – CommerceGuard");

        var first = page.Locator(".term-list a").First;
        var title = await first.TextContentAsync();
        await page.TabToAsync(first);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title!.Trim());
    }
}
