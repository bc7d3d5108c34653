using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Operations;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Feedback;

/// <summary>The addresses of "Was this helpful?", under the term's own, in the page's language.</summary>
public static class FeedbackUrls
{
    public static string Vote(string slug) => Under(slug, "vote");
    public static string Thanks(string slug) => Under(slug, "feedback");
    public static string Complain(string slug) => Under(slug, "complain");

    private static string Under(string slug, string word) => $"{SitePaths.Current.Term(slug)}/{SitePaths.Current.Word(word)}";
}

/// <summary>What a script gets back after a vote.</summary>
/// <param name="Helpful">The answer recorded.</param>
/// <param name="CommentSaved">Whether a comment was recorded with it.</param>
/// <param name="Reason">The reason recorded with a No, as forms spell it; null for none.</param>
/// <param name="ComplainUrl">Where to complain, when the reason is that it happened to the reader.</param>
public sealed record VoteReceipt(bool Helpful, bool CommentSaved, string? Reason = null, string? ComplainUrl = null);

public static class FeedbackEndpoints
{
    private const int MaxFormBytes = 8 * 1024;

    /// <summary>The vote forms' name to the spam defence, whose stamps are for one form each.</summary>
    public const string FormName = "vote";

    public static WebApplication MapFeedback(this WebApplication app)
    {
        // Each language's term pages have their own; the address sets the language (see LanguageSetup).
        foreach (var language in app.Services.GetRequiredService<OfferedLanguages>().Codes)
        {
            app.MapPost(SitePaths.For(language).Translate("/glossary/{slug}/vote"), CastVoteAsync)
                .RateLimited(Limit.PublicWrites)
                .WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes));
        }
        return app;
    }

    private static async Task<IResult> CastVoteAsync(
        string slug, HttpContext http, GlossaryDb db, TimeProvider time, SiteMetrics metrics, SpamDefence spam,
        CancellationToken cancellationToken)
    {
        if (PublicWrites.IsCrossSite(http.Request))
        {
            return Refuse(http, StatusCodes.Status403Forbidden, "The vote came from another site, so it was not counted.");
        }
        var (form, status) = await ReadFormAsync(http.Request, cancellationToken);
        if (form is null)
        {
            return Refuse(http, status,
                $"Send the vote as a form of at most {MaxFormBytes} bytes: helpful=yes or helpful=no, and after a no optionally a reason and a comment.");
        }
        var termId = await db.Published(Languages.Current)
            .Where(term => term.Slug == slug)
            .Select(term => (int?)term.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (termId is null)
        {
            return Results.NotFound();
        }
        var ballot = Ballot.Read(form);
        if (ballot.Problem is not null)
        {
            return Refuse(http, StatusCodes.Status400BadRequest, ballot.Problem);
        }
        // A vote is one click, which a person can make at once; a comment takes typing.
        switch (spam.Judge(form, FormName, timed: ballot.Comment is not null))
        {
            case SpamVerdict.TrapFilled:
                // Answered as if counted, so the script learns nothing; nothing is kept.
                return Counted(http, slug, ballot);
            case SpamVerdict.TooQuick:
                return Refuse(http, StatusCodes.Status400BadRequest,
                    "The comment came sooner after the page was shown than a person writes one. Send it again.");
            case SpamVerdict.Expired:
                return Refuse(http, StatusCodes.Status400BadRequest,
                    "The page was open too long for its comment form. Reload it and send the comment again.");
        }

        var voterKey = VoterKeys.ReadOrIssue(http, time);
        await RecordAsync(db, termId.Value, voterKey, ballot, time.GetUtcNow().UtcDateTime, cancellationToken);
        metrics.Vote(ballot.Helpful);
        return Counted(http, slug, ballot);
    }

    private static IResult Counted(HttpContext http, string slug, Ballot ballot)
    {
        if (WantsJson(http.Request))
        {
            return Results.Ok(new VoteReceipt(
                ballot.Helpful, ballot.Comment is not null,
                ballot.Reason is { } reason ? FeedbackReasons.Of(reason) : null,
                ballot.Reason == FeedbackReason.HappenedToMe ? FeedbackUrls.Complain(slug) : null));
        }
        // 303 tells the browser to follow with a GET, so reloading the thank-you page never votes again.
        http.Response.Headers.Location = FeedbackUrls.Thanks(slug);
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>The posted form, or null and the status that says why not (not a form, too large).</summary>
    private static async Task<(IFormCollection? Form, int Status)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength > MaxFormBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }
        try
        {
            return (await request.ReadFormAsync(cancellationToken), StatusCodes.Status200OK);
        }
        catch (BadHttpRequestException error)
        {
            return (null, error.StatusCode);
        }
        catch (InvalidDataException)
        {
            return (null, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Records the vote, replacing this browser's earlier vote on the term.</summary>
    private static Task RecordAsync(
        GlossaryDb db, int termId, string voterKey, Ballot ballot, DateTime now, CancellationToken cancellationToken) =>
        db.UpsertAsync(async cancellation =>
        {
            var vote = await db.Votes.SingleOrDefaultAsync(vote => vote.TermId == termId && vote.VoterKey == voterKey, cancellation);
            if (vote is null)
            {
                vote = new Vote { TermId = termId, VoterKey = voterKey };
                db.Votes.Add(vote);
            }
            vote.Helpful = ballot.Helpful;
            vote.Reason = ballot.Reason;
            vote.Comment = ballot.Comment;
            vote.CastAt = now;
            // A new answer is new work for the editors, whatever came of the last one.
            vote.HandledAt = null;
            await db.SaveChangesAsync(cancellation);
        }, cancellationToken);

    /// <summary>
    /// A refusal: problem details for a script, and for a plain form post the bare status, which
    /// the site's error page then explains in words.
    /// </summary>
    private static IResult Refuse(HttpContext http, int status, string detail) =>
        WantsJson(http.Request)
            ? Results.Problem(statusCode: status, title: "The vote was not counted.", detail: detail)
            : Results.StatusCode(status);

    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
}
