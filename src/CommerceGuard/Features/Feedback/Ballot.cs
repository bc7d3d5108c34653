namespace CommerceGuard.Features.Feedback;

/// <summary>A vote as posted: the answer, the comment that may follow a No, or what is wrong with it.</summary>
internal sealed record Ballot(bool Helpful, string? Comment, string? Problem)
{
    public static Ballot Read(IFormCollection form)
    {
        bool helpful;
        switch (form["helpful"].ToString())
        {
            case "yes": helpful = true; break;
            case "no": helpful = false; break;
            default: return new Ballot(false, null, "'helpful' must be 'yes' or 'no'.");
        }
        // Browsers send a line break as two characters; the text box counted it as one.
        var comment = form["comment"].ToString().ReplaceLineEndings("\n").Trim();
        if (comment.Length > Vote.CommentMaxLength)
        {
            return new Ballot(helpful, null, $"The comment is {comment.Length} characters long; the limit is {Vote.CommentMaxLength}.");
        }
        // A comment answers "What was missing?", which is only asked after a No.
        return new Ballot(helpful, helpful || comment.Length == 0 ? null : comment, null);
    }
}
