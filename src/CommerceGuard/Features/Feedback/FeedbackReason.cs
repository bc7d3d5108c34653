namespace CommerceGuard.Features.Feedback;

/// <summary>Why a reader answered No: what editors triage, and for "this happened to me", where to complain.</summary>
public enum FeedbackReason
{
    Confusing,
    Outdated,
    Wrong,
    MissingExample,
    HappenedToMe,
}

/// <summary>The reasons as forms and files spell them: "confusing", "missing-example", "happened-to-me"…</summary>
public static class FeedbackReasons
{
    public static readonly IReadOnlyDictionary<string, FeedbackReason> All = new Dictionary<string, FeedbackReason>
    {
        ["confusing"] = FeedbackReason.Confusing,
        ["outdated"] = FeedbackReason.Outdated,
        ["wrong"] = FeedbackReason.Wrong,
        ["missing-example"] = FeedbackReason.MissingExample,
        ["happened-to-me"] = FeedbackReason.HappenedToMe,
    };

    public static string Of(FeedbackReason reason) => All.Single(entry => entry.Value == reason).Key;

    /// <summary>The key of the reason's words in the site's text.</summary>
    public static string TextKey(FeedbackReason reason) => $"Feedback.Reason.{Of(reason)}";
}
