namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>What became of a change asked of the <see cref="TermEditor"/>.</summary>
public sealed record EditOutcome
{
    /// <summary>The key of a problem that belongs to no one field.</summary>
    public const string General = "";

    public int? TermId { get; init; }

    /// <summary>The term's version after the change, for a next change to start from.</summary>
    public int Version { get; init; }

    /// <summary>What stopped the change, by <see cref="TermFields"/> name (or <see cref="General"/>).</summary>
    public IReadOnlyDictionary<string, string> Problems { get; init; } = new Dictionary<string, string>();

    /// <summary>Set when someone else saved the term since the change began.</summary>
    public EditConflict? Conflict { get; init; }

    /// <summary>The term (or revision) asked for does not exist.</summary>
    public bool Missing { get; init; }

    public bool Succeeded => Problems.Count == 0 && Conflict is null && !Missing;

    public static EditOutcome Done(int termId, int version) => new() { TermId = termId, Version = version };

    public static EditOutcome Refused(string message, string field = General) =>
        new() { Problems = new Dictionary<string, string> { [field] = message } };
}

/// <summary>The term as someone else saved it, for the writer to merge their change into.</summary>
public sealed record EditConflict(TermContent Theirs, int Version, string? SavedBy, DateTime? SavedAt);

/// <summary>A term as the editor opens it: the term as stored, and the content being worked on.</summary>
public sealed record TermDraft(Term Term, TermContent Content)
{
    /// <summary>The revision holding <see cref="Content"/>, which a later conflict compares both sides with; null when it has none.</summary>
    public int? Revision => Term.PendingRevision ?? Term.ContentRevision;

    public TermStatus WorkingStatus => TermWorkflow.WorkingStatus(Term);

    /// <summary>A published term whose next version is being written.</summary>
    public bool HasNextVersion => Term.PendingRevision is not null;
}
