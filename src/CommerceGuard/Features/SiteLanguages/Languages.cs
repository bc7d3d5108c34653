using System.Globalization;

namespace CommerceGuard.Features.Glossary;

/// <summary>
/// The languages terms are written in, by code (<c>en</c>, <c>es</c>). English is the site's
/// first language: its pages sit at the root, every other language's under its code.
/// </summary>
public static class Languages
{
    public const string Default = "en";

    /// <summary>
    /// The language of the page being made, which its address chose (see <c>LanguageSetup</c>);
    /// English outside a request, where the culture is the invariant one.
    /// </summary>
    public static string Current =>
        CultureInfo.CurrentUICulture.Equals(CultureInfo.InvariantCulture) ? Default : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The culture whose conventions (dates, collation, resources) a language's pages follow.</summary>
    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language);
}
