using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.BrowserTests;

/// <summary>A reader finds a term through the site, follows a related term and says what was missing.</summary>
[Collection(OnTheSite.Name)]
public sealed partial class ReaderJourneyTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task A_reader_goes_from_home_to_a_related_term_and_votes_no_with_a_comment(string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size));
        var comment = $"How to report a doctor ({size}).";

        await WalkToDoctorAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();

        // With JavaScript the page stays put and asks what was wrong.
        var first = page.GetByLabel("It was hard to understand");
        await Assertions.Expect(first).ToBeVisibleAsync();
        await Assertions.Expect(first).ToBeFocusedAsync();
        await page.GetByLabel("It is missing an example").CheckAsync();
        await page.GetByLabel("Anything else we should know? (optional)").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feedback").GetByRole(AriaRole.Status)).ToContainTextAsync("We read every comment");
        Assert.EndsWith("/glossary/doctor", page.Url, StringComparison.Ordinal);

        await AssertCommentStoredAsync(comment);
    }

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task The_same_journey_works_with_javascript_turned_off(string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size), javaScript: false);
        var comment = $"Where to complain about a doctor ({size}, no script).";

        await WalkToDoctorAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();

        // Without JavaScript the form posts and the reader lands on a thank-you page that asks the same.
        await Assertions.Expect(page).ToHaveURLAsync(FeedbackPage());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");
        await page.GetByLabel("It is missing an example").CheckAsync();
        await page.GetByLabel("Anything else we should know? (optional)").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.GetByText("We read every comment")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to Doctor" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(DoctorPage());

        await AssertCommentStoredAsync(comment);
    }

    [Theory]
    [MemberData(nameof(ScreenSize.Both), MemberType = typeof(ScreenSize))]
    public async Task A_reader_who_says_it_happened_to_them_is_shown_where_to_complain(string size)
    {
        var page = await site.OpenAsync(ScreenSize.Named(size));
        await page.GotoAsync("/glossary/debt-collector");

        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await page.GetByLabel("This happened to me").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var complain = page.GetByRole(AriaRole.Link, new() { Name = "See where you can complain about this" });
        await Assertions.Expect(complain).ToBeFocusedAsync();
        await complain.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Where to complain about Debt Collector");
        await page.GetByLabel("Your state").SelectOptionAsync("TX");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/glossary/debt-collector/complain\\?state=TX$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Consumer Financial Protection Bureau (CFPB)" })).ToBeVisibleAsync();
    }

    private static async Task WalkToDoctorAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Categories" })
            .GetByRole(AriaRole.Link, new() { Name = "Healthcare" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Healthcare");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Therapeutic Relationship" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Therapeutic Relationship");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Example #2" })).ToBeVisibleAsync();

        await page.Locator(".term-related").GetByRole(AriaRole.Link, new() { Name = "Doctor" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(DoctorPage());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Doctor");
    }

    private async Task AssertCommentStoredAsync(string comment)
    {
        var stored = await site.Site.WithDbAsync(db => db.Votes.AnyAsync(vote => vote.Comment == comment && !vote.Helpful));
        Assert.True(stored, $"no vote with the comment '{comment}' was stored");
    }

    [GeneratedRegex("/glossary/doctor$")]
    private static partial Regex DoctorPage();

    [GeneratedRegex("/glossary/doctor/feedback$")]
    private static partial Regex FeedbackPage();
}
