namespace CommerceGuard.BrowserTests;

/// <summary>
/// The pages a large glossary adds (the A–Z page by letter, a letter's later pages, a
/// category's later pages) pass axe at WCAG 2.2 AA like every other page type.
/// </summary>
[Collection(OnThePagedSite.Name)]
public sealed class PagedListAccessibilityTests(PagedSiteFixture site)
{
    [Theory]
    [InlineData("a-z-by-letter", "/glossary")]
    [InlineData("letter-page-2", "/glossary/letter/c/2")]
    [InlineData("category-page-2", "/glossary/category/insurance/2")]
    [InlineData("a-z-by-letter-es", "/es/glosario")]
    [InlineData("category-page-2-es", "/es/glosario/categoria/seguros/2")]
    public async Task Axe_finds_no_violation_on_a_phone_a_desktop_or_in_dark_mode(string name, string path)
    {
        var page = await site.OpenAsync(ScreenSize.Phone);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);

        var found = await AccessibilityTests.CheckThreeWaysAsync(page, name);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
