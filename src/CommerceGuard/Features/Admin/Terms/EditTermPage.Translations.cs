using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin.Terms;

/// <summary>The editor's view of a term's languages: its original beside a translation, or its translations.</summary>
public sealed partial class EditTermPageModel
{
    /// <summary>The term this one translates (or, for a new translation, will); null for an original.</summary>
    public Term? Original { get; private set; }

    /// <summary>The original as its readers see it, shown beside the translation's form.</summary>
    public TermArticle? OriginalArticle { get; private set; }

    /// <summary>An original's translations.</summary>
    public IReadOnlyList<TranslationEntry> Translations { get; private set; } = [];

    /// <summary>The languages an original could still be translated into.</summary>
    public IReadOnlyList<string> Untranslated { get; private set; } = [];

    /// <summary>The language the form is written in.</summary>
    public string Language => Draft?.Term.Language
        ?? (Form.TranslationOf is not null && offered.IsOffered(Form.Language) ? Form.Language! : Languages.Default);

    /// <summary>A translation whose original has published a change since it was brought in step.</summary>
    public bool Behind => Draft is not null && Original is not null && TermEditor.IsBehind(Original.PublishedRevision, Draft.Term.TranslatedRevision);

    /// <summary>Where the original's change since the translation's revision can be read, word by word.</summary>
    public string? ChangesSinceTranslated => Behind
        ? $"/admin/terms/{Original!.Id}/compare?from={Draft!.Term.TranslatedRevision ?? 1}&to={Original.PublishedRevision}"
        : null;

    /// <returns>False when a new translation names no term, or a language it cannot be written in.</returns>
    private async Task<bool> LoadLanguagesAsync(CancellationToken cancellationToken)
    {
        var originalId = Draft is null ? Form.TranslationOf : Draft.Term.TranslationOfId;
        if (originalId is { } id)
        {
            Original = await db.Terms.AsNoTracking().Include(term => term.Categories).SingleOrDefaultAsync(term => term.Id == id, cancellationToken);
            if (Original is not null)
            {
                OriginalArticle = await articles.BuildAsync(Original, cancellationToken);
            }
            return Draft is not null
                || (Original is { TranslationOfId: null, Language: Languages.Default } && offered.IsOffered(Form.Language) && Form.Language != Languages.Default);
        }
        if (Draft is { Term.Language: Languages.Default })
        {
            Translations = await editor.TranslationsAsync(Draft.Term, cancellationToken);
            Untranslated = [.. offered.Codes.Where(code => code != Draft.Term.Language && Translations.All(translation => translation.Language != code))];
        }
        return true;
    }

    /// <summary>A new translation starts with what needs no translating: its original's categories, sources and linking.</summary>
    private void StartTranslation(Term original)
    {
        Form.CategoryIds = [.. original.Categories.Select(category => category.Id)];
        Form.Sources = [.. original.Sources.Select(SourceForm.From)];
        Form.AutoLink = original.AutoLink;
    }
}
