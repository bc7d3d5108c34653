using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace CommerceGuard.BrowserTests;

/// <summary>
/// axe-core finds nothing at WCAG 2.2 A and AA on any page type (dark mode: see
/// <see cref="DarkModeAccessibilityTests"/>), and each page type is photographed at both sizes
/// for people to look at.
/// </summary>
[Collection(OnTheSite.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    internal static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        ResultTypes = [ResultType.Violations],
    };

    [Theory]
    [MemberData(nameof(PageTypes.AllAtBothSizes), MemberType = typeof(PageTypes))]
    public async Task Axe_finds_no_violation(string pageType, string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size));
        await PageTypes.OpenAsync(site, page, pageType);

        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(SiteFixture.ScreenshotFolder, $"{pageType}-{size}.png"),
            FullPage = true,
        });
        AssertNoViolations(await page.RunAxe(Wcag22AA), $"{pageType} at {size}");
    }

    internal static void AssertNoViolations(AxeResult result, string where)
    {
        var report = string.Join("\n", result.Violations.Select(violation =>
            $"{violation.Id} ({violation.Impact}): {violation.Help}\n    " +
            string.Join("\n    ", violation.Nodes.Select(node => $"{node.Html} — {Reasons(node)}"))));
        Assert.True(result.Violations.Length == 0, $"axe found on {where}:\n{report}");
    }

    private static string Reasons(AxeResultNode node) =>
        string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message));
}
