using System.ComponentModel;
using System.Globalization;
using CommerceGuard.Data;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.SiteLanguages;
using CommerceGuard.Features.Syndication;
using Microsoft.AspNetCore.Http.Json;
using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CommerceGuard.Features.Api.Editing;

/// <summary>
/// <c>/api/v1/editing/terms</c>: the back office's view of terms, for programs holding an API
/// key. Writes go through the <see cref="TermEditor"/>, so they are checked, kept as revisions
/// and audited exactly as the editor page's are, and a change must name the version it started
/// from in <c>If-Match</c>, so that it cannot silently overwrite someone else's.
/// </summary>
public static class TermEditingEndpoints
{
    public const string Path = "/editing/terms";

    /// <summary>The body's field that names a translation's original, as a problem names it.</summary>
    private const string TranslationOfField = "translationOf";

    /// <summary>A term's body is text; a megabyte is far more than any term needs.</summary>
    private const long MaxBodyBytes = 1_000_000;

    public static void MapTermEditing(this RouteGroupBuilder api)
    {
        var editing = api.MapGroup(Path).WithTags("Editing");
        editing.MapGet("", ListAsync).RequireAuthorization(ApiPolicies.Read).WithName("listEditableTerms")
            .WithSummary("List terms in any status")
            .WithDescription("Every term, whatever its status, in the order they were made; the status is the working text's. Needs the read scope.")
            .Produces<EditableTermListDto>().ProducesProblem(StatusCodes.Status400BadRequest);
        editing.MapGet("/{slug}", GetAsync).RequireAuthorization(ApiPolicies.Read).WithName("getEditableTerm")
            .WithSummary("Fetch a term as the back office sees it")
            .WithDescription("The text being worked on, in Markdown, whatever its status. Its ETag is what a change sends back in If-Match. Needs the read scope.")
            .Produces<EditableTermDto>().ProducesProblem(StatusCodes.Status404NotFound);
        editing.MapPost("", CreateAsync).RequireAuthorization(ApiPolicies.Write).WithName("createTerm")
            .WithSummary("Create a term")
            .WithDescription("Writes a new term as a draft, for review, or published (the publish scope), with its first revision. Needs the write scope.")
            .Accepts<TermInputDto>("application/json").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Produces<EditableTermDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        editing.MapPut("/{slug}", UpdateAsync).RequireAuthorization(ApiPolicies.Write).WithName("replaceTerm")
            .WithSummary("Replace what a term says")
            .WithDescription("Saves the whole text as the term's next revision; on a published term it is the next version, which readers see once it is published. Send the ETag you fetched in If-Match: a term changed since answers 412. Needs the write scope.")
            .Accepts<TermInputDto>("application/json").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Produces<EditableTermDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, GlossaryDb db, IOptions<JsonOptions> json,
        [Description("Only terms whose working text is draft, in-review, published or unpublished.")] string? status,
        [Description("The 'next' of the page before; leave it out for the first page.")] string? cursor,
        [Description("Terms a page, 1 to 100; 50 when left out.")] int? limit,
        [Description(ApiLanguage.Description)] string? language, OfferedLanguages offered,
        CancellationToken cancellationToken)
    {
        if (ApiCursor.PageProblem(limit, cursor, out var size, out var after) is { } problem)
        {
            return problem;
        }
        if (ApiLanguage.Problem(language, offered, out var code) is { } unwritten)
        {
            return unwritten;
        }
        var terms = db.Terms.AsNoTracking().Where(term => term.Language == code && term.Id > after);
        if (status is not null)
        {
            if (TermStatusNames.Parse(status) is not { } wanted)
            {
                return ApiProblems.Of(StatusCodes.Status400BadRequest, "There is no such status.", $"Use one of {string.Join(", ", TermStatusNames.All.Keys)}.");
            }
            terms = terms.Where(term => (term.PendingStatus ?? term.Status) == wanted);
        }
        var page = await terms.OrderBy(term => term.Id).Take(size + 1).ToListAsync(cancellationToken);
        var shown = page.Take(size).ToList();
        return ApiJson.Respond(http, json, new EditableTermListDto(
            [.. shown.Select(term => new EditableTermSummaryDto(
                term.Slug, term.Title, TermStatusNames.Of(TermWorkflow.WorkingStatus(term)), term.Status == TermStatus.Published, term.Version, Timestamps.UtcOffset(term.ModifiedAt)))],
            page.Count > size ? ApiCursor.Write(shown[^1].Id) : null), null);
    }

