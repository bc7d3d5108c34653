namespace CommerceGuard.Features.Shared;

/// <summary>
/// Headers that tell browsers to load nothing from elsewhere, to run only the site's own scripts,
/// never to show the site in a frame, and to give it no powerful features: the site needs no
/// CDN, camera or location, so it can forbid them all. They are written as every response
/// starts, so error pages, redirects, files and the metrics endpoint carry them too.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string ContentPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string FeaturePolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), browsing-topics=()";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = FeaturePolicy;
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class SecurityHeadersSetup
{
    /// <summary>First in the pipeline, so that no response leaves without the headers.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
