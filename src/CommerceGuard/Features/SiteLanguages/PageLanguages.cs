using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CommerceGuard.Features.SiteLanguages;

/// <summary>A page in one language: where the same page is in it.</summary>
public sealed record LanguageVersion(string Language, string Path);

/// <summary>
/// The languages a page is in, itself among them. A page sets them; the layout writes them as
/// <c>hreflang</c> alternates and offers the reader the others ("En español").
/// </summary>
public static class PageLanguages
{
    private const string Key = "Languages";

    public static void SetLanguages(this ViewDataDictionary viewData, IEnumerable<LanguageVersion> versions) =>
        viewData[Key] = versions.ToList();

    /// <summary>For a page every language has, at its own address.</summary>
    public static void SetLanguages(this ViewDataDictionary viewData, OfferedLanguages offered, Func<SitePaths, string> page) =>
        viewData.SetLanguages(offered.Codes.Select(code => new LanguageVersion(code, page(SitePaths.For(code)))));

    public static IReadOnlyList<LanguageVersion> Languages(this ViewDataDictionary viewData) =>
        viewData[Key] as IReadOnlyList<LanguageVersion> ?? [];
}
