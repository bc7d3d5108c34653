using System.Text.RegularExpressions;

namespace CommerceGuard.BrowserTests;

/// <summary>Suggestions as a reader types in the header's search box.</summary>
[Collection(OnTheSite.Name)]
public sealed partial class SuggestionTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task A_misspelled_term_is_suggested_and_opened_by_keyboard(string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size));
        await page.GotoAsync("/about");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search the glossary" });

        await box.FillAsync("arbitraton");

        var option = page.GetByRole(AriaRole.Option, new() { Name = "Forced Arbitration" });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator(".header-search [role=status]")).ToContainTextAsync("suggestions");
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(ArbitrationPage());
    }

    [Fact]
    public async Task Escape_closes_the_suggestions_and_enter_then_searches()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search the glossary" });

        await box.FillAsync("insurence");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await box.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(SearchPage());
        await Assertions.Expect(page.Locator(".search-results a").First).ToHaveTextAsync("Insurance Bad Faith");
    }

    [Fact]
    public async Task Suggestions_for_text_no_longer_in_the_box_do_not_come_back()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search the glossary" });

        await box.FillAsync("premium");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await box.FillAsync("p");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await box.PressAsync("ArrowDown");

        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task Without_javascript_the_box_is_a_plain_search_form()
    {
        var page = await site.OpenAsync(ScreenSize.Phone, javaScript: false);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the glossary" }).FillAsync("deductable");
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Assertions.Expect(page.Locator(".search-results a").First).ToHaveTextAsync("Deductible");
    }

    [GeneratedRegex("/glossary/forced-arbitration$")]
    private static partial Regex ArbitrationPage();

    [GeneratedRegex("/search\\?q=insurence$")]
    private static partial Regex SearchPage();
}
