using System.Text.RegularExpressions;

namespace CommerceGuard.BrowserTests;

/// <summary>
/// widget.js on a partner's article (the repository's demo, served from another origin): our
/// terms are linked back to us with a preview that opens by keyboard, and the partner's page,
/// its script, styles and globals, is left as it was.
/// </summary>
[Collection(OnTheSite.Name)]
public sealed class PartnerWidgetTests(SiteFixture site) : IAsyncLifetime
{
    private PartnerSite partner = null!;

    public async Task InitializeAsync() => partner = await PartnerSite.StartAsync(site.Address);

    public async Task DisposeAsync() => await partner.DisposeAsync();

    /// <summary>The article's mentions the widget should link: each term once, at its first mention.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["deductible"] = "deductible",
        ["out-of-network"] = "out-of-network",
        ["EOB"] = "explanation-of-benefits",
        ["surprise medical bill"] = "surprise-medical-bill",
        ["premiums"] = "premium",
        ["at-will employment"] = "at-will-employment",
        ["claim denials"] = "claim-denial",
    };

    [Fact]
    public async Task Terms_in_the_article_link_back_to_the_glossary_each_at_its_first_mention()
    {
        var page = await OpenArticleAsync();

        var mentions = page.Locator("a.commerceguard-term");
        await Assertions.Expect(mentions).ToHaveCountAsync(Expected.Count);
        foreach (var (text, slug) in Expected)
        {
            var mention = mentions.Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(text)}$") });
            await Assertions.Expect(mention).ToHaveAttributeAsync("href", new Regex($"/glossary/{slug}$"));
        }
        // Headings, the partner's own links, code and what the partner marked are left alone.
        await Assertions.Expect(page.Locator("h1 a, h2 a, code a, aside a, a a")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "privacy policy" })).ToHaveAttributeAsync("href", "#");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotFolder, "widget-partner-article.png"), FullPage = true });
    }

    [Fact]
    public async Task The_preview_opens_by_keyboard_describes_the_link_and_Escape_closes_it()
    {
        var page = await OpenArticleAsync();
        await Assertions.Expect(page.Locator("a.commerceguard-term").First).ToBeVisibleAsync();

        for (var presses = 0; presses < 12 && !await page.EvaluateAsync<bool>("document.activeElement?.classList.contains('commerceguard-term') === true"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var focused = page.Locator("a.commerceguard-term:focus");
        await Assertions.Expect(focused).ToHaveTextAsync("deductible");
        var preview = page.Locator("commerceguard-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(focused).ToHaveAccessibleDescriptionAsync(new Regex("amount you have to pay", RegexOptions.IgnoreCase));
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotFolder, "widget-preview.png") });
        var violations = await Axe.ViolationsAsync(page, Axe.Wcag22AA, "widget-preview");
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(preview).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_partner_s_script_styles_and_globals_are_untouched_and_nothing_is_stored()
    {
        var errors = new List<string>();
        var page = await site.OpenAsync(ScreenSize.Desktop);
        // The partner's demo has no favicon; the browser's asking for one is not the widget's doing.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.Contains("favicon", StringComparison.Ordinal))
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.AddInitScriptAsync("window.__namesBefore = Object.getOwnPropertyNames(window);");
        await page.GotoAsync(partner.Article.ToString());
        await Assertions.Expect(page.Locator("a.commerceguard-term").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Helpful" }).ClickAsync();

        await Assertions.Expect(page.Locator("#likes")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator(".masthead .title")).ToHaveCSSAsync("color", "rgb(0, 102, 51)");
        await Assertions.Expect(page.Locator(".masthead .title")).ToHaveCSSAsync("font-size", "28px");
        await Assertions.Expect(page.Locator("aside.box")).ToHaveCSSAsync("background-color", "rgb(240, 230, 200)");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "privacy policy" })).ToHaveCSSAsync("color", "rgb(204, 0, 0)");
        var added = await page.EvaluateAsync<string[]>("Object.getOwnPropertyNames(window).filter(name => !window.__namesBefore.includes(name) && !['newsSite', '__namesBefore'].includes(name))");
        Assert.Empty(added);
        Assert.Empty(await page.Context.CookiesAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task When_the_glossary_cannot_be_reached_the_article_stays_as_it_was()
    {
        var errors = new List<string>();
        var page = await site.OpenAsync(ScreenSize.Desktop);
        page.PageError += (_, error) => errors.Add(error);
        var asked = new TaskCompletionSource();
        await page.RouteAsync("**/api/v1/widget/terms?**", async route =>
        {
            await route.AbortAsync();
            asked.TrySetResult();
        });
        await page.GotoAsync(partner.Article.ToString());
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await page.GetByRole(AriaRole.Button, new() { Name = "Helpful" }).ClickAsync();

        await Assertions.Expect(page.Locator("#likes")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("a.commerceguard-term")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("commerceguard-preview")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    private async Task<IPage> OpenArticleAsync()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.GotoAsync(partner.Article.ToString());
        return page;
    }
}
