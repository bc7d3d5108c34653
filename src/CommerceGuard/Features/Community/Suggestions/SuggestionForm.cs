using System.ComponentModel.DataAnnotations;

namespace CommerceGuard.Features.Community.Suggestions;

/// <summary>What the suggestion form asks; names and messages are keys into the site's resource file.</summary>
public sealed class SuggestionForm
{
    [Display(Name = "Suggest.TermTitle")]
    [Required(ErrorMessage = "Suggest.TermTitle.Required")]
    [StringLength(TermSuggestion.TitleMaxLength, ErrorMessage = "Volunteer.TooLong")]
    public string? Title { get; set; }

    // Browsers send line breaks as CRLF; count them as one character, as the text box did.
    [Display(Name = "Suggest.Note")]
    [StringLength(TermSuggestion.NoteMaxLength, ErrorMessage = "Volunteer.TooLong")]
    public string? Note { get => field; set => field = value?.ReplaceLineEndings("\n"); }
}
