using CommerceGuard.Data;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Community.Suggestions;

/// <summary>The one place suggestions are written: taken from readers, and decided on by staff.</summary>
public sealed class Suggestions(GlossaryDb db, TimeProvider time)
{
    /// <summary>A published term readers can already read under this title, if there is one.</summary>
    public async Task<TermLink?> ExistingTermAsync(string title, string language, CancellationToken cancellationToken)
    {
        var slug = Slug.FromTitle(title);
        return await db.Published(language)
            .Where(term => term.Slug == slug || term.Title == title.Trim())
            .Select(term => new TermLink(term.Slug, term.Title, term.Language)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds a reader's suggestion, or counts one more request for the same open one.</summary>
    public Task AddAsync(string title, string? note, string language, CancellationToken cancellationToken) => db.UpsertAsync(async cancellation =>
    {
        var clean = TermValidation.Printable(title).Trim();
        var key = Slug.FromTitle(clean) is { Length: > 0 } slug ? slug : clean.ToLowerInvariant();
        key = key.Length <= Slug.MaxLength ? key : key[..Slug.MaxLength];
        var now = time.GetUtcNow().UtcDateTime;
        // Two readers asking at once on two servers can each open one; the oldest gathers the rest.
        var open = await db.TermSuggestions
            .Where(suggestion => suggestion.Language == language && suggestion.Key == key && suggestion.Status == SuggestionStatus.Open)
            .OrderBy(suggestion => suggestion.Id).FirstOrDefaultAsync(cancellation);
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : TermValidation.Printable(note).Trim();
        if (open is null)
        {
            db.TermSuggestions.Add(new TermSuggestion
            {
                Title = clean, Key = key, Note = cleanNote, Language = language, SuggestedAt = now, LastRequestedAt = now,
            });
        }
        else
        {
            open.Requests++;
            open.LastRequestedAt = now;
            // Every reader's words are worth keeping, up to the note's length.
            if (cleanNote is not null)
            {
                var joined = open.Note is null ? cleanNote : $"{open.Note}\n---\n{cleanNote}";
                open.Note = joined.Length <= TermSuggestion.NoteMaxLength ? joined : open.Note;
            }
        }
        await db.SaveChangesAsync(cancellation);
    }, cancellationToken);

    /// <summary>The open suggestions, the most asked for first.</summary>
    public Task<List<TermSuggestion>> OpenAsync(CancellationToken cancellationToken) =>
        db.TermSuggestions.AsNoTracking().Where(suggestion => suggestion.Status == SuggestionStatus.Open)
            .OrderByDescending(suggestion => suggestion.Requests).ThenBy(suggestion => suggestion.SuggestedAt)
            .ToListAsync(cancellationToken);

    public Task<int> OpenCountAsync(CancellationToken cancellationToken) =>
        db.TermSuggestions.CountAsync(suggestion => suggestion.Status == SuggestionStatus.Open, cancellationToken);

    /// <summary>Closes an open suggestion as drafted or dismissed; the suggestion, or null when it was not open.</summary>
    public async Task<TermSuggestion?> DecideAsync(long id, SuggestionStatus decision, string who, CancellationToken cancellationToken)
    {
        var suggestion = await db.TermSuggestions.SingleOrDefaultAsync(
            suggestion => suggestion.Id == id && suggestion.Status == SuggestionStatus.Open, cancellationToken);
        if (suggestion is null)
        {
            return null;
        }
        (suggestion.Status, suggestion.HandledAt, suggestion.HandledBy) = (decision, time.GetUtcNow().UtcDateTime, who);
        await db.SaveChangesAsync(cancellationToken);
        return suggestion;
    }
}
