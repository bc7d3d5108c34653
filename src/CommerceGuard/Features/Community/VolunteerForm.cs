using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using CommerceGuard.Features.Shared;

namespace CommerceGuard.Features.Community;

/// <summary>
/// What the volunteer form asks. Every rule is an attribute, so all of a form's mistakes are
/// reported at once; names and messages are keys into the site's resource file.
/// </summary>
public sealed class VolunteerForm
{
    [Display(Name = "Volunteer.Name")]
    [Required(ErrorMessage = "Volunteer.Name.Required")]
    [StringLength(Volunteer.NameMaxLength, ErrorMessage = "Volunteer.TooLong")]
    public string? Name { get; set; }

    [Display(Name = "Volunteer.Email")]
    [Required(ErrorMessage = "Volunteer.Email.Required")]
    [StringLength(Volunteer.EmailMaxLength, ErrorMessage = "Volunteer.TooLong")]
    [PlausibleEmail(ErrorMessage = "Volunteer.Email.Invalid")]
    public string? Email { get; set; }

    [AllFrom(typeof(VolunteerInterests), nameof(VolunteerInterests.All), ErrorMessage = "Volunteer.Interests.Unknown")]
    public List<string> Interests { get; set; } = [];

    // Browsers send line breaks as CRLF; count them as one character, as the text box did.
    [Display(Name = "Volunteer.Message")]
    [StringLength(Volunteer.MessageMaxLength, ErrorMessage = "Volunteer.TooLong")]
    public string? Message { get => field; set => field = value?.ReplaceLineEndings("\n"); }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Volunteer.Consent.Required")]
    public bool Consent { get; set; }
}

/// <summary>An address we could write to: one @, a dotted domain, no display name around it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlausibleEmailAttribute : SiteValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || IsPlausible(text.Trim());

    internal static bool IsPlausible(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.DisplayName.Length == 0
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');
}

/// <summary>Every value of a list property comes from a fixed list: a static property of a type.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AllFromAttribute(Type owner, string listName) : SiteValidationAttribute
{
    private readonly IReadOnlyCollection<string> allowed =
        (IReadOnlyCollection<string>)owner.GetProperty(listName)!.GetValue(null)!;

    public override bool IsValid(object? value) =>
        value is not IEnumerable<string> values || values.All(allowed.Contains);
}
