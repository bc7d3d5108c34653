using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Shared;

/// <summary>
/// A validation rule of our own whose message is a key into the site's resource file. MVC
/// localizes the messages of the built-in attributes only, so this base class does it for ours.
/// </summary>
public abstract class SiteValidationAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (IsValid(value))
        {
            return ValidationResult.Success;
        }
        var text = validationContext.GetService(typeof(IStringLocalizer<SiteText>)) as IStringLocalizer;
        var message = text?[ErrorMessageString, validationContext.DisplayName].Value
            ?? FormatErrorMessage(validationContext.DisplayName);
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
