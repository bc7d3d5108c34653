using System.Text.RegularExpressions;
using CommerceGuard.Features.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.BrowserTests;

/// <summary>
/// The back office end to end, in the browser: an Admin made from the command line brings in an
/// Editor and an Author; the Author writes with a live preview; the Editor publishes and later
/// restores; readers' page follows each step; two people editing at once lose nothing.
/// </summary>
[Collection(OnTheSite.Name)]
public sealed partial class EditorialJourneyTests(SiteFixture site)
{
    private const string Password = "harbor quilt saffron echo";

    [Fact]
    public async Task An_admin_from_the_command_line_brings_in_staff_who_write_review_publish_and_restore()
    {
        var admin = await site.OpenAsync(ScreenSize.Desktop);
        await ChoosePasswordAsync(admin, await CommandLineLinkAsync($"admin-{Guid.NewGuid():N}@example.org"));
        await SignInAsync(admin, AdminEmail!);
        var editor = await site.OpenAsync(ScreenSize.Desktop);
        var author = await site.OpenAsync(ScreenSize.Desktop);
        await JoinAsync(editor, await InviteAsync(admin, "Editor"));
        await JoinAsync(author, await InviteAsync(admin, "Author"));

        // The Author drafts, watching the preview follow the typing.
        var title = $"Claim denial {Guid.NewGuid():N}"[..21];
        await author.GotoAsync("/admin/terms/new");
        await author.GetByLabel("Title").FillAsync(title);
        await author.GetByLabel("Definition").FillAsync("When an insurer refuses to pay a **claim**.");
        await Assertions.Expect(author.Locator("#term-preview h1")).ToHaveTextAsync(title);
        await Assertions.Expect(author.Locator("#term-preview .term-definition strong")).ToHaveTextAsync("claim");
        await author.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(Notice(author)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(author.GetByRole(AriaRole.Button, new() { Name = "Save and publish" })).ToHaveCountAsync(0);
        await author.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(Notice(author)).ToHaveTextAsync("Submitted for review.");
        var address = $"/glossary/{author.Url.Split('/')[^1]}";
        var slug = await site.Site.WithDbAsync(db => db.Terms.Where(term => term.Title == title).Select(term => term.Slug).SingleAsync());
        var reader = await site.OpenAsync(ScreenSize.Desktop);
        Assert.Equal(404, (await reader.GotoAsync($"/glossary/{slug}"))!.Status);

        // The Editor finds it waiting for review and publishes it.
        await editor.GotoAsync("/admin/terms?status=inreview");
        await editor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Assertions.Expect(Notice(editor)).ToContainTextAsync("published");
        await reader.GotoAsync($"/glossary/{slug}");
        await Assertions.Expect(reader.Locator(".term-definition")).ToContainTextAsync("When an insurer refuses to pay a claim.");

        // The Author's change waits as the next version; readers see it once the Editor publishes it.
        await author.GotoAsync(author.Url.Split('?')[0]);
        await author.GetByLabel("Definition").FillAsync("When an insurer says no to paying for care already given.");
        await author.GetByRole(AriaRole.Button, new() { Name = "Save as next version" }).ClickAsync();
        await Assertions.Expect(Notice(author)).ToContainTextAsync("Saved as the next version");
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator(".term-definition")).ToContainTextAsync("refuses to pay a claim");
        await editor.ReloadAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator(".term-definition")).ToContainTextAsync("says no to paying for care");

