namespace CommerceGuard.BrowserTests;

/// <summary>
/// axe-core finds nothing at WCAG 2.2 A and AA on any page type, on a phone, on a desktop and in
/// dark mode, and each page type is photographed in each for people to look at. A page type is
/// opened once and looked at three ways (the window resized, then the colour scheme switched),
/// since opening it, with the signing in and writing some need, costs more than checking it.
/// </summary>
[Collection(OnTheSite.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task Axe_finds_no_violation_on_a_phone_a_desktop_or_in_dark_mode(string pageType)
    {
        var page = await site.OpenAsync(ScreenSize.Phone);
        await PageTypes.OpenAsync(site, page, pageType);

        var found = await CheckThreeWaysAsync(page, pageType);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task The_check_finds_what_axe_finds_on_a_page_made_to_fail()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><title>Made to fail</title><main><img src=\"data:,\"><a href=\"/\"></a></main></html>");

        var found = await Axe.ViolationsAsync(page, Axe.Wcag22AA, "made-to-fail");

        Assert.Contains(found, line => line.StartsWith("made-to-fail: image-alt (critical)", StringComparison.Ordinal));
        Assert.Contains(found, line => line.StartsWith("made-to-fail: link-name (serious)", StringComparison.Ordinal));
    }

    /// <summary>The page on a phone, on a desktop and in dark mode, as it stands.</summary>
    internal static async Task<List<string>> CheckThreeWaysAsync(IPage page, string name)
    {
        var found = new List<string>();
        found.AddRange(await CheckAsync(page, $"{name}-phone", fullPage: true));
        await page.SetViewportSizeAsync(ScreenSize.Desktop.Width, ScreenSize.Desktop.Height);
        found.AddRange(await CheckAsync(page, $"{name}-desktop", fullPage: true));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        found.AddRange(await CheckAsync(page, $"{name}-desktop-dark", fullPage: false));
        return found;
    }

    /// <summary>Photographs the page as it stands and reports what axe finds, one line a problem.</summary>
    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string name, bool fullPage)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, $"{name}.png"), FullPage = fullPage });
        return await Axe.ViolationsAsync(page, Axe.Wcag22AA, name);
    }
}
