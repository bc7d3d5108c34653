namespace CommerceGuard.BrowserTests;

/// <summary>A term printed on paper: the text alone, links spelled out, sections kept whole.</summary>
[Collection(OnTheSite.Name)]
public sealed class PrintTests(SiteFixture site)
{
    [Fact]
    public async Task A_term_prints_without_the_site_around_it_and_with_link_addresses()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.GotoAsync("/glossary/therapeutic-relationship");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { ".site-header", ".mission-banner", ".site-footer", "#feedback", ".breadcrumbs" })
        {
            await Assertions.Expect(page.Locator(hidden)).ToBeHiddenAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        var after = await page.Locator(".term-related a").First.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content");
        Assert.Contains("/glossary/doctor", after, StringComparison.Ordinal);
        var breakInside = await page.Locator(".term-section").First.EvaluateAsync<string>("e => getComputedStyle(e).breakInside");
        Assert.Equal("avoid", breakInside);

        await page.PdfAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotFolder, "term-print.pdf"), Format = "Letter" });
    }
}
