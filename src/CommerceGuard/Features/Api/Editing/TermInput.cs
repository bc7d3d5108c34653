using CommerceGuard.Data;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Api.Editing;

/// <summary>
/// A term's text as a program sent it, checked for what the editor cannot check (the JSON's
/// shape, categories by slug, the status asked for and the key's right to it) and made into the
/// editor's <see cref="TermContent"/>.
/// </summary>
public sealed record TermInput(TermContent Content, string? Summary, TermStatus? Status, string? TranslationOf = null)
{
    /// <summary>Reads the body; <paramref name="current"/> is the term a PUT replaces, or null for a new one.</summary>
    public static async Task<(TermInput? Input, IResult? Problem)> ReadAsync(
        HttpContext http, GlossaryDb db, JsonOptions json, TermDraft? current, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<TermInputDto>(http.Request, json, cancellationToken);
        if (body is null)
        {
            return (null, problem);
        }
        var problems = ShapeProblems(body);
        var status = StatusAsked(body.Status, current, CanPublish(http), problems);
        var slugs = body.Categories ?? [];
        var categories = await db.Categories.Where(category => slugs.Contains(category.Slug))
            .Select(category => new { category.Slug, category.Id }).ToListAsync(cancellationToken);
        if (slugs.Except(categories.Select(category => category.Slug)).ToList() is { Count: > 0 } unknown)
        {
            problems.TryAdd(TermFields.Categories, $"There is no category {string.Join(", ", unknown.Select(slug => $"\"{slug}\""))}.");
        }
        if (problems.Count > 0)
        {
            return (null, ApiProblems.Invalid(problems));
        }
        if (status == TermStatus.Published && !CanPublish(http))
        {
            return (null, ApiProblems.Of(StatusCodes.Status403Forbidden, "This key's scope does not allow publishing.",
                "Save the term as a draft or for review, or ask an Admin for a key with the publish scope."));
        }
        var content = new TermContent
        {
            Title = body.Title ?? "",
            // Left out of a PUT, the slug and automatic linking stay as they are: a renamed
            // address, or a term linked everywhere, should never be an accident.
            Slug = body.Slug ?? current?.Content.Slug ?? "",
            Definition = body.Definition ?? "",
            Examples = body.Examples ?? [],
            Misuse = body.Misuse,
            Benefits = body.Benefits,
            Conclusion = body.Conclusion,
            RelatedSlugs = body.Related ?? [],
            Aliases = body.Aliases ?? [],
            CategoryIds = [.. categories.Select(category => category.Id)],
            Sources = body.Sources ?? [],
            EditorNote = body.EditorNote,
            AutoLink = body.AutoLink ?? current?.Content.AutoLink ?? true,
        };
        return (new TermInput(content, body.Summary, status, body.TranslationOf), null);
    }

    private static bool CanPublish(HttpContext http) => http.User.HasClaim(ApiPolicies.ScopeClaim, nameof(ApiScope.Publish));

    /// <summary>JSON allows null where a list holds text, and the editor expects none: each such list is named.</summary>
    private static Dictionary<string, string> ShapeProblems(TermInputDto body)
    {
        var problems = new Dictionary<string, string>();
        void NoNulls(IReadOnlyList<string>? list, string field)
        {
            if (list?.Any(item => item is null) == true)
            {
                problems[field] = $"The {TermFields.Label(field)} list holds a null; give text, or leave the item out.";
            }
        }
        NoNulls(body.Examples, TermFields.Examples);
        NoNulls(body.Related, TermFields.Related);
        NoNulls(body.Aliases, TermFields.Aliases);
        NoNulls(body.Categories, TermFields.Categories);
        if (body.Sources?.Any(source => source is null || string.IsNullOrWhiteSpace(source.Title)) == true)
        {
            problems[TermFields.Sources] = "Every source needs a title.";
        }
        return problems;
    }

    /// <summary>
    /// The status to move to, or null to leave it. Asking for the status the term is in already
    /// changes nothing, so a body fetched, edited and sent back does what its text says, except
    /// that a key that may publish, asking for "published", publishes its change.
    /// </summary>
    private static TermStatus? StatusAsked(string? name, TermDraft? current, bool canPublish, Dictionary<string, string> problems)
    {
        if (name is null)
        {
            return null;
        }
        var asked = TermStatusNames.Parse(name);
        var working = current?.WorkingStatus;
        if (asked is not null && asked == working && !(asked == TermStatus.Published && canPublish))
        {
            return null;
        }
        if (asked is null or TermStatus.Unpublished or TermStatus.Retired)
        {
            // Unpublishing and retiring are an Editor's decisions in the back office, not a field to set.
            problems["status"] = "Use draft, in-review or published for the status.";
            return null;
        }
        return asked;
    }
}
