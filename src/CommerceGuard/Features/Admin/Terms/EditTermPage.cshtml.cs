using System.Globalization;
using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Operations;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin.Terms;

/// <summary>
/// Writes a term: the form, a preview that is the public page, the workflow's next steps, and,
/// when someone else saved first, both versions side by side to merge. Nothing on this page
/// writes except through the <see cref="TermEditor"/>.
/// </summary>
public sealed partial class EditTermPageModel(
    TermEditor editor, TermArticles articles, GlossaryDb db, TimeProvider time, OfferedLanguages offered, TermReadability readability,
    ILogger<EditTermPageModel> logger) : PageModel
{
    /// <summary>The header live previews ask with, to get the article alone.</summary>
    public const string PreviewHeader = "X-Term-Preview";

    [BindProperty]
    public TermForm Form { get; set; } = new();

    /// <summary>The term as stored; null while writing a new one.</summary>
    public TermDraft? Draft { get; private set; }

    public List<Category> AllCategories { get; private set; } = [];

    public Dictionary<string, string> Problems { get; private set; } = [];

    public EditConflict? Conflict { get; private set; }

    public TermArticle? Preview { get; private set; }

    /// <summary>The fields both writers changed, differently: what the writer must decide.</summary>
    public List<ConflictField> ConflictFields { get; } = [];

    /// <summary>The fields only the other writer changed, whose new text was put into the form.</summary>
    public List<string> TakenFromTheirs { get; } = [];

    [TempData]
    public string? Done { get; set; }

    /// <summary>Why the last change was refused, when the page is shown afresh after it.</summary>
    [TempData]
    public string? Refusal { get; set; }

    /// <summary>
    /// Tells the page's script what became of the last submission: <c>saved</c>, <c>received</c>
    /// (the server has it, but it was not saved) or <c>fresh</c> (a plain visit), so that a save
    /// interrupted by an expired session is completed once, after signing in again.
    /// </summary>
    public string FormState { get; private set; } = "fresh";

    public StaffMember Who => StaffMember.From(User);

    public IReadOnlyList<WorkflowMove> Moves => Draft is null ? [] : TermWorkflow.Available(Draft.Term, Who);

    public bool IsNew => Draft is null;

    // translationOf and language start a new translation: the term it translates, and its language.
    // title starts a new term with its title, as a reader suggested it.
    public async Task<IActionResult> OnGetAsync(string id, int? translationOf, string? language, string? title, CancellationToken cancellationToken)
    {
        (Form.TranslationOf, Form.Language) = (translationOf, language);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Draft is not null)
        {
            Form = TermForm.From(Draft.Content, Draft.Term.Version);
            Form.BaseRevision = Draft.Revision;
        }
        else if (Original is not null)
        {
            StartTranslation(Original);
        }
        else if (title is { Length: > 0 and <= TermConfiguration.TitleMaxLength })
        {
            Form.Title = title.Trim();
        }
        FormState = Done is null ? "fresh" : "saved";
        if (Refusal is not null)
        {
            Problems[EditOutcome.General] = Refusal;
        }
        await PreviewAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken) => SaveAsync(id, publish: false, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken) => SaveAsync(id, publish: true, cancellationToken);

    /// <summary>The preview: the article alone for the live preview's script, the whole page without one.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await PreviewAsync(cancellationToken);
        if (Request.Headers.ContainsKey(PreviewHeader))
        {
            return Preview is null ? new EmptyResult() : Partial("~/Features/Glossary/_TermArticle.cshtml", Preview);
        }
        return Received();
    }

    /// <summary>Adds, removes or moves an example, source or related term: the form's lists without a script.</summary>
    public async Task<IActionResult> OnPostListAsync(string id, string command, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        FormLists.Apply(Form, command);
        await PreviewAsync(cancellationToken);
        return Received();
    }

    /// <summary>A workflow step. Changes typed into the form are saved first, so the step applies to what the writer sees.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string id, WorkflowMove move, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Draft is null)
        {
            return NotFound();
        }
        if (move == WorkflowMove.Publish && ReadabilityWarning() is { } warning)
        {
            return await ShowAsync(EditOutcome.Refused(warning, ReadabilityField), cancellationToken);
        }
        var version = Form.Version;
        var typed = TermValidation.Tidied(Form.ToContent());
        if (typed.ChangedFrom(Draft.Content).Count > 0 && move != WorkflowMove.Discard)
        {
            var saved = await SaveFormAsync(publish: false, cancellationToken);
            if (!saved.Succeeded)
            {
                return await ShowAsync(saved, cancellationToken);
            }
            // The version this save made, not the one stored by now: a save landing in between is a conflict.
            version = saved.Version;
        }
        var outcome = await editor.MoveAsync(Draft.Term.Id, version, move, Who, cancellationToken);
        return outcome.Succeeded
            ? Saved(Draft.Term.Id, MoveDone(move))
            : await ShowAsync(outcome, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Draft is null)
        {
            return NotFound();
        }
        var outcome = await editor.DeleteAsync(Draft.Term.Id, Form.Version, Who, cancellationToken);
        if (!outcome.Succeeded)
        {
            // The delete form carries no text, so the editor is shown afresh with the reason.
            Refusal = outcome.Conflict is null
                ? string.Join(" ", outcome.Problems.Values)
                : "Someone changed this term since you opened it, so it was not deleted. Here it is as it stands now.";
            return RedirectToPage(new { id });
        }
        Done = $"\"{Draft.Term.Title}\" is deleted, with its history.";
        return RedirectToPage("TermsPage");
    }

    /// <summary>Retires the published term, naming its replacement or none; the editor is shown afresh with the outcome.</summary>
    public async Task<IActionResult> OnPostRetireAsync(string id, string? replacement, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Draft is null)
        {
            return NotFound();
        }
        var outcome = await editor.RetireAsync(Draft.Term.Id, Form.Version, replacement, Who, cancellationToken);
        if (!outcome.Succeeded)
        {
            Refusal = outcome.Conflict is null
                ? string.Join(" ", outcome.Problems.Values)
                : "Someone changed this term since you opened it, so it was not retired. Here it is as it stands now.";
            return RedirectToPage(new { id });
        }
        return Saved(Draft.Term.Id, "Retired: its page says so and points to its replacement; lists and search leave it out.");
    }

    /// <summary>Where the readability panel is, for the link from a refusal's summary.</summary>
    public const string ReadabilityField = "readability";

    /// <summary>How hard each part of the text in the form is to read; empty for a language the formula is not for.</summary>
    public IReadOnlyList<SectionReadability> ReadabilityParts =>
        TermReadability.Applies(Language) ? readability.Of(TermValidation.Tidied(Form.ToContent())) : [];

    public double WarnAboveGrade => readability.WarnAboveGrade;

    /// <summary>Why publishing the form's text waits for a confirmation: parts above the warning grade. Null when none is, or confirmed.</summary>
    private string? ReadabilityWarning()
    {
        // Only those who may publish are asked; others are refused for that reason first.
        if (Form.PublishAnyway || !Who.CanPublish || !TermReadability.Applies(Language))
        {
            return null;
        }
        var above = ReadabilityParts.Where(part => part.AboveLimit).ToList();
        return above.Count == 0 ? null : readability.Warning(above);
    }

    private async Task<IActionResult> SaveAsync(string id, bool publish, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = publish && ReadabilityWarning() is { } warning
            ? EditOutcome.Refused(warning, ReadabilityField)
            : await SaveFormAsync(publish, cancellationToken);
        if (outcome.Succeeded)
        {
            var done = publish ? "Saved and published: readers see it now." : Draft?.Term.Status == TermStatus.Published
                ? "Saved as the next version. Readers see the published text until it is published."
                : "Saved.";
            return Saved(outcome.TermId!.Value, done);
        }
        return await ShowAsync(outcome, cancellationToken);
    }

    private async Task<EditOutcome> SaveFormAsync(bool publish, CancellationToken cancellationToken)
    {
        var dateProblems = Form.DateProblems().ToList();
        if (dateProblems.Count > 0)
        {
            return EditOutcome.Refused(dateProblems[0], TermFields.Sources);
        }
        var content = Form.ToContent();
        var saved = await UnlessOutOfSpaceAsync(() =>
            Draft is not null ? editor.SaveAsync(Draft.Term.Id, Form.Version, content, Form.Summary, Who, publish, cancellationToken)
            : Form.TranslationOf is { } original ? editor.CreateTranslationAsync(original, Form.Language ?? "", content, Form.Summary, Who, publish, cancellationToken)
            : editor.CreateAsync(content, Form.Summary, Who, publish, cancellationToken));
        if (Draft is null)
        {
            return saved;
        }
        // Brought in step with the original: recorded once the text it says so of is saved where
        // readers see it, not while it waits as a published term's next version.
        var seen = publish || Draft.Term.Status != TermStatus.Published;
        return saved.Succeeded && Form.InStep && seen && Draft.Term.TranslationOfId is not null
            ? await editor.MarkInStepAsync(Draft.Term.Id, saved.Version, cancellationToken)
            : saved;
    }

    /// <summary>
    /// A save the database had no room for was undone whole, and reads still work: the writer
    /// gets the form back as typed, told that nothing was saved, rather than an error page.
    /// </summary>
    private async Task<EditOutcome> UnlessOutOfSpaceAsync(Func<Task<EditOutcome>> save)
    {
        try
        {
            return await save();
        }
        catch (Exception error) when (DatabaseOutage.IsOutOfSpace(error))
        {
            LogOutOfSpace(error);
            db.ChangeTracker.Clear();
            return EditOutcome.Refused("The database is out of space, so nothing was saved. Your text is still here: save it again once there is room.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database is out of space: a term's save was refused and nothing was saved")]
    private partial void LogOutOfSpace(Exception error);

    /// <summary>The page again with what stopped the change; the writer's text is kept in the form.</summary>
    private async Task<IActionResult> ShowAsync(EditOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Missing)
        {
            return NotFound();
        }
        Problems = new Dictionary<string, string>(outcome.Problems);
        if (outcome.Conflict is { } conflict)
        {
            await MergeAsync(conflict, cancellationToken);
        }
        await PreviewAsync(cancellationToken);
        return Received();
    }

    /// <summary>
    /// Compares both versions with the one the writer started from: a field only they changed
    /// takes their text, a field only the writer changed keeps the writer's, and a field both
    /// changed is shown side by side for the writer to settle. The next save is made knowing
    /// their version, so it is the merge.
    /// </summary>
    private async Task MergeAsync(EditConflict conflict, CancellationToken cancellationToken)
    {
        Conflict = conflict;
        var id = Draft!.Term.Id;
        var names = AllCategories.ToDictionary(category => category.Id, category => category.Name);
        var mine = TermValidation.Tidied(Form.ToContent());
        var start = Form.BaseRevision is { } number ? await editor.RevisionAsync(id, number, cancellationToken) : null;
        foreach (var field in TermFields.All)
        {
            var (theirs, ours) = (TermFields.Text(conflict.Theirs, field, names), TermFields.Text(mine, field, names));
            var original = start is null ? null : TermFields.Text(start, field, names);
            if (theirs == ours || theirs == original)
            {
                continue;
            }
            if (ours == original)
            {
                Form.Take(field, conflict.Theirs);
                TakenFromTheirs.Add(field);
            }
            else
            {
                ConflictFields.Add(new ConflictField(field, theirs, ours));
            }
        }
        Draft = await editor.LoadAsync(id, cancellationToken);
        (Form.Version, Form.BaseRevision) = (conflict.Version, Draft?.Revision);
    }

    private PageResult Received()
    {
        FormState = "received";
        return Page();
    }

    private RedirectToPageResult Saved(int termId, string done)
    {
        Done = done;
        return RedirectToPage(new { id = termId.ToString(CultureInfo.InvariantCulture) });
    }

    /// <returns>False when the address names no term.</returns>
    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        AllCategories = await db.Categories.AsNoTracking()
            .OrderBy(category => category.DisplayOrder).ThenBy(category => category.Name).ToListAsync(cancellationToken);
        if (id == "new")
        {
            return Form.TranslationOf is null || await LoadLanguagesAsync(cancellationToken);
        }
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var termId))
        {
            return false;
        }
        Draft = await editor.LoadAsync(termId, cancellationToken);
        if (Draft is null)
        {
            return false;
        }
        await LoadLanguagesAsync(cancellationToken);
        return true;
    }

    /// <summary>The form's content as readers would see it, through the public page's own pipeline.</summary>
    private async Task PreviewAsync(CancellationToken cancellationToken)
    {
        var content = TermValidation.Tidied(Form.ToContent());
        var term = new Term
        {
            Id = Draft?.Term.Id ?? 0,
            Title = content.Title,
            Slug = Slug.IsValid(content.Slug) ? content.Slug : "preview",
            Language = Language,
            ModifiedAt = time.GetUtcNow().UtcDateTime,
        };
        content.ApplyTo(term, AllCategories);
        term.RelatedSlugs = [.. content.RelatedSlugs.Select(related => Slug.IsValid(related) ? related : Slug.FromTitle(related))
            .Where(Slug.IsValid)];
        Preview = await articles.BuildAsync(term, cancellationToken);
    }

    private static string MoveDone(WorkflowMove move) => move switch
    {
        WorkflowMove.Submit => "Submitted for review.",
        WorkflowMove.Withdraw => "Taken back from review.",
        WorkflowMove.Publish => "Published: readers see it now.",
        WorkflowMove.Unpublish => "Unpublished: readers no longer see it.",
        WorkflowMove.Redraft => "Back to draft.",
        WorkflowMove.Reinstate => "Reinstated: readers see it in lists and search again.",
        _ => "The next version is discarded; it stays in the history.",
    };
}
