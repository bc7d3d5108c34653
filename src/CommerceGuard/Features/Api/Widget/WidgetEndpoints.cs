using System.ComponentModel;
using CommerceGuard.Features.SiteLanguages;

namespace CommerceGuard.Features.Api.Widget;

public static class WidgetEndpoints
{
    public static void MapPartnerWidget(this RouteGroupBuilder api) =>
        api.MapGet("/widget/terms", (HttpContext http, WidgetTerms terms, OfferedLanguages offered,
                [Description(ApiLanguage.Description)] string? language, CancellationToken cancellationToken) =>
                ApiLanguage.Problem(language, offered, out var code) is { } unwritten
                    ? Task.FromResult(unwritten)
                    : terms.AnswerAsync(http, code, cancellationToken))
            .WithTags("Widget").WithName("widgetTerms")
            .WithSummary("The partner widget's term list")
            .WithDescription("Every published term that links automatically, with its names keyed as the site's own matcher keys them, for widget.js to find them in another site's text. Cacheable for ten minutes, then revalidated with its ETag.")
            .Produces<WidgetTermsDto>();
}
