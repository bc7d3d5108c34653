using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.SiteLanguages;

/// <summary>
/// The languages the site is offered in. Section <c>Languages</c>. Adding one is configuration
/// and content: its code here, a <c>SiteText.{code}.resx</c> with the site's own words (its
/// addresses' words among them), and terms written in it.
/// </summary>
public sealed class LanguageOptions : IValidatableObject
{
    public const string Section = "Languages";

    /// <summary>Language codes, comma-separated; <c>en</c> must be one of them. The default is <c>en,es</c>.</summary>
    [Required]
    public string Offered { get; set; } = "en,es";

    public IReadOnlyList<string> Codes =>
        [.. Offered.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(code => code.ToLowerInvariant()).Distinct()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Codes.Contains(Languages.Default))
        {
            yield return new ValidationResult($"Languages:Offered must include \"{Languages.Default}\", the site's first language.");
        }
        foreach (var code in Codes.Where(code => !IsLanguage(code)))
        {
            yield return new ValidationResult($"Languages:Offered names \"{code}\", which is not a two-letter language code.");
        }
    }

    private static bool IsLanguage(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterLower))
        {
            return false;
        }
        try
        {
            return CultureInfo.GetCultureInfo(code, predefinedOnly: true).TwoLetterISOLanguageName == code;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