        // Later the Editor compares and restores the first text, and readers see it again.
        await editor.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(editor.Locator("tbody tr")).ToHaveCountAsync(2);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Compare the chosen revisions" }).ClickAsync();
        await Assertions.Expect(editor.Locator("del").First).ToBeVisibleAsync();
        await editor.GoBackAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Restore and publish revision 1" }).ClickAsync();
        await Assertions.Expect(Notice(editor)).ToContainTextAsync("Revision 1 is restored and published");
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator(".term-definition")).ToContainTextAsync("When an insurer refuses to pay a claim.");
        Assert.NotNull(address);
    }

    [Fact]
    public async Task Two_people_saving_the_same_term_lose_no_word()
    {
        var first = await site.OpenAsync(ScreenSize.Desktop);
        var second = await site.OpenAsync(ScreenSize.Phone);
        await SignInNewAsync(first, "Editor");
        await SignInNewAsync(second, "Editor");
        await first.GotoAsync("/admin/terms/new");
        await first.GetByLabel("Title").FillAsync($"Coinsurance {Guid.NewGuid():N}"[..20]);
        await first.GetByLabel("Definition").FillAsync("Your share of a bill, as a percentage.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(Notice(first)).ToHaveTextAsync("Saved.");
        var editorPage = first.Url.Split('?')[0];

        await second.GotoAsync(editorPage);
        await first.GetByLabel("Definition").FillAsync("Your share of a covered bill, as a percentage, after the deductible.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(Notice(first)).ToHaveTextAsync("Saved.");
        await second.GetByLabel("Definition").FillAsync("The part of a bill you pay.");
        await second.GetByLabel("Misuse").FillAsync("Confused with a copay, which is a fixed amount.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(second.Locator(".conflict")).ToContainTextAsync("after the deductible");
        await Assertions.Expect(second.GetByLabel("Definition")).ToHaveValueAsync("The part of a bill you pay.");
        await Assertions.Expect(second.GetByLabel("Misuse")).ToHaveValueAsync("Confused with a copay, which is a fixed amount.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Use their definition" }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(Notice(second)).ToHaveTextAsync("Saved.");

        await second.ReloadAsync();
        await Assertions.Expect(second.GetByLabel("Definition")).ToHaveValueAsync("Your share of a covered bill, as a percentage, after the deductible.");
        await Assertions.Expect(second.GetByLabel("Misuse")).ToHaveValueAsync("Confused with a copay, which is a fixed amount.");
    }

    [Fact]
    public async Task Text_typed_before_the_tab_closed_comes_back_and_a_save_after_the_session_ended_completes()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        var email = await SignInNewAsync(page, "Author");
        var title = $"Phantom network {Guid.NewGuid():N}"[..24];
        await page.GotoAsync("/admin/terms/new");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Definition").FillAsync("A list of doctors who no longer take the plan.");
        await page.WaitForTimeoutAsync(600);

        // The tab closes without saving; a new one offers the text back.
        await page.CloseAsync();
        page = await page.Context.NewPageAsync();
        await page.GotoAsync("/admin/terms/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bring them back" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Definition")).ToHaveValueAsync("A list of doctors who no longer take the plan.");

        // The session ends (its cookie is gone); saving asks to sign in, then the save is made.
        await page.Context.ClearCookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SignInAddress());
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(Notice(page)).ToHaveTextAsync("Saved.");
        Assert.True(await site.Site.WithDbAsync(db => db.Terms.AnyAsync(term => term.Title == title)));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#autosave-notice")).ToBeHiddenAsync();
    }

    private string? AdminEmail { get; set; }

    /// <summary>The page's message about what was just done (the layout has a status region of its own for search).</summary>
    private static ILocator Notice(IPage page) => page.Locator("p.notice[role=status]");

    private async Task<string> CommandLineLinkAsync(string email)
    {
        AdminEmail = email;
        using var output = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(site.Site.Services, ["users", "add", email, "--role", "Admin"], output, new StringReader("")));
        var link = output.ToString().Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith("http", StringComparison.Ordinal));
        return new Uri(link).PathAndQuery;
    }

    private static async Task ChoosePasswordAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByLabel("The same password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await page.WaitForURLAsync(SignInAddress(), new() { WaitUntil = WaitUntilState.Commit });
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Waits for the dashboard's address, not its load event: the next step navigates or
        // waits on an element anyway, and a load event already past can leave the wait hanging.
        await page.WaitForURLAsync("**/admin", new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>Invites a new person with the role from the accounts page; returns their email and one-time link.</summary>
    private static async Task<(string Email, string Link)> InviteAsync(IPage admin, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await admin.GotoAsync("/admin/accounts");
        await admin.GetByLabel("Email address").FillAsync(email);
        await admin.Locator("#invite-role").SelectOptionAsync(role);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        var link = await admin.Locator(".one-time-link").TextContentAsync();
        return (email, new Uri(link!.Trim()).PathAndQuery);
    }

    private static async Task JoinAsync(IPage page, (string Email, string Link) invitation)
    {
        await ChoosePasswordAsync(page, invitation.Link);
        await SignInAsync(page, invitation.Email);
    }

    private async Task<string> SignInNewAsync(IPage page, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using (var scope = site.Site.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<CommerceGuard.Features.Accounts.AccountAdministration>();
            Assert.True((await accounts.AddAsync(email, role, "Lincoln Steffens", Password)).Succeeded);
        }
        await SignInAsync(page, email);
        return email;
    }

    [GeneratedRegex("/admin/sign-in")]
    private static partial Regex SignInAddress();
}
