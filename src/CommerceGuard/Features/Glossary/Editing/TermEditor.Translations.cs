using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>A term's translation as its original's editor lists it.</summary>
public sealed record TranslationEntry(int Id, string Language, string Title, TermStatus Status, bool Behind);

public sealed partial class TermEditor
{
    /// <summary>
    /// Writes a term's first translation into a language: a new term there, paired with the
    /// original and taken as made from the original's published text. Every language version
    /// then has its own workflow, revisions and versions.
    /// </summary>
    public async Task<EditOutcome> CreateTranslationAsync(
        int originalId, string language, TermContent content, string? summary, StaffMember who, bool publish = false,
        CancellationToken cancellationToken = default)
    {
        var original = await db.Terms.AsNoTracking().SingleOrDefaultAsync(term => term.Id == originalId, cancellationToken);
        if (original is null)
        {
            return new EditOutcome { Missing = true };
        }
        if (original.TranslationOfId is not null)
        {
            return EditOutcome.Refused($"\"{original.Title}\" is itself a translation: translate its original instead.");
        }
        // Originals are English, as every interchange format has them; a translation is in another language.
        if (original.Language != Languages.Default || language == Languages.Default)
        {
            return EditOutcome.Refused($"Only English terms are translated, into another language than English.");
        }
        if (await db.Terms.AnyAsync(term => term.TranslationOfId == originalId && term.Language == language, cancellationToken))
        {
            return EditOutcome.Refused($"\"{original.Title}\" has a translation into \"{language}\" already: change that one.");
        }
        var outcome = await CreateAsync(content, summary, who, publish, language, original, cancellationToken);
        // Two translators starting the same translation at once: the second is told what happened.
        return !outcome.Succeeded && outcome.Problems.Values.Contains(SlugTakenMeanwhile)
            && await db.Terms.AnyAsync(term => term.TranslationOfId == originalId && term.Language == language, cancellationToken)
            ? EditOutcome.Refused($"\"{original.Title}\" was translated into \"{language}\" a moment ago: change that translation.")
            : outcome;
    }

    /// <summary>
    /// Records that a translation says what its original's published text says now: its editor
    /// compared them, and changed the translation where it needed changing.
    /// </summary>
    public async Task<EditOutcome> MarkInStepAsync(int id, int version, CancellationToken cancellationToken = default)
    {
        var term = await TrackedAsync(id, cancellationToken);
        if (term is null)
        {
            return new EditOutcome { Missing = true };
        }
        if (term.Version != version)
        {
            return await ConflictAsync(id, cancellationToken);
        }
        var original = term.TranslationOfId is { } originalId
            ? await db.Terms.AsNoTracking().SingleOrDefaultAsync(other => other.Id == originalId, cancellationToken)
            : null;
        if (original is null)
        {
            return EditOutcome.Refused("This term translates no other, so there is nothing to bring it in step with.");
        }
        if (term.TranslatedRevision == original.PublishedRevision)
        {
            return EditOutcome.Done(term.Id, term.Version);
        }
        term.TranslatedRevision = original.PublishedRevision;
        term.Version++;
        return await CommitAsync(term, version, cancellationToken);
    }

    /// <summary>A term's translations, each with whether its original has published a change since it was brought in step.</summary>
    public Task<List<TranslationEntry>> TranslationsAsync(Term original, CancellationToken cancellationToken = default) =>
        db.Terms.AsNoTracking()
            .Where(term => term.TranslationOfId == original.Id)
            .OrderBy(term => term.Language)
            .Select(term => new TranslationEntry(term.Id, term.Language, term.Title, term.Status, IsBehind(original.PublishedRevision, term.TranslatedRevision)))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Whether the original published a revision after the one the translation was made from. A
    /// term loaded without revisions (the starter glossary) counts as revision 0 on both sides.
    /// </summary>
    public static bool IsBehind(int? originalPublished, int? translatedFrom) => (originalPublished ?? 0) > (translatedFrom ?? 0);
}
