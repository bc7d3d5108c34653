using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Shared;

/// <summary>The public site's shell: pages, the site's words, error pages, static files, headers.</summary>
public static class SiteSetup
{
    public static WebApplicationBuilder AddSitePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SiteText)));
        builder.AddLanguages();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication UseSitePages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = ShareWidgetScript });
        return app;
    }

    /// <summary>
    /// widget.js runs on other sites: any page may load it (and check it with Subresource
    /// Integrity), and caches may keep it for an hour.
    /// </summary>
    private static void ShareWidgetScript(StaticFileResponseContext context)
    {
        if (context.Context.Request.Path.Equals("/widget.js", StringComparison.Ordinal))
        {
            var headers = context.Context.Response.Headers;
            headers.CacheControl = "public, max-age=3600";
            headers.AccessControlAllowOrigin = "*";
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        }
    }

    public static WebApplication MapSitePages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    /// <summary>"Example #2" and the like, for pages that number things.</summary>
    public static string Numbered(this IStringLocalizer<SiteText> text, string key, int number) =>
        text[key, number.ToString(CultureInfo.CurrentCulture)];
}
