using Deque.AxeCore.Playwright;

namespace CommerceGuard.BrowserTests;

/// <summary>axe-core finds nothing at WCAG 2.2 A and AA on any page type in dark mode either.</summary>
[Collection(OnASecondSite.Name)]
public sealed class DarkModeAccessibilityTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task Axe_finds_no_violation_in_dark_mode(string pageType)
    {
        var page = await site.OpenAsync(ScreenSize.Desktop, colorScheme: ColorScheme.Dark);
        await PageTypes.OpenAsync(site, page, pageType);

        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(SiteFixture.ScreenshotFolder, $"{pageType}-desktop-dark.png"),
        });
        AccessibilityTests.AssertNoViolations(await page.RunAxe(AccessibilityTests.Wcag22AA), $"{pageType} in dark mode");
    }
}
