using CommerceGuard.Tests;

namespace CommerceGuard.BrowserTests;

/// <summary>Every kind of page the site shows a reader, and how a reader gets to it.</summary>
public static class PageTypes
{
    private static readonly Dictionary<string, Func<IPage, Task>> Openers = new()
    {
        ["home"] = page => Go(page, "/"),
        ["a-z"] = page => Go(page, "/glossary"),
        ["category"] = page => Go(page, "/glossary/category/healthcare"),
        ["term"] = page => Go(page, "/glossary/therapeutic-relationship"),
        ["about"] = page => Go(page, "/about"),
        ["donate"] = page => Go(page, "/donate"),
        ["volunteer"] = page => Go(page, "/volunteer"),
        ["volunteer-errors"] = async page =>
        {
            await Go(page, "/volunteer");
            await page.GetByLabel("Email address").FillAsync("not an email");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        },
        ["volunteer-thanked"] = async page =>
        {
            await Go(page, "/volunteer");
            await page.GetByLabel("Your name").FillAsync("Upton Sinclair");
            await page.GetByLabel("Email address").FillAsync($"upton.{Guid.NewGuid():N}@example.org");
            await page.GetByLabel("I agree that").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for offering to help");
        },
        ["vote-thanks"] = async page =>
        {
            // The vote goes in through the browser's own cookie jar, as the No button would send it.
            await page.Context.APIRequest.PostAsync("/glossary/nurse/vote", new() { Form = page.Context.APIRequest.CreateFormData().Set("helpful", "no") });
            await Go(page, "/glossary/nurse/feedback");
            await Assertions.Expect(page.GetByLabel("What was missing?")).ToBeVisibleAsync();
        },
        ["search"] = async page =>
        {
            await Go(page, "/");
            await page.GetByRole(AriaRole.Search).GetByLabel("Search the glossary").FillAsync("insurence");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".search-results")).ToBeVisibleAsync();
        },
        ["search-nothing"] = page => Go(page, "/search?q=xyzzy"),
        ["not-found"] = page => Go(page, "/glossary/no-such-term"),
        ["error"] = page => Go(page, GlossaryApp.FailingPath),
    };

    public static TheoryData<string> All() => [.. Openers.Keys];

    public static TheoryData<string, string> AllAtBothSizes()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Openers.Keys)
        {
            data.Add(name, ScreenSize.Phone.Name);
            data.Add(name, ScreenSize.Desktop.Name);
        }
        return data;
    }

    public static Task OpenAsync(IPage page, string name) => Openers[name](page);

    private static async Task Go(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
