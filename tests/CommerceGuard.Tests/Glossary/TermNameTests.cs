using CommerceGuard.Data;
using CommerceGuard.Tests.Admin;
using CommerceGuard.Tests.Admin.Terms;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Glossary;

/// <summary>
/// Every term's names (title and other names) are kept beside the skeleton they look like, so
/// that a save finds the names a new one could be mistaken for by an index: whoever wrote the
/// term, and however often it was renamed.
/// </summary>
public sealed class TermNameTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Fact]
    public async Task The_starter_glossary_comes_with_its_names()
    {
        var names = await NamesAsync("en", "hipaa");

        Assert.Equal(
            [("HIPAA", "hipaa"), ("Health Insurance Portability and Accountability Act", "health insurance portability and accountability act")],
            names);
    }

    [Fact]
    public async Task A_renamed_term_keeps_only_its_new_names()
    {
        var desk = await app.SignedInAsync("Editor");
        var id = await desk.CreateTermAsync("Name keeper", "Kept.", ("Form.Aliases", "Old other name"));

        var renamed = await desk.EditAsync(id, "Save", ("Form.Title", "Name holder"), ("Form.Aliases", "New other name"));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal([("Name holder", "name holder"), ("New other name", "new other name")], await NamesAsync("en", "name-keeper"));
    }

    [Fact]
    public async Task A_deleted_term_takes_its_names_with_it()
    {
        var desk = await app.SignedInAsync("Editor");
        var id = await desk.CreateTermAsync("Short lived", "Gone soon.", ("Form.Aliases", "Ephemeral"));

        await desk.EditAsync(id, "Delete", ("confirm", "true"));

        Assert.False(await app.WithDbAsync(db => db.TermNames.AnyAsync(name => name.Name == "Short lived" || name.Name == "Ephemeral")));
    }

    [Fact]
    public async Task A_term_put_in_around_the_editor_gets_its_names_when_the_database_is_brought_up_to_date()
    {
        await app.AddTermAsync("put-in-directly", "Put In Directly", term => term.Aliases = ["Ｄｉｒｅｃｔ"]);
        Assert.Empty(await NamesAsync("en", "put-in-directly"));

        await GlossaryDataSetup.MigrateAsync(app.Services, CancellationToken.None);

        Assert.Equal([("Put In Directly", "put in directly"), ("Ｄｉｒｅｃｔ", "direct")], await NamesAsync("en", "put-in-directly"));
    }

    /// <summary>A term's names with their skeletons, in ordinal order of the names.</summary>
    private Task<List<(string Name, string Skeleton)>> NamesAsync(string language, string slug) =>
        app.WithDbAsync(async db => (await db.TermNames
                .Where(name => name.Term!.Language == language && name.Term.Slug == slug)
                .Select(name => new { name.Name, name.Skeleton })
                .ToListAsync())
            .OrderBy(name => name.Name, StringComparer.Ordinal)
            .Select(name => (name.Name, name.Skeleton))
            .ToList());
}
