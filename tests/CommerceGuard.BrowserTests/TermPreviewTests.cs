namespace CommerceGuard.BrowserTests;

/// <summary>A term link shows a short preview of the term, by pointer and by keyboard.</summary>
[Collection(OnTheSite.Name)]
public sealed class TermPreviewTests(SiteFixture site)
{
    [Fact]
    public async Task Hovering_a_term_link_shows_its_preview_and_escape_dismisses_it()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.GotoAsync("/glossary/therapeutic-relationship");
        var link = page.Locator("article a.term-link[href='/glossary/doctor']");
        var preview = page.GetByRole(AriaRole.Tooltip);

        await link.HoverAsync();

        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync("A doctor, or physician");
        await preview.HoverAsync();
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(preview).ToBeHiddenAsync();
    }

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task Focusing_a_term_link_by_keyboard_shows_its_preview_and_describes_the_link(string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size));
        await page.GotoAsync("/glossary/therapeutic-relationship");
        var link = page.Locator("article a.term-link").First;

        await page.TabToAsync(link);

        await Assertions.Expect(link).ToBeFocusedAsync();
        var preview = page.GetByRole(AriaRole.Tooltip);
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(link).ToHaveAttributeAsync("aria-describedby", "term-preview");
        await Assertions.Expect(preview).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(preview).ToBeHiddenAsync();
        await Assertions.Expect(link).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_focused_links_preview_comes_back_after_the_pointer_passes_over_another_link()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.GotoAsync("/glossary/therapeutic-relationship");
        var doctor = page.Locator("article a.term-link[href='/glossary/doctor']");
        var nurse = page.Locator("article a.term-link[href='/glossary/nurse']");
        var preview = page.GetByRole(AriaRole.Tooltip);

        await doctor.FocusAsync();
        await Assertions.Expect(preview).ToContainTextAsync("A doctor, or physician");
        await nurse.HoverAsync();
        await Assertions.Expect(preview).ToContainTextAsync("A nurse");
        await page.Mouse.MoveAsync(1, 1);

        await Assertions.Expect(preview).ToContainTextAsync("A doctor, or physician");
        await Assertions.Expect(doctor).ToHaveAttributeAsync("aria-describedby", "term-preview");
    }

    [Fact]
    public async Task Without_javascript_a_term_link_is_a_plain_link()
    {
        var page = await site.OpenAsync(ScreenSize.Phone, javaScript: false);
        await page.GotoAsync("/glossary/therapeutic-relationship");

        await page.Locator("article a.term-link[href='/glossary/doctor']").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Doctor");
    }
}