    private static async Task<IResult> GetAsync(
        [Description("The term's slug.")] string slug,
        [Description(ApiLanguage.Description)] string? language, OfferedLanguages offered,
        HttpContext http, GlossaryDb db, TermEditor editor, SiteAddress site, CancellationToken cancellationToken)
    {
        if (ApiLanguage.Problem(language, offered, out var code) is { } unwritten)
        {
            return unwritten;
        }
        var draft = await FindAsync(db, editor, slug, code, cancellationToken);
        if (draft is null)
        {
            return NoSuchTerm(slug);
        }
        var etag = ETagOf(draft.Term);
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            http.Response.GetTypedHeaders().ETag = etag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return await RespondAsync(http, db, site, draft, created: false, cancellationToken);
    }

    private static async Task<IResult> CreateAsync(
        [Description(ApiLanguage.Description)] string? language, OfferedLanguages offered,
        HttpContext http, GlossaryDb db, TermEditor editor, SiteAddress site, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (ApiLanguage.Problem(language, offered, out var code) is { } unwritten)
        {
            return unwritten;
        }
        var (input, problem) = await TermInput.ReadAsync(http, db, json.Value, current: null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var who = ApiPolicies.Writer(http.User);
        var publish = input!.Status == TermStatus.Published;
        EditOutcome outcome;
        if (code == Languages.Default)
        {
            outcome = input.TranslationOf is null
                ? await editor.CreateAsync(input.Content, input.Summary, who, publish, cancellationToken)
                : EditOutcome.Refused("An English term translates no other; leave translationOf out.", TranslationOfField);
        }
        else
        {
            // In another language a term is a translation: it names its English original.
            var original = input.TranslationOf is null ? null : await FindAsync(db, editor, input.TranslationOf, Languages.Default, cancellationToken);
            outcome = original is null
                ? EditOutcome.Refused($"A term in \"{code}\" translates an English one: name its slug in translationOf.", TranslationOfField)
                : await editor.CreateTranslationAsync(original.Term.Id, code, input.Content, input.Summary, who, publish, cancellationToken);
        }
        if (outcome.Succeeded && input.Status == TermStatus.InReview)
        {
            outcome = await MoveToAsync(editor, outcome.TermId!.Value, outcome, TermStatus.InReview, who, cancellationToken);
        }
        return await AnswerAsync(http, db, editor, site, outcome, created: true, cancellationToken);
    }

    private static async Task<IResult> UpdateAsync(
        [Description("The term's slug as it is now; the body may give it a new one.")] string slug,
        [Description(ApiLanguage.Description)] string? language, OfferedLanguages offered,
        HttpContext http, GlossaryDb db, TermEditor editor, SiteAddress site, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (ApiLanguage.Problem(language, offered, out var code) is { } unwritten)
        {
            return unwritten;
        }
        var ifMatch = http.Request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0 && http.Request.Headers.IfMatch.Count > 0)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "The If-Match header is not an ETag.",
                "Send the ETag exactly as the API gave it, quotes included, such as If-Match: \"12-3\".");
        }
        if (ifMatch.Count == 0)
        {
            return ApiProblems.Of(StatusCodes.Status428PreconditionRequired, "Say which version you changed.",
                "Send the ETag of the term as you fetched it in 'If-Match', so that a change made meanwhile is not overwritten.");
        }
        var draft = await FindAsync(db, editor, slug, code, cancellationToken);
        if (draft is null)
        {
            return NoSuchTerm(slug);
        }
        var current = ETagOf(draft.Term);
        if (!ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true)))
        {
            return NotCurrent(http, current);
        }
        var (input, problem) = await TermInput.ReadAsync(http, db, json.Value, draft, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var who = ApiPolicies.Writer(http.User);
        var id = draft.Term.Id;
        var outcome = await editor.SaveAsync(id, draft.Term.Version, input!.Content, input.Summary, who, input.Status == TermStatus.Published, cancellationToken);
        if (outcome.Succeeded && input.Status is TermStatus.Draft or TermStatus.InReview)
        {
            outcome = await MoveToAsync(editor, id, outcome, input.Status.Value, who, cancellationToken);
        }
        return await AnswerAsync(http, db, editor, site, outcome, created: false, cancellationToken);
    }

    /// <summary>
    /// Takes the saved term's working copy to the status the client asked for, a step at a time.
    /// The text is saved by then: if a step is refused (someone moved the term meanwhile), the
    /// answer is the saved term as it stands, whose status says where it got to.
    /// </summary>
    private static async Task<EditOutcome> MoveToAsync(
        TermEditor editor, int id, EditOutcome saved, TermStatus wanted, StaffMember who, CancellationToken cancellationToken)
    {
        var draft = await editor.LoadAsync(id, cancellationToken);
        if (draft is null)
        {
            return new EditOutcome { Missing = true };
        }
        WorkflowMove[] moves = (draft.WorkingStatus, wanted) switch
        {
            (TermStatus.InReview, TermStatus.Draft) => [WorkflowMove.Withdraw],
            (TermStatus.Unpublished, TermStatus.Draft) => [WorkflowMove.Redraft],
            (TermStatus.Draft, TermStatus.InReview) => [WorkflowMove.Submit],
            (TermStatus.Unpublished, TermStatus.InReview) => [WorkflowMove.Redraft, WorkflowMove.Submit],
            _ => [],
        };
        var outcome = saved;
        foreach (var move in moves)
        {
            var moved = await editor.MoveAsync(id, outcome.Version, move, who, cancellationToken);
            if (!moved.Succeeded)
            {
                break;
            }
            outcome = moved;
        }
        return outcome;
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext http, GlossaryDb db, TermEditor editor, SiteAddress site, EditOutcome outcome, bool created, CancellationToken cancellationToken)
    {
        if (outcome.Missing)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "The term is gone.", "It was deleted while the change was being made.");
        }
        if (outcome.Conflict is { } conflict)
        {
            return NotCurrent(http, new EntityTagHeaderValue(Quoted(outcome.TermId ?? 0, conflict.Version)));
        }
        if (!outcome.Succeeded)
        {
            return outcome.Problems.Keys.All(field => field == EditOutcome.General)
                ? ApiProblems.Of(StatusCodes.Status409Conflict, "The term cannot make that change now.", string.Join(" ", outcome.Problems.Values))
                : ApiProblems.Invalid(outcome.Problems);
        }
        var draft = await editor.LoadAsync(outcome.TermId!.Value, cancellationToken);
        return draft is null
            ? ApiProblems.Of(StatusCodes.Status404NotFound, "The term is gone.", "It was deleted just after the change was saved.")
            : await RespondAsync(http, db, site, draft, created, cancellationToken);
    }

    private static async Task<IResult> RespondAsync(
        HttpContext http, GlossaryDb db, SiteAddress site, TermDraft draft, bool created, CancellationToken cancellationToken)
    {
        var content = draft.Content;
        var categories = await db.Categories.Where(category => content.CategoryIds.Contains(category.Id))
            .OrderBy(category => category.DisplayOrder).Select(category => category.Slug).ToListAsync(cancellationToken);
        var term = draft.Term;
        var live = term.Status == TermStatus.Published;
        var original = term.TranslationOfId is { } originalId
            ? await db.Terms.Where(other => other.Id == originalId).Select(other => other.Slug).SingleOrDefaultAsync(cancellationToken)
            : null;
        var body = new EditableTermDto(
            term.Slug, term.Language, original, content.Title, TermStatusNames.Of(draft.WorkingStatus), live, term.Version, Timestamps.UtcOffset(term.ModifiedAt),
            live ? site.Of(SitePaths.For(term.Language).Term(term.Slug)) : null,
            content.Definition, content.Examples, content.Misuse, content.Benefits, content.Conclusion,
            content.RelatedSlugs, content.Aliases, categories, content.Sources, content.EditorNote, content.AutoLink);
        http.Response.GetTypedHeaders().ETag = ETagOf(term);
        http.Response.Headers.CacheControl = "no-store";
        var address = term.Language == Languages.Default ? $"/api/v1{Path}/{term.Slug}" : $"/api/v1{Path}/{term.Slug}?language={term.Language}";
        return created ? Results.Created(address, body) : Results.Ok(body);
    }

    private static async Task<TermDraft?> FindAsync(GlossaryDb db, TermEditor editor, string slug, string language, CancellationToken cancellationToken)
    {
        var id = await db.Terms.Where(term => term.Language == language && term.Slug == slug)
            .Select(term => (int?)term.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : await editor.LoadAsync(id.Value, cancellationToken);
    }

    /// <summary>The term's id and version: a deleted term's successor of the same slug never matches its old ETag.</summary>
    private static EntityTagHeaderValue ETagOf(Term term) => new(Quoted(term.Id, term.Version));

    private static string Quoted(int id, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{id}-{version}\"");

    private static IResult NotCurrent(HttpContext http, EntityTagHeaderValue current)
    {
        http.Response.GetTypedHeaders().ETag = current;
        return ApiProblems.Of(StatusCodes.Status412PreconditionFailed, "The term changed since you fetched it.",
            $"Its ETag is now {current.Tag}: fetch it again, make your change to what it says now, and send that ETag in 'If-Match'.");
    }

    private static IResult NoSuchTerm(string slug) =>
        ApiProblems.Of(StatusCodes.Status404NotFound, "There is no term with that slug.", $"No term answers to \"{slug}\" in any status.");
}
