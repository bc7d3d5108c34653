using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace CommerceGuard.Features.Community;

/// <summary>What the volunteer form asks. Error messages are keys into the site's resource file.</summary>
public sealed class VolunteerForm : IValidatableObject
{
    [Display(Name = "Volunteer.Name")]
    [Required(ErrorMessage = "Volunteer.Name.Required")]
    [StringLength(Volunteer.NameMaxLength, ErrorMessage = "Volunteer.TooLong")]
    public string? Name { get; set; }

    [Display(Name = "Volunteer.Email")]
    [Required(ErrorMessage = "Volunteer.Email.Required")]
    [StringLength(Volunteer.EmailMaxLength, ErrorMessage = "Volunteer.TooLong")]
    public string? Email { get; set; }

    public List<string> Interests { get; set; } = [];

    // Browsers send line breaks as CRLF; count them as one character, as the text box did.
    [Display(Name = "Volunteer.Message")]
    [StringLength(Volunteer.MessageMaxLength, ErrorMessage = "Volunteer.TooLong")]
    public string? Message { get => field; set => field = value?.ReplaceLineEndings("\n"); }

    public bool Consent { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Email is { Length: > 0 } email && !IsPlausibleEmail(email.Trim()))
        {
            yield return new ValidationResult("Volunteer.Email.Invalid", [nameof(Email)]);
        }
        if (Interests.Any(interest => !VolunteerInterests.All.Contains(interest)))
        {
            yield return new ValidationResult("Volunteer.Interests.Unknown", [nameof(Interests)]);
        }
        if (!Consent)
        {
            yield return new ValidationResult("Volunteer.Consent.Required", [nameof(Consent)]);
        }
    }

    /// <summary>An address we could write to: one @, a dotted domain, nothing around it.</summary>
    internal static bool IsPlausibleEmail(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.DisplayName.Length == 0
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');
}
