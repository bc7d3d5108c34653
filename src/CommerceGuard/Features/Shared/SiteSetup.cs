using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;
using CommerceGuard.Features.SiteLanguages;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Features.Shared;

/// <summary>The public site's shell: pages, the site's words, error pages, static files, headers.</summary>
public static class SiteSetup
{
    public static WebApplicationBuilder AddSitePages(this WebApplicationBuilder builder)
    {
        // Run from the build's output rather than a publish (dotnet run, the tests, in any
        // environment), static files and their compressed forms are found where the build made
        // them; published, the site has them in its own wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        // From the build's output too, the files keep the headers the build gave them (a year,
        // immutable, for a fingerprinted name: a changed file gets a new name at the next build),
        // except while developing, where a file edited under the running site must show at once.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Configuration["EnableStaticAssetsDevelopmentCaching"] = "true";
        }
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
        app.Use(ShareWidgetScript);
        return app;
    }

    /// <summary>
    /// widget.js runs on other sites, at an address that never changes: any page may load it
    /// (and check it with Subresource Integrity), and caches may keep it for an hour.
    /// </summary>
    private static Task ShareWidgetScript(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.Equals("/widget.js", StringComparison.Ordinal))
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.CacheControl = "public, max-age=3600";
                headers.AccessControlAllowOrigin = "*";
                headers["Cross-Origin-Resource-Policy"] = "cross-origin";
                return Task.CompletedTask;
            });
        }
        return next(context);
    }

    /// <summary>
    /// Static files are served as the build listed them: each under a name with its content's
    /// fingerprint ("site.7rcd72787u.css"), kept by browsers for a year as immutable, and sent
    /// compressed as made at build and publish (gzip, and Brotli when published). Pages name
    /// them so through the link and script tag helpers. Their plain names still answer, to be
    /// checked each time.
    /// </summary>
    public static WebApplication MapSitePages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    /// <summary>"Example #2" and the like, for pages that number things.</summary>
    public static string Numbered(this IStringLocalizer<SiteText> text, string key, int number) =>
        text[key, number.ToString(CultureInfo.CurrentCulture)];
}
