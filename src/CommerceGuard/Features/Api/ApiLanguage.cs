using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.SiteLanguages;

namespace CommerceGuard.Features.Api;

/// <summary>The language a read asks for with <c>?language=es</c>; English when left out.</summary>
public static class ApiLanguage
{
    public const string Description = "The language, as a code: en (when left out) or another the glossary is written in, such as es.";

    public static IResult? Problem(string? asked, OfferedLanguages offered, out string language)
    {
        language = asked ?? Languages.Default;
        return offered.IsOffered(language)
            ? null
            : ApiProblems.Of(StatusCodes.Status400BadRequest, "The glossary is not written in that language.", $"Use one of: {string.Join(", ", offered.Codes)}.");
    }
}
