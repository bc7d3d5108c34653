using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Glossary.Versions;

/// <summary>Edits a starter term through the one writer, as the back office does, for the version tests.</summary>
internal static class VersionEditing
{
    public static readonly StaffMember Editor = new(null, "editor@example.org", CanPublish: true);

    public static Task<int> IdOfAsync(this GlossaryApp app, string slug) =>
        app.WithDbAsync(db => db.Terms.Where(term => term.Slug == slug && term.Language == Languages.Default).Select(term => term.Id).SingleAsync());

    /// <summary>Saves a change to the term's working text, published or not, and says whether it was kept.</summary>
    public static async Task<EditOutcome> EditAsync(
        this GlossaryApp app, string slug, Func<TermContent, TermContent> change, string? summary = null, bool publish = true)
    {
        var id = await app.IdOfAsync(slug);
        await using var scope = app.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<TermEditor>();
        var draft = await editor.LoadAsync(id) ?? throw new InvalidOperationException($"No term {slug}.");
        var outcome = await editor.SaveAsync(id, draft.Term.Version, change(draft.Content), summary, Editor, publish);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Problems.Values));
        return outcome;
    }

    public static async Task MoveAsync(this GlossaryApp app, string slug, WorkflowMove move)
    {
        var id = await app.IdOfAsync(slug);
        await using var scope = app.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<TermEditor>();
        var version = await app.WithDbAsync(db => db.Terms.Where(term => term.Id == id).Select(term => term.Version).SingleAsync());
        var outcome = await editor.MoveAsync(id, version, move, Editor);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Problems.Values));
    }
}
