namespace CommerceGuard.Features.Shared;

/// <summary>
/// The site's own words (navigation, headings, form messages), kept in <c>SiteText.resx</c> and
/// read through <c>IStringLocalizer&lt;SiteText&gt;</c>, so that a translation is a resource file.
/// </summary>
public sealed class SiteText;
