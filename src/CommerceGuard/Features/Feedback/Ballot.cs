namespace CommerceGuard.Features.Feedback;

/// <summary>A vote as posted: the answer, the reason and comment that may follow a No, or what is wrong with it.</summary>
internal sealed record Ballot(bool Helpful, FeedbackReason? Reason, string? Comment, string? Problem)
{
    public static Ballot Read(IFormCollection form)
    {
        bool helpful;
        switch (form["helpful"].ToString())
        {
            case "yes": helpful = true; break;
            case "no": helpful = false; break;
            default: return new Ballot(false, null, null, "'helpful' must be 'yes' or 'no'.");
        }
        FeedbackReason? reason = null;
        var reasonName = form["reason"].ToString().Trim();
        if (reasonName.Length > 0)
        {
            if (!FeedbackReasons.All.TryGetValue(reasonName, out var known))
            {
                return new Ballot(helpful, null, null, $"'reason' must be one of: {string.Join(", ", FeedbackReasons.All.Keys)}.");
            }
            reason = known;
        }
        // Browsers send a line break as two characters; the text box counted it as one.
        var comment = form["comment"].ToString().ReplaceLineEndings("\n").Trim();
        if (comment.Length > Vote.CommentMaxLength)
        {
            return new Ballot(helpful, null, null, $"The comment is {comment.Length} characters long; the limit is {Vote.CommentMaxLength}.");
        }
        // A reason and a comment follow a No; with a Yes there is nothing to say what was wrong with.
        return helpful
            ? new Ballot(true, null, null, null)
            : new Ballot(false, reason, comment.Length == 0 ? null : comment, null);
    }
}
