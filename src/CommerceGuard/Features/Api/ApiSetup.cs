using CommerceGuard.Features.Api.Editing;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Api.Reading;
using CommerceGuard.Features.Api.Widget;

namespace CommerceGuard.Features.Api;

/// <summary>
/// <c>/api/v1</c>: the glossary for other programs. Reading is open to anyone and to scripts on
/// other sites; the editing endpoints need an API key. Every answer is rate limited per client
/// and every error is an RFC 9457 problem. <c>/openapi/v1.json</c> describes it all.
/// </summary>
public static class ApiSetup
{
    public const string CorsPolicy = "public-read";

    public static WebApplicationBuilder AddGlossaryApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithHeaders("If-None-Match", "If-Modified-Since")
            .WithExposedHeaders("ETag", "Last-Modified", "RateLimit", "RateLimit-Policy", "Retry-After")));
        builder.AddApiKeys();
        builder.Services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiRateLimit>();
        builder.Services.AddSingleton<ApiErrors>();
        builder.Services.AddExceptionHandler<ApiExceptions>();
        builder.AddApiDocument();
        builder.Services.AddSingleton<Reference.ApiReference>();
        builder.Services.AddSingleton<Widget.WidgetTerms>();
        return builder;
    }

    /// <summary>
    /// The API's own middleware: CORS, then errors as problems and the rate limit. It runs before
    /// sign-in and authorization, so that refused requests are counted and answered alike.
    /// </summary>
    public static WebApplication UseGlossaryApi(this WebApplication app)
    {
        app.UseCors();
        app.UseWhen(ApiErrors.IsApi, api => api.UseMiddleware<ApiErrors>().UseMiddleware<ApiRateLimit>());
        return app;
    }

    public static WebApplication MapGlossaryApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireCors(CorsPolicy);
        api.MapGlossaryReading();
        api.MapTermEditing();
        api.MapPartnerWidget();
        app.MapApiDocument();
        return app;
    }
}
