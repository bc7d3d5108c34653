using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CommerceGuard.Features.Feedback;

/// <summary>The addresses of "Was this helpful?".</summary>
public static class FeedbackUrls
{
    public static string Vote(string slug) => $"/glossary/{slug}/vote";
    public static string Thanks(string slug) => $"/glossary/{slug}/feedback";
}

/// <summary>What a script gets back after a vote.</summary>
/// <param name="Helpful">The answer recorded.</param>
/// <param name="CommentSaved">Whether a comment was recorded with it.</param>
public sealed record VoteReceipt(bool Helpful, bool CommentSaved);

public static class FeedbackEndpoints
{
    private const int MaxFormBytes = 8 * 1024;

    public static WebApplication MapFeedback(this WebApplication app)
    {
        app.MapPost("/glossary/{slug}/vote", CastVoteAsync)
            .RequireRateLimiting(PublicWrites.Policy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes));
        return app;
    }

    private static async Task<IResult> CastVoteAsync(
        string slug, HttpContext http, GlossaryDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (PublicWrites.IsCrossSite(http.Request))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Votes come from this site's own pages.",
                detail: "The request came from another site, so it was not counted.");
        }
        if (!http.Request.HasFormContentType)
        {
            return BadVote("Send the vote as a form: helpful=yes or helpful=no, and optionally a comment.");
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var termId = await db.Published()
            .Where(term => term.Slug == slug)
            .Select(term => (int?)term.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (termId is null)
        {
            return Results.NotFound();
        }
        if (!TryReadBallot(form, out var helpful, out var comment, out var problem))
        {
            return BadVote(problem);
        }

        var voterKey = VoterKeys.ReadOrIssue(http, time);
        await RecordAsync(db, termId.Value, voterKey, helpful, comment, time.GetUtcNow().UtcDateTime, cancellationToken);

        return WantsJson(http.Request)
            ? Results.Ok(new VoteReceipt(helpful, comment is not null))
            : new SeeOtherResult(FeedbackUrls.Thanks(slug));
    }

    private static bool TryReadBallot(IFormCollection form, out bool helpful, out string? comment, out string problem)
    {
        helpful = false;
        comment = null;
        problem = "";
        switch (form["helpful"].ToString())
        {
            case "yes": helpful = true; break;
            case "no": helpful = false; break;
            default:
                problem = "'helpful' must be 'yes' or 'no'.";
                return false;
        }
        var text = form["comment"].ToString().Trim();
        if (text.Length > Vote.CommentMaxLength)
        {
            problem = $"The comment is {text.Length} characters long; the limit is {Vote.CommentMaxLength}.";
            return false;
        }
        // A comment answers "What was missing?", which is only asked after a No.
        comment = helpful || text.Length == 0 ? null : text;
        return true;
    }

    /// <summary>Records the vote, replacing this browser's earlier vote on the term.</summary>
    private static Task RecordAsync(
        GlossaryDb db, int termId, string voterKey, bool helpful, string? comment, DateTime now, CancellationToken cancellationToken) =>
        db.UpsertAsync(async cancellation =>
        {
            var vote = await db.Votes.SingleOrDefaultAsync(vote => vote.TermId == termId && vote.VoterKey == voterKey, cancellation);
            if (vote is null)
            {
                vote = new Vote { TermId = termId, VoterKey = voterKey };
                db.Votes.Add(vote);
            }
            vote.Helpful = helpful;
            vote.Comment = comment;
            vote.CastAt = now;
            await db.SaveChangesAsync(cancellation);
        }, cancellationToken);

    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    private static IResult BadVote(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The vote could not be read.", detail: detail);

    // 303 tells the browser to follow with a GET, so reloading the thank-you page never votes again.
    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers[HeaderNames.Location] = url;
            return Task.CompletedTask;
        }
    }
}
