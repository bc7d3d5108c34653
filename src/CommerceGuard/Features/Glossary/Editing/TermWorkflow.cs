namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>A step of the editorial workflow.</summary>
public enum WorkflowMove
{
    /// <summary>Ask for review: Draft → In review.</summary>
    Submit,

    /// <summary>Take back for more work: In review → Draft.</summary>
    Withdraw,

    /// <summary>Show readers: Draft, In review or Unpublished → Published. Editors only.</summary>
    Publish,

    /// <summary>Stop showing readers: Published → Unpublished. Editors only.</summary>
    Unpublish,

    /// <summary>Start again on an unpublished term: Unpublished → Draft.</summary>
    Redraft,

    /// <summary>Drop the next version of a published term; it stays in the history.</summary>
    Discard,

    /// <summary>Bring a retired term back: Retired → Published. Editors only. (Retiring names a replacement, so it has a form of its own.)</summary>
    Reinstate,
}

/// <summary>
/// Which moves are legal from where, and for whom. Authors change only what readers do not see
/// and ask for review; Editors decide what readers see. A published term's next version moves
/// through Draft and In review on its own while the published text stays up.
/// </summary>
public static class TermWorkflow
{
    /// <summary>The state the term's working copy is in: its next version's if it has one.</summary>
    public static TermStatus WorkingStatus(Term term) => term.PendingStatus ?? term.Status;

    public static bool NeedsEditor(WorkflowMove move) => move is WorkflowMove.Publish or WorkflowMove.Unpublish or WorkflowMove.Reinstate;

    /// <summary>Whether <paramref name="move"/> can be made from where the term stands.</summary>
    public static bool IsLegal(Term term, WorkflowMove move)
    {
        var hasNext = term.PendingRevision is not null;
        return move switch
        {
            WorkflowMove.Submit => WorkingStatus(term) == TermStatus.Draft,
            WorkflowMove.Withdraw => WorkingStatus(term) == TermStatus.InReview,
            WorkflowMove.Publish => hasNext || term.Status is TermStatus.Draft or TermStatus.InReview or TermStatus.Unpublished,
            WorkflowMove.Unpublish => term.Status == TermStatus.Published,
            WorkflowMove.Redraft => term.Status == TermStatus.Unpublished,
            WorkflowMove.Discard => hasNext,
            WorkflowMove.Reinstate => term.Status == TermStatus.Retired,
            _ => false,
        };
    }

    /// <summary>The moves a member of staff may make now, in the order the editor page offers them.</summary>
    public static IReadOnlyList<WorkflowMove> Available(Term term, StaffMember who) =>
        [.. Enum.GetValues<WorkflowMove>().Where(move => IsLegal(term, move) && (who.CanPublish || !NeedsEditor(move)))];
}
