using CommerceGuard.Features.Glossary;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.SiteLanguages;

/// <summary>The languages the site is offered in, and which one a request is in: its address says.</summary>
public static class LanguageSetup
{
    public static WebApplicationBuilder AddLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OfferedLanguages>();
        builder.Services.AddOptions<RazorPagesOptions>().Configure<OfferedLanguages>((pages, offered) =>
            pages.Conventions.Add(new LanguageRoutes([.. offered.Codes.Where(code => code != Languages.Default)])));
        builder.Services.AddOptions<RequestLocalizationOptions>().Configure<OfferedLanguages>((localization, offered) =>
        {
            var cultures = offered.Codes.Select(Languages.Culture).ToList();
            localization.DefaultRequestCulture = new RequestCulture(Languages.Culture(Languages.Default));
            localization.SupportedCultures = cultures;
            localization.SupportedUICultures = cultures;
            // Only the address chooses: a page must read the same to every reader, so that one
            // cached copy serves them all and search engines see each language at its own address.
            localization.RequestCultureProviders = [new PathCultureProvider(offered)];
        });
        return builder;
    }

    private sealed class PathCultureProvider(OfferedLanguages offered) : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            // An error page shown in place of a page is in the language of the page asked for.
            var path = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
                ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
                ?? httpContext.Request.Path.Value
                ?? "/";
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(offered.OfPath(path)));
        }
    }
}

/// <summary>The offered languages' codes, English first.</summary>
public sealed class OfferedLanguages(IOptions<LanguageOptions> options)
{
    public IReadOnlyList<string> Codes { get; } =
        [Languages.Default, .. options.Value.Codes.Where(code => code != Languages.Default)];

    public bool IsOffered(string? code) => code is not null && Codes.Contains(code);

    /// <summary>The language of a public address: its first segment when that is an offered language's code, else English.</summary>
    public string OfPath(string path)
    {
        var first = path.AsSpan().TrimStart('/');
        var end = first.IndexOf('/');
        var segment = (end < 0 ? first : first[..end]).ToString().ToLowerInvariant();
        return segment != Languages.Default && IsOffered(segment) ? segment : Languages.Default;
    }
}
