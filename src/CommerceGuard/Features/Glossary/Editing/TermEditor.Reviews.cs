using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Glossary.Reviews;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>A review as its form gives it: the name and disclosure readers see, and a note for editors.</summary>
public sealed record ReviewInput(string? ReviewerName, string? Disclosure, string? Note);

public sealed partial class TermEditor
{
    public const string ReviewerField = "reviewer";
    public const string DisclosureField = "disclosure";
    public const string NoteField = "note";

    /// <summary>
    /// Records that an editor reviewed the term as readers see it at <paramref name="version"/>.
    /// The text is not changed, so neither is "Last Modified" nor the version editors work from;
    /// a review of text that has changed since the reviewer read it is refused.
    /// </summary>
    public async Task<EditOutcome> ReviewAsync(int id, int version, ReviewInput input, StaffMember who, CancellationToken cancellationToken = default)
    {
        var term = await TrackedAsync(id, cancellationToken);
        if (term is null)
        {
            return new EditOutcome { Missing = true };
        }
        if (!who.CanPublish)
        {
            return EditOutcome.Refused("Only Editors and Admins can review terms.");
        }
        if (term.Version != version)
        {
            return EditOutcome.Refused("The term has changed since you opened it; read it again before marking it reviewed.");
        }
        if (term.Status != TermStatus.Published)
        {
            return EditOutcome.Refused("Only a term readers can see is reviewed: publish it first.");
        }
        var (name, disclosure, note) = (TermValidation.Blank(input.ReviewerName), TermValidation.Blank(input.Disclosure), TermValidation.Blank(input.Note));
        var problems = ReviewProblems(name, disclosure, note);
        if (problems.Count > 0)
        {
            return new EditOutcome { TermId = id, Problems = problems };
        }
        var now = Now;
        (term.ReviewedAt, term.ReviewedBy, term.ReviewerDisclosure) = (now, name, disclosure);
        db.TermReviews.Add(new TermReview
        {
            TermId = id, At = now, AccountId = who.AccountId, ReviewerName = name!, Disclosure = disclosure!, Note = note,
        });
        audit.Add(AuditActions.TermReviewed, term.Slug, $"{term.Title}, by {name}");
        return await CommitAsync(term, version, cancellationToken);
    }

    private static Dictionary<string, string> ReviewProblems(string? name, string? disclosure, string? note)
    {
        var problems = new Dictionary<string, string>();
        if (name is null || name.Length > TermReview.ReviewerMaxLength)
        {
            problems[ReviewerField] = $"Give the name readers will see as the reviewer's, up to {TermReview.ReviewerMaxLength} characters.";
        }
        if (disclosure is null || disclosure.Length > TermReview.DisclosureMaxLength)
        {
            problems[DisclosureField] = $"Tell readers who reviewed it in up to {TermReview.DisclosureMaxLength} characters: your expertise, and any ties relevant to this term, or that you have none.";
        }
        if (note?.Length > TermReview.NoteMaxLength)
        {
            problems[NoteField] = $"Keep the note to {TermReview.NoteMaxLength} characters.";
        }
        return problems;
    }
}
