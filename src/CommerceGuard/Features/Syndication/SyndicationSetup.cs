using System.ComponentModel.DataAnnotations;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.SiteLanguages;

namespace CommerceGuard.Features.Syndication;

/// <summary>How the sitemap is cut into files. Section <c>Sitemap</c>.</summary>
public sealed class SitemapOptions
{
    public const string Section = "Sitemap";

    /// <summary>The most addresses in one sitemap file; the sitemaps protocol allows 50,000.</summary>
    [Range(1, 50_000)]
    public int UrlsPerFile { get; set; } = 50_000;
}

/// <summary>What crawlers and feed readers fetch: <c>/sitemap.xml</c>, <c>/robots.txt</c>, <c>/feed.atom</c>.</summary>
public static class SyndicationSetup
{
    public static WebApplicationBuilder AddSyndication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SitemapOptions>()
            .BindConfiguration(SitemapOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SiteAddress>();
        builder.Services.AddScoped<Sitemap>();
        builder.Services.AddScoped<AtomFeed>();
        builder.Services.AddSingleton<StructuredData>();
        return builder;
    }

    public static WebApplication MapSyndication(this WebApplication app)
    {
        var syndication = app.MapGroup("").CacheOutput(PageCache.PublicPage);
        var everyLanguage = app.Services.GetRequiredService<OfferedLanguages>().Codes.Select(PageTags.Lists).ToArray();
        syndication.MapGet("/sitemap.xml", (HttpContext http, Sitemap sitemap, CancellationToken cancellationToken) =>
        {
            PageTags.Add(http, everyLanguage);
            return sitemap.RootAsync(http, cancellationToken);
        });
        syndication.MapGet("/sitemaps/{number:int:min(1)}.xml", (int number, HttpContext http, Sitemap sitemap, CancellationToken cancellationToken) =>
        {
            PageTags.Add(http, everyLanguage);
            return sitemap.PartAsync(number, http, cancellationToken);
        });
        syndication.MapGet("/robots.txt", (Sitemap sitemap) => Results.Text(sitemap.RobotsText(), "text/plain; charset=utf-8"));
        // Each language has its feed, at its own address; the address sets the language (see LanguageSetup).
        foreach (var language in app.Services.GetRequiredService<OfferedLanguages>().Codes)
        {
            syndication.MapGet(SitePaths.For(language).Feed, (HttpContext http, AtomFeed feed, CancellationToken cancellationToken) =>
            {
                PageTags.Add(http, PageTags.Lists(language));
                return feed.ResponseAsync(http, cancellationToken);
            });
        }
        return app;
    }
}
