using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CommerceGuard.Features.SiteLanguages;

/// <summary>
/// Gives each public page an address in every other offered language: "/glossary/{slug}" is
/// also "/es/glosario/{slug}". Pages outside the reader's site (the back office, the API
/// reference, error pages) keep their one address.
/// </summary>
internal sealed class LanguageRoutes(IReadOnlyList<string> otherLanguages) : IPageRouteModelConvention
{
    private static readonly HashSet<string> ReaderSections = ["glossary", "search", "about", "donate", "volunteer", "suggest"];

    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors.ToList())
        {
            var template = selector.AttributeRouteModel?.Template?.Trim('/');
            if (template is null || !IsReaders(template))
            {
                continue;
            }
            foreach (var language in otherLanguages)
            {
                model.Selectors.Add(new SelectorModel
                {
                    AttributeRouteModel = new AttributeRouteModel { Template = SitePaths.For(language).Translate(template).TrimStart('/') },
                });
            }
        }
    }

    private static bool IsReaders(string template) =>
        template.Length == 0 || ReaderSections.Contains(template.Split('/')[0]);
}
