namespace CommerceGuard.BrowserTests;

/// <summary>What a keyboard user does and sees.</summary>
internal static class KeyboardHelpers
{
    /// <summary>Presses Tab until the target has focus, as a keyboard user would; fails if it never does.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("Tab never reached the target");
    }

    /// <summary>The focused element shows a focus ring a sighted keyboard user can see.</summary>
    public static async Task AssertFocusIsVisibleAsync(this IPage page)
    {
        var outline = await page.EvaluateAsync<string>(
            "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.DoesNotContain("none", outline, StringComparison.Ordinal);
        Assert.DoesNotMatch("^\\S+ 0px$", outline);
    }
}
