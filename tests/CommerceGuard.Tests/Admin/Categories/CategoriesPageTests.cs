using CommerceGuard.Features.SiteLanguages;
using System.Globalization;
using System.Net;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Tests.Admin.Terms;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Categories;

/// <summary>Editors keep the categories: create, rename with a redirect, reorder, describe, delete only when empty.</summary>
public sealed class CategoriesPageTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly SitePaths English = SitePaths.For(Languages.Default);

    private const string Page = "/admin/categories";

    private static Task<HttpResponseMessage> PostAsync(HttpClient desk, string handler, params (string Name, string Value)[] fields) =>
        desk.SubmitToAsync(Page, $"{Page}?handler={handler}", fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));

    private Task<Category> FindAsync(string slug) =>
        app.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(category => category.Slug == slug));

    [Fact]
    public async Task An_editor_adds_a_category_and_it_joins_the_site_navigation_last()
    {
        var editor = await app.SignedInAsync(Roles.Editor);

        var response = await PostAsync(editor, "Create", ("name", "Housing Rights"), ("description", "Leases, deposits, evictions."));
        var home = await app.Browser().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Leases, deposits, evictions.", (await FindAsync("housing-rights")).Description);
        Assert.Equal("Housing Rights", home.QuerySelectorAll(".category-nav a")[^1].Text());
    }

    [Fact]
    public async Task An_editor_names_a_category_in_spanish_and_spanish_readers_see_it_there()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        await PostAsync(editor, "Create", ("name", "Tenant Rights"), ("description", "Leases and deposits."));
        var id = (await FindAsync("tenant-rights")).Id.ToString(CultureInfo.InvariantCulture);

        var saved = await PostAsync(editor, "Translate", ("id", id), ("language", "es"), ("name", "Derechos del inquilino"), ("description", "Contratos y depósitos."));
        var home = await app.Browser().GetPageAsync("/es");
        var page = await app.Browser().GetPageAsync("/es/glosario/categoria/derechos-del-inquilino");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Derechos del inquilino", home.QuerySelectorAll(".category-nav a").Select(link => link.Text()));
        Assert.Equal("Contratos y depósitos.", page.QuerySelector(".lead")!.Text());
        Assert.Equal("/glossary/category/tenant-rights", page.QuerySelector(".language-nav a[hreflang=en]")!.GetAttribute("href"));

        // Without a name it is out of Spanish again.
        await PostAsync(editor, "Translate", ("id", id), ("language", "es"), ("name", ""));
        await app.Browser().GetPageAsync("/es/glosario/categoria/derechos-del-inquilino", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_spanish_name_needs_a_slug_no_other_category_has_in_spanish_and_a_language_the_site_offers()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var insurance = (await FindAsync("insurance")).Id.ToString(CultureInfo.InvariantCulture);
        var finance = (await FindAsync("finance")).Id.ToString(CultureInfo.InvariantCulture);

        var taken = await TermDesk.ShownAsync(await PostAsync(editor, "Translate", ("id", finance), ("language", "es"), ("name", "Otra"), ("slug", "seguros")));
        var unknown = await PostAsync(editor, "Translate", ("id", insurance), ("language", "xx"), ("name", "Nope"));

        Assert.Contains("Another category already has the slug \"seguros\" in this language.", taken.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("finanzas", (await app.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(category => category.Slug == "finance"))).Translations.Single().Slug);
    }

    [Fact]
    public async Task A_renamed_category_answers_its_old_address_with_a_permanent_redirect()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        await PostAsync(editor, "Create", ("name", "Gig Work"));
        var category = await FindAsync("gig-work");

        await PostAsync(editor, "Update", ("id", category.Id.ToString(CultureInfo.InvariantCulture)), ("name", "Platform Work"), ("slug", "platform-work"), ("description", ""));
        var old = await app.Browser().GetAsync(new Uri(English.Category("gig-work"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(English.Category("platform-work"), StaffSessions.PathOf(old.Headers.Location));
    }

    [Fact]
    public async Task Moving_a_category_up_swaps_it_with_the_one_before()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var before = await app.WithDbAsync(db => db.Categories.OrderBy(category => category.DisplayOrder).Select(category => category.Slug).ToListAsync());

        await PostAsync(editor, "Move", ("id", (await FindAsync(before[1])).Id.ToString(CultureInfo.InvariantCulture)), ("steps", "-1"));
        var after = await app.WithDbAsync(db => db.Categories.OrderBy(category => category.DisplayOrder).Select(category => category.Slug).ToListAsync());

        Assert.Equal([before[1], before[0], .. before.Skip(2)], after);
    }

    [Fact]
    public async Task Deleting_a_category_with_terms_is_refused_with_their_list()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var withTerms = await app.WithDbAsync(db => db.Categories.Where(category => category.Terms.Count > 0)
            .Select(category => new { category.Id, Count = category.Terms.Count }).FirstAsync());

        var page = await Pages.ParseAsync(await PostAsync(editor, "Delete", ("id", withTerms.Id.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(withTerms.Count, page.QuerySelectorAll(".terms-in-the-way li").Length);
        Assert.True(await app.WithDbAsync(db => db.Categories.AnyAsync(category => category.Id == withTerms.Id)));
    }

    [Fact]
    public async Task An_empty_category_is_deleted_and_the_deletion_audited()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        await PostAsync(editor, "Create", ("name", "Short Lived"));

        await PostAsync(editor, "Delete", ("id", (await FindAsync("short-lived")).Id.ToString(CultureInfo.InvariantCulture)));

        Assert.False(await app.WithDbAsync(db => db.Categories.AnyAsync(category => category.Slug == "short-lived")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(entry => entry.Action == AuditActions.CategoryDeleted && entry.Subject == "short-lived")));
    }

    [Fact]
    public async Task A_name_missing_or_a_slug_taken_is_explained()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var taken = await app.WithDbAsync(db => db.Categories.Select(category => category.Slug).FirstAsync());

        var noName = await Pages.ParseAsync(await PostAsync(editor, "Create", ("name", " ")));
        var takenSlug = await Pages.ParseAsync(await PostAsync(editor, "Create", ("name", "Copy"), ("slug", taken)));

        Assert.Contains("Give the category a name", noName.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Contains($"already has the slug \"{taken}\"", takenSlug.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authors_cannot_manage_categories()
    {
        var author = await app.SignedInAsync(Roles.Author);

        var response = await author.GetAsync(new Uri(Page, UriKind.Relative));

        Assert.StartsWith("/admin/denied", StaffSessions.PathOf(response.Headers.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_that_a_next_version_puts_a_term_in_is_not_deleted()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        await PostAsync(editor, "Create", ("name", "Waiting Room"));
        var category = await FindAsync("waiting-room");
        var id = await editor.CreateTermAsync("Queued term", "A definition.");
        await editor.MoveAsync(id, "Publish");
        await editor.EditAsync(id, "Save", ("Form.CategoryIds", category.Id.ToString(CultureInfo.InvariantCulture)));

        var page = await Pages.ParseAsync(await PostAsync(editor, "Delete", ("id", category.Id.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(["Queued term"], page.QuerySelectorAll(".terms-in-the-way li").Select(item => item.Text()));
        Assert.True(await app.WithDbAsync(db => db.Categories.AnyAsync(stored => stored.Id == category.Id)));
    }
}
