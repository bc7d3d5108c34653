namespace CommerceGuard.Features.Glossary;

/// <summary>The workflow's states as the back office writes them.</summary>
public static class TermStatuses
{
    public static string Describe(TermStatus status) => status switch
    {
        TermStatus.Draft => "a draft",
        TermStatus.InReview => "in review",
        TermStatus.Published => "published",
        TermStatus.Retired => "retired",
        _ => "unpublished",
    };

    /// <summary>A label for lists and badges.</summary>
    public static string Label(TermStatus status) => status switch
    {
        TermStatus.Draft => "Draft",
        TermStatus.InReview => "In review",
        TermStatus.Published => "Published",
        TermStatus.Retired => "Retired",
        _ => "Unpublished",
    };
}
