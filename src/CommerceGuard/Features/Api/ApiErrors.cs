using CommerceGuard.Features.Operations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace CommerceGuard.Features.Api;

/// <summary>
/// Keeps the API's errors in the API's form. The site answers errors with a page for people;
/// under <c>/api</c> every error, whether an endpoint wrote it, the framework answered it with no
/// body (a wrong method, a parameter that could not be read) or the code failed, is an RFC 9457
/// problem.
/// </summary>
public sealed class ApiErrors : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await ApiProblems.Of(response.StatusCode, ReasonPhrases.GetReasonPhrase(response.StatusCode), DetailFor(context)).ExecuteAsync(context);
        }
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static string DetailFor(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status400BadRequest =>
            "A parameter could not be read: numbers must be whole numbers and times ISO 8601, such as 2026-01-31T00:00:00Z. See /openapi/v1.json.",
        StatusCodes.Status404NotFound when context.GetEndpoint() is null => "There is no such endpoint. See /openapi/v1.json for the API's addresses.",
        StatusCodes.Status405MethodNotAllowed => $"This address does not take {context.Request.Method}. See /openapi/v1.json.",
        _ => "See /openapi/v1.json for what the API takes.",
    };
}

/// <summary>A failure under <c>/api</c> answers with a problem naming the request, not the site's error page.</summary>
public sealed class ApiExceptions(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request's path is the error page's; the feature keeps the one that failed.
        var failed = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!new PathString(failed).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = ProblemFor(exception, httpContext.Response),
        });
    }

    private static ProblemDetails ProblemFor(Exception exception, HttpResponse response)
    {
        if (DatabaseOutage.IsOutOfSpace(exception))
        {
            // 507, not 503: the database answers, and the write was undone whole, so the client
            // need not read it back; it cannot succeed until someone makes room.
            response.StatusCode = StatusCodes.Status507InsufficientStorage;
            return new ProblemDetails
            {
                Status = response.StatusCode,
                Title = "The glossary's database is out of space.",
                Detail = "Nothing was saved. Send the change again once there is room.",
            };
        }
        if (DatabaseOutage.IsOutage(exception))
        {
            DatabaseOutage.Answer(response);
            return new ProblemDetails
            {
                Status = response.StatusCode,
                Title = "The glossary's database cannot be reached.",
                // A commit whose answer was lost may have been saved: the client must look before it repeats a write.
                Detail = $"A change sent now was most likely not saved; read it back before sending it again in {DatabaseOutage.RetryAfterSeconds} seconds.",
            };
        }
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        response.StatusCode = status;
        return new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status500InternalServerError ? "Something went wrong on our side." : ReasonPhrases.GetReasonPhrase(status),
            Detail = status == StatusCodes.Status500InternalServerError
                ? "The failure is logged under this problem's traceId; quote it if you report it."
                : exception.Message,
        };
    }
}
