namespace CommerceGuard.BrowserTests;

/// <summary>"Cite this term": each style's copy button puts the citation, naming the version read, on the clipboard.</summary>
[Collection(OnTheSite.Name)]
public sealed class CitationCopyTests(SiteFixture site)
{
    [Fact]
    public async Task The_copy_button_puts_the_apa_citation_on_the_clipboard_and_says_so()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/glossary/therapeutic-relationship");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the APA citation" }).ClickAsync();

        await Assertions.Expect(page.Locator("#cite").GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith("Commerce Accountability Project. (2024, April 30). Therapeutic Relationship (Version 1). In CommerceGuard glossary.", copied, StringComparison.Ordinal);
        Assert.EndsWith("/glossary/therapeutic-relationship/v/1", copied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_script_the_citations_are_there_to_select_and_no_dead_button_shows()
    {
        var page = await site.OpenAsync(ScreenSize.Phone, javaScript: false);
        await page.GotoAsync("/glossary/therapeutic-relationship");

        await Assertions.Expect(page.Locator("#citation-bibtex")).ToContainTextAsync("@misc{commerceguard:therapeutic-relationship:v1,");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy the APA citation" })).ToBeHiddenAsync();
    }
}
