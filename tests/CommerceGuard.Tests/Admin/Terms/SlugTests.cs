using CommerceGuard.Features.SiteLanguages;
using System.Globalization;
using System.Net;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Glossary;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin.Terms;

/// <summary>A term's slug can change; its old address keeps answering.</summary>
public sealed class SlugTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly SitePaths English = SitePaths.For(Languages.Default);

    private Task<Term> StoredAsync(string id) =>
        app.WithDbAsync(db => db.Terms.AsNoTracking().SingleAsync(term => term.Id == int.Parse(id, CultureInfo.InvariantCulture)));

    private async Task<HttpResponseMessage> VisitAsync(string slug) =>
        await app.Browser().GetAsync(new Uri(English.Term(slug), UriKind.Relative));

    [Fact]
    public async Task A_renamed_term_answers_its_old_address_with_a_permanent_redirect()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var old = $"prior-auth-{Guid.NewGuid():N}"[..20];
        var id = await editor.CreateTermAsync("Prior auth", "Permission before care.", ("Form.Slug", old));
        await editor.EditAsync(id, "Publish");

        await editor.EditAsync(id, "Publish", ("Form.Slug", old + "-renamed"));
        var response = await VisitAsync(old);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(English.Term(old + "-renamed"), StaffSessions.PathOf(response.Headers.Location));
        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(old + "-renamed")).StatusCode);
    }

    [Fact]
    public async Task A_slug_changed_in_a_next_version_moves_only_when_it_is_published()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var old = $"step-therapy-{Guid.NewGuid():N}"[..22];
        var id = await editor.CreateTermAsync("Step therapy", "Cheaper drugs first.", ("Form.Slug", old));
        await editor.EditAsync(id, "Publish");

        await editor.EditAsync(id, "Save", ("Form.Slug", old + "-x"));
        var beforePublishing = await VisitAsync(old);
        await editor.MoveAsync(id, "Publish");
        var afterPublishing = await VisitAsync(old);

        Assert.Equal(HttpStatusCode.OK, beforePublishing.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, afterPublishing.StatusCode);
    }

    [Fact]
    public async Task A_new_term_may_take_a_former_slug_and_then_it_answers_there()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var slug = $"copay-{Guid.NewGuid():N}"[..16];
        var first = await editor.CreateTermAsync("Copay", "A fixed share.", ("Form.Slug", slug));
        await editor.EditAsync(first, "Publish", ("Form.Slug", slug + "-fixed"));

        var second = await editor.CreateTermAsync("Copay (new)", "Another meaning.", ("Form.Slug", slug));
        await editor.MoveAsync(second, "Publish");
        var page = await app.Browser().GetPageAsync(English.Term(slug));

        Assert.Equal("Copay (new)", page.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task A_slug_another_term_holds_is_refused_and_a_bad_one_explained()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var slug = $"deductible-{Guid.NewGuid():N}"[..20];
        await editor.CreateTermAsync("Deductible", "What you pay first.", ("Form.Slug", slug));
        var other = await editor.CreateTermAsync("Deductible two", "Another.");

        var taken = await TermDesk.ShownAsync(await editor.EditAsync(other, "Save", ("Form.Slug", slug)));
        var bad = await TermDesk.ShownAsync(await editor.EditAsync(other, "Save", ("Form.Slug", "Not A Slug!")));

        Assert.Contains("The term \"Deductible\" already has the slug", taken.QuerySelector("#problem-slug")!.Text(), StringComparison.Ordinal);
        Assert.Contains("lower-case letters, digits and single hyphens", bad.QuerySelector("#problem-slug")!.Text(), StringComparison.Ordinal);
        Assert.Equal("deductible-two", (await StoredAsync(other)).Slug);
    }

    [Fact]
    public async Task A_draft_cannot_take_over_a_published_terms_old_address_until_it_is_published()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var old = $"roth-{Guid.NewGuid():N}"[..14];
        var published = await editor.CreateTermAsync("Roth account", "Taxed now, not later.", ("Form.Slug", old));
        await editor.MoveAsync(published, "Publish");
        await editor.EditAsync(published, "Publish", ("Form.Slug", old + "-ira"));

        var draft = await editor.CreateTermAsync("Roth rollover", "Moving money in.", ("Form.Slug", old));
        var whileDraft = await VisitAsync(old);
        await editor.EditAsync(draft, "Save", ("Form.Slug", old + "-rollover"));
        var afterDraftRenamed = await VisitAsync(old);

        Assert.Equal(HttpStatusCode.MovedPermanently, whileDraft.StatusCode);
        Assert.Equal(English.Term(old + "-ira"), StaffSessions.PathOf(afterDraftRenamed.Headers.Location));
    }
}
