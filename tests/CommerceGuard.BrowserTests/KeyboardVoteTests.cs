namespace CommerceGuard.BrowserTests;

/// <summary>Voting and leaving a comment without a mouse.</summary>
[Collection(OnTheSite.Name)]
public sealed class KeyboardVoteTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task A_reader_votes_no_and_explains_why_by_keyboard_alone(string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size));
        await page.GotoAsync("/glossary/wage-theft");

        var no = page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true });
        await page.TabToAsync(no);
        await page.AssertFocusIsVisibleAsync();
        await page.Keyboard.PressAsync("Enter");

        // The reasons come first, a group the arrow keys move through; the comment box is next.
        await Assertions.Expect(page.GetByLabel("It was hard to understand")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByLabel("It is missing an example")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Anything else we should know? (optional)")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Which agency takes wage claims in my state.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#feedback").GetByRole(AriaRole.Status)).ToContainTextAsync("We read every comment");
    }
}
