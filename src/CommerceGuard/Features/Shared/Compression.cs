using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CommerceGuard.Features.Shared;

/// <summary>
/// Pages, JSON, feeds and sitemaps go out compressed (Brotli, or gzip for clients without it)
/// to whoever asks. Inside the page cache, so a cached page is compressed once and kept that way,
/// which also fits five or more times as many pages in the cache's memory.
/// </summary>
public static class Compression
{
    public static WebApplicationBuilder AddCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes,
                "application/problem+json", "application/ld+json", "application/atom+xml", "application/rdf+xml",
                "text/turtle", "text/markdown", "image/svg+xml"];
        });
        // The quickest settings: most responses are made per request (search, suggestions, a term
        // page the cache does not hold), where a better ratio would cost more than it saves.
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.AddSingleton<IResponseCompressionProvider, SharedResponsesOnly>();
        return builder;
    }

    /// <summary>Between the page cache and the endpoints: see the class's summary.</summary>
    public static WebApplication UseCompression(this WebApplication app)
    {
        app.UseResponseCompression();
        return app;
    }

    /// <summary>
    /// The encoding the compression will choose for this request ("br", "gzip"), or "identity":
    /// the page cache keeps a copy of a page for each, and serves each to those who asked for it.
    /// </summary>
    public static string EncodingFor(HttpContext http)
    {
        var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return compression.CheckRequestAcceptsCompression(http) && compression.GetCompressionProvider(http) is { } provider
            ? provider.EncodingName
            : "identity";
    }

    /// <summary>
    /// Compresses only what is the same for every reader. A response made for one reader (a
    /// signed-in editor's, or one carrying an antiforgery token, which marks it no-store) may
    /// hold a secret beside text an attacker chose, and compressed, its length would leak the
    /// secret a guess at a time (BREACH).
    /// </summary>
    private sealed class SharedResponsesOnly(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context)
        {
            var personal = context.User.Identity?.IsAuthenticated == true
                || context.Response.Headers.CacheControl.ToString().Contains(CacheControlHeaderValue.NoStoreString, StringComparison.OrdinalIgnoreCase);
            return !personal && base.ShouldCompressResponse(context);
        }
    }
}
