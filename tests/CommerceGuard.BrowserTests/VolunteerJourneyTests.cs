using System.Text.RegularExpressions;

namespace CommerceGuard.BrowserTests;

/// <summary>Offering to help, with a slip on the way.</summary>
[Collection(OnTheSite.Name)]
public sealed partial class VolunteerJourneyTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task A_reader_mistypes_their_email_sees_why_beside_the_field_fixes_it_and_is_thanked(string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size));
        await page.GotoAsync("/volunteer");

        await page.GetByLabel("Your name").FillAsync("Ida Tarbell");
        await page.GetByLabel("Email address").FillAsync("ida.tarbell-at-example.org");
        await page.GetByLabel("Research and fact-checking").CheckAsync();
        await page.GetByLabel("Anything else you would like us to know").FillAsync("I have a background in investigative reporting.");
        await page.GetByLabel("I agree that").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var email = page.GetByLabel("Email address");
        var message = page.Locator("#email-error");
        await Assertions.Expect(message).ToHaveTextAsync("Enter an email address like name@example.org.");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(email).ToHaveAttributeAsync("aria-describedby", EmailErrorId());
        await Assertions.Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter an email address");
        // What the reader typed is still there.
        await Assertions.Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Ida Tarbell");
        await Assertions.Expect(page.GetByLabel("Research and fact-checking")).ToBeCheckedAsync();

        await page.Locator(".error-summary a").First.ClickAsync();
        await Assertions.Expect(email).ToBeFocusedAsync();
        await email.FillAsync($"ida.{size}@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ThanksPage());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for offering to help");
    }

    [GeneratedRegex("email-error")]
    private static partial Regex EmailErrorId();

    [GeneratedRegex("/volunteer/thanks$")]
    private static partial Regex ThanksPage();
}
