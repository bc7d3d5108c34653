using System.Text.RegularExpressions;

namespace CommerceGuard.BrowserTests;

/// <summary>The A–Z index, used with the keyboard alone.</summary>
[Collection(OnTheSite.Name)]
public sealed partial class AlphabetKeyboardTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task A_reader_jumps_to_a_letter_and_opens_a_term_by_keyboard_alone(string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size));
        await page.GotoAsync("/glossary");

        // The first Tab reaches the skip link, which is visible once focused.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();

        var letterD = page.GetByRole(AriaRole.Navigation, new() { Name = "Jump to letter" }).GetByRole(AriaRole.Link, new() { Name = "D", Exact = true });
        await page.TabToAsync(letterD);
        await page.AssertFocusIsVisibleAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(LetterD());
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "D", Exact = true });
        await Assertions.Expect(heading).ToBeInViewportAsync();

        // Focus moved to the letter's heading, so the next Tab lands on its first term.
        await page.Keyboard.PressAsync("Tab");
        var first = page.Locator("#letter-D + ul a").First;
        await Assertions.Expect(first).ToBeFocusedAsync();
        var title = await first.TextContentAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title!.Trim());
    }

    [GeneratedRegex("/glossary#letter-D$")]
    private static partial Regex LetterD();
}
