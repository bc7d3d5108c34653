using System.Resources;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Features.Shared;

/// <summary>
/// The site's own words (navigation, headings, form messages), kept in <c>SiteText.resx</c> and
/// its translations (<c>SiteText.es.resx</c>) and read through <c>IStringLocalizer&lt;SiteText&gt;</c>,
/// so that a translation is a resource file.
/// </summary>
public sealed class SiteText
{
    private static readonly ResourceManager Resources = new(typeof(SiteText).FullName!, typeof(SiteText).Assembly);

    /// <summary>A text in a named language, for what is written outside the language's own pages (addresses, feeds, links between languages).</summary>
    public static string In(string language, string key) => Resources.GetString(key, Languages.Culture(language)) ?? key;
}
