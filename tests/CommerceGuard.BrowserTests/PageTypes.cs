using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.BrowserTests;

/// <summary>Every kind of page the site shows a reader, and how a reader gets to it.</summary>
public static partial class PageTypes
{
    private static readonly Dictionary<string, Func<SiteFixture, IPage, Task>> Openers = new()
    {
        ["home"] = (_, page) => Go(page, "/"),
        ["a-z"] = (_, page) => Go(page, "/glossary"),
        ["letter"] = (_, page) => Go(page, "/glossary/letter/c"),
        ["category"] = (_, page) => Go(page, "/glossary/category/healthcare"),
        ["term"] = (_, page) => Go(page, "/glossary/therapeutic-relationship"),
        ["about"] = (_, page) => Go(page, "/about"),
        ["donate"] = (_, page) => Go(page, "/donate"),
        ["volunteer"] = (_, page) => Go(page, "/volunteer"),
        ["volunteer-errors"] = async (_, page) =>
        {
            await Go(page, "/volunteer");
            await page.GetByLabel("Email address").FillAsync("not an email");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        },
        ["volunteer-thanked"] = async (_, page) =>
        {
            await Go(page, "/volunteer");
            await page.GetByLabel("Your name").FillAsync("Upton Sinclair");
            await page.GetByLabel("Email address").FillAsync($"upton.{Guid.NewGuid():N}@example.org");
            await page.GetByLabel("I agree that").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for offering to help");
        },
        ["vote-thanks"] = async (_, page) =>
        {
            // The vote goes in through the browser's own cookie jar, as the No button would send it.
            await page.Context.APIRequest.PostAsync("/glossary/nurse/vote", new() { Form = page.Context.APIRequest.CreateFormData().Set("helpful", "no") });
            await Go(page, "/glossary/nurse/feedback");
            await Assertions.Expect(page.GetByLabel("Anything else we should know? (optional)")).ToBeVisibleAsync();
        },
        ["search"] = async (_, page) =>
        {
            await Go(page, "/");
            await page.GetByRole(AriaRole.Search).GetByLabel("Search the glossary").FillAsync("insurence");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".search-results")).ToBeVisibleAsync();
        },
        ["search-nothing"] = (_, page) => Go(page, "/search?q=xyzzy"),
        // A Spanish reader's pages, reached as a reader would: from an English term, by its "En español" link.
        ["term-es"] = async (_, page) =>
        {
            await Go(page, "/glossary/deductible");
            await page.GetByRole(AriaRole.Link, new() { Name = "En español" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deducible");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        },
        ["a-z-es"] = async (_, page) =>
        {
            await Go(page, "/es/glosario");
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Ir a la letra" })).ToContainTextAsync("Ñ");
        },
        ["not-found"] = (_, page) => Go(page, "/glossary/no-such-term"),
        ["error"] = (_, page) => Go(page, GlossaryApp.FailingPath),
        ["sign-in"] = (_, page) => Go(page, "/admin/sign-in"),
        ["sign-in-refused"] = async (_, page) =>
        {
            await Go(page, "/admin/sign-in");
            await page.GetByLabel("Email address").FillAsync("nobody@example.org");
            await page.GetByLabel("Password").FillAsync("not a password of anyone's");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong email or password.");
        },
        ["set-password"] = async (site, page) =>
        {
            await using var scope = site.Site.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var added = await accounts.AddAsync($"new-{Guid.NewGuid():N}@example.org", Roles.Author, null, password: null);
            await Go(page, new Uri(await accounts.SetPasswordLinkAsync(added.Account!)).PathAndQuery);
        },
        ["set-password-bad-link"] = (_, page) => Go(page, "/admin/set-password?account=nobody&token=expired"),
        ["back-office"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Editor);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Back office");
        },
        ["accounts"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Admin);
            await Go(page, "/admin/accounts");
            await page.GetByLabel("Email address").FillAsync($"invited-{Guid.NewGuid():N}@example.org");
            await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
            await Assertions.Expect(page.Locator(".one-time-link")).ToBeVisibleAsync();
        },
        ["two-factor-setup"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Author);
            await Go(page, "/admin/two-factor");
            await Assertions.Expect(page.GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        },
        ["sign-in-code"] = async (site, page) =>
        {
            var email = $"careful-{Guid.NewGuid():N}@example.org";
            await using (var scope = site.Site.Services.CreateAsyncScope())
            {
                var added = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().AddAsync(email, Roles.Author, null, BackOfficePassword);
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
                await users.ResetAuthenticatorKeyAsync(added.Account!);
                await users.SetTwoFactorEnabledAsync(added.Account!, true);
            }
            await Go(page, "/admin/sign-in");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(BackOfficePassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Enter your code");
        },
        ["terms-list"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Author);
            await Go(page, "/admin/terms");
            await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        },
        ["term-editor"] = async (site, page) =>
        {
            var id = await TermWithHistoryAsync(site);
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, $"/admin/terms/{id}");
            await Assertions.Expect(page.Locator("#term-preview .term-definition")).ToBeVisibleAsync();
        },
        ["translation-editor"] = async (site, page) =>
        {
            var id = await site.Site.WithDbAsync(db => db.Terms.Where(term => term.Slug == "deducible").Select(term => term.Id).SingleAsync());
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, $"/admin/terms/{id}");
            await Assertions.Expect(page.Locator(".editor-original h1")).ToHaveTextAsync("Deductible");
        },
        ["term-editor-refused"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Author);
            await Go(page, "/admin/terms/new");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a source" }).ClickAsync();
            await page.GetByLabel("Address (https://…)").FillAsync("not an address");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        },
        ["term-conflict"] = async (site, page) =>
        {
            var id = await TermWithHistoryAsync(site);
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, $"/admin/terms/{id}");
            await EditAsStaffAsync(site, id, content => content with { Definition = "Someone else's definition, saved first." });
            await page.GetByLabel("Definition").FillAsync("My definition, saved second.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save as next version" }).ClickAsync();
            await Assertions.Expect(page.Locator(".conflict")).ToBeVisibleAsync();
        },
        ["term-history"] = async (site, page) =>
        {
            var id = await TermWithHistoryAsync(site);
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, $"/admin/terms/{id}/history");
            await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(3);
        },
        ["term-compare"] = async (site, page) =>
        {
            var id = await TermWithHistoryAsync(site);
            await SignInAsync(site, page, Roles.Author);
            await Go(page, $"/admin/terms/{id}/compare?from=1&to=3");
            await Assertions.Expect(page.Locator("ins").First).ToBeVisibleAsync();
        },
        ["term-version"] = (_, page) => Go(page, "/glossary/therapeutic-relationship/v/1"),
        ["term-public-history"] = (_, page) => Go(page, "/glossary/therapeutic-relationship/history"),
        ["term-changes"] = async (site, page) =>
        {
            var id = await TermWithHistoryAsync(site, publish: true);
            var slug = await site.Site.WithDbAsync(db => db.Terms.Where(term => term.Id == id).Select(term => term.Slug).SingleAsync());
            await Go(page, $"/glossary/{slug}/changes?from=1&to=3");
            await Assertions.Expect(page.Locator("ins").First).ToBeVisibleAsync();
        },
        ["complain"] = (_, page) => Go(page, "/glossary/debt-collector/complain?state=CA"),
        ["review-queue"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, "/admin/reviews");
            await Assertions.Expect(page.Locator(".review-queue tbody tr").First).ToBeVisibleAsync();
        },
        ["review-form"] = async (site, page) =>
        {
            var id = await TermWithHistoryAsync(site);
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, $"/admin/terms/{id}/review");
            // A disclosure of spaces passes the browser's check and is refused by the server's, with its message.
            await page.GetByLabel("Your name as readers see it").FillAsync("Dana Reviewer");
            await page.GetByLabel("Your disclosure").FillAsync("   ");
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark as reviewed" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        },
        ["complaint-channels"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, "/admin/complaint-channels");
        },
        ["triage"] = async (site, page) =>
        {
            await page.Context.APIRequest.PostAsync("/glossary/nurse/vote", new()
            {
                Form = page.Context.APIRequest.CreateFormData().Set("helpful", "no").Set("reason", "confusing").Set("comment", "Which nurse is which?"),
            });
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, "/admin/feedback/triage");
            await Assertions.Expect(page.Locator(".triage-list li").First).ToBeVisibleAsync();
        },
        ["suggest"] = (_, page) => Go(page, "/suggest?title=Shrinkflation"),
        ["suggest-errors"] = async (_, page) =>
        {
            await Go(page, "/suggest");
            await page.GetByLabel("Where you met it, or what you would like to know (optional)").FillAsync("A note without a term.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the suggestion" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        },
        ["suggestions"] = async (site, page) =>
        {
            await site.Site.WithDbAsync(async db =>
            {
                db.TermSuggestions.Add(new() { Title = "Shrinkflation", Key = "shrinkflation", Note = "Seen at the grocery store.", SuggestedAt = DateTime.UtcNow, LastRequestedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            });
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, "/admin/suggestions");
        },
        ["categories"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, "/admin/categories");
            await page.Locator(".category-row").First.GetByRole(AriaRole.Button, new() { NameRegex = new("^Delete") }).ClickAsync();
            await Assertions.Expect(page.Locator(".terms-in-the-way")).ToBeVisibleAsync();
        },
        ["feedback"] = async (site, page) =>
        {
            await page.Context.APIRequest.PostAsync("/glossary/nurse/vote",
                new() { Form = page.Context.APIRequest.CreateFormData().Set("helpful", "no").Set("comment", "It never says who pays.") });
            await SignInAsync(site, page, Roles.Author);
            await Go(page, "/admin/feedback");
            await Assertions.Expect(page.Locator(".comment-list li").First).ToBeVisibleAsync();
        },
        ["volunteers"] = async (site, page) =>
        {
            await site.Site.WithDbAsync(async db =>
            {
                db.Volunteers.Add(new CommerceGuard.Features.Community.Volunteer
                {
                    Name = "Nellie Bly", Email = $"nellie-{Guid.NewGuid():N}@example.org", Interests = ["research"],
                    Message = "I can check facts on weekends.", ConsentGiven = true, SubmittedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
            });
            await SignInAsync(site, page, Roles.Admin);
            await Go(page, "/admin/volunteers");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Volunteers");
        },
        ["import-report"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, "/admin/import");
            await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload
            {
                Name = "terms.csv",
                MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes("title,definition\r\nStop-loss page type,A cap on what you pay.\r\nFormula,=SUM(A1)\r\n"),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Assertions.Expect(page.Locator(".import-report .report-lines")).ToBeVisibleAsync();
        },
        ["export"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Editor);
            await Go(page, "/admin/export");
        },
        ["audit-log"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Admin);
            await Go(page, "/admin/audit");
            await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        },
        ["api-keys"] = async (site, page) =>
        {
            await SignInAsync(site, page, Roles.Admin);
            await Go(page, "/admin/api-keys");
            await page.GetByLabel("What it is for").FillAsync("Newsroom sync");
            await page.GetByLabel("Write:").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();
            await Assertions.Expect(page.Locator("#new-key")).ToBeVisibleAsync();
        },
        ["api-reference"] = async (_, page) =>
        {
            await Go(page, "/developers/api");
            var operation = page.Locator("section.api-operation", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "List published terms" }) });
            await operation.GetByText("Try it").ClickAsync();
            await operation.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
            await Assertions.Expect(operation.Locator(".api-status")).ToContainTextAsync("200");
        },
    };

    private const string BackOfficePassword = "copper lantern willow rain";

    public static TheoryData<string> All() => [.. Openers.Keys];

    public static Task OpenAsync(SiteFixture site, IPage page, string name) => Openers[name](site, page);

    /// <summary>Signs in through the sign-in page as a new account with the role.</summary>
    private static async Task SignInAsync(SiteFixture site, IPage page, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using (var scope = site.Site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountAdministration>().AddAsync(email, role, "Ida Tarbell", BackOfficePassword);
        }
        await Go(page, "/admin/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BackOfficePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Polls the page's address until it is the dashboard's. WaitForURL waits on a load state
        // once the address matches, and when the navigation had already committed that wait hung
        // (twice, in full runs). Checking a password is slow on purpose, and slower still while
        // the HTTP tests share the machine: the wait allows twice the usual time.
        await Assertions.Expect(page).ToHaveURLAsync(DashboardAddress(), new() { Timeout = 30_000 });
    }

    /// <summary>A published term with three revisions and a next version in draft, written by the editor service.</summary>
    private static async Task<int> TermWithHistoryAsync(SiteFixture site, bool publish = false)
    {
        await using var scope = site.Site.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<TermEditor>();
        var who = new StaffMember(null, "page-types@example.org", CanPublish: true);
        var created = await editor.CreateAsync(new TermContent
        {
            Title = $"Lapse notice {Guid.NewGuid():N}"[..20],
            Definition = "A letter saying a policy will end unless a payment arrives.",
            Examples = ["A renter misses one premium and gets a notice a week later."],
        }, "First draft", who, publish: true);
        var id = created.TermId!.Value;
        await EditAsStaffAsync(site, id, content => content with { Definition = "A letter warning that a policy ends unless the premium is paid in time." }, publish);
        await EditAsStaffAsync(site, id, content => content with { Misuse = "Sent too late to act on." }, publish);
        return id;
    }

    /// <summary>Saves a change to a term as another member of staff would, from elsewhere.</summary>
    private static async Task EditAsStaffAsync(SiteFixture site, int id, Func<TermContent, TermContent> change, bool publish = false)
    {
        await using var scope = site.Site.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<TermEditor>();
        var draft = (await editor.LoadAsync(id))!;
        var outcome = await editor.SaveAsync(id, draft.Term.Version, change(draft.Content), null, new StaffMember(null, "colleague@example.org", CanPublish: true), publish);
        Assert.True(outcome.Succeeded);
    }

    private static async Task Go(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    [System.Text.RegularExpressions.GeneratedRegex("/admin$")]
    private static partial System.Text.RegularExpressions.Regex DashboardAddress();
}
