namespace CommerceGuard.BrowserTests;

/// <summary>The site follows what the reader has told their system.</summary>
[Collection(OnTheSite.Name)]
public sealed class PreferenceTests(SiteFixture site)
{
    [Theory]
    [InlineData(ReducedMotion.Reduce, "auto")]
    [InlineData(ReducedMotion.NoPreference, "smooth")]
    public async Task Scrolling_is_only_animated_for_readers_who_have_not_asked_for_less_motion(ReducedMotion motion, string behavior)
    {
        var page = await site.OpenAsync(ScreenSize.Desktop, motion: motion);
        await page.GotoAsync("/glossary");

        Assert.Equal(behavior, await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).scrollBehavior"));
    }

    [Theory]
    [InlineData(ColorScheme.Light, "rgb(255, 255, 255)")]
    [InlineData(ColorScheme.Dark, "rgb(17, 22, 29)")]
    public async Task The_page_is_light_or_dark_as_the_reader_prefers(ColorScheme scheme, string background)
    {
        var page = await site.OpenAsync(ScreenSize.Desktop, colorScheme: scheme);
        await page.GotoAsync("/");

        Assert.Equal(background, await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor"));
    }
}
