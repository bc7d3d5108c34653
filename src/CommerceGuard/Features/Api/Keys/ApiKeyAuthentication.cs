using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Api.Keys;

/// <summary>The policies the API's key-only endpoints are authorized by, one per <see cref="ApiScope"/>.</summary>
public static class ApiPolicies
{
    public const string Scheme = "ApiKey";
    public const string ScopeClaim = "api-scope";
    public const string Read = "api-read";
    public const string Write = "api-write";
    public const string Publish = "api-publish";

    public static string For(ApiScope scope) => scope switch
    {
        ApiScope.Read => Read,
        ApiScope.Write => Write,
        _ => Publish,
    };

    /// <summary>The scopes at least as strong as <paramref name="scope"/>, as claim values.</summary>
    public static string[] AtLeast(ApiScope scope) =>
        [.. Enum.GetValues<ApiScope>().Where(each => each >= scope).Select(each => each.ToString())];

    /// <summary>Who wrote a change through the API, as the term editor and its revisions name them.</summary>
    public static StaffMember Writer(ClaimsPrincipal key) =>
        new(AccountId: null, key.Identity?.Name ?? "API key", key.HasClaim(ScopeClaim, nameof(ApiScope.Publish)));
}

/// <summary>
/// Signs in a program by the key it sends as <c>Authorization: Bearer cg_…</c>. A request with no
/// key is simply anonymous; one with a wrong or revoked key is refused with 401, so that a typo
/// is not mistaken for "no access".
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var key = await keys.FindAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is not one we know, or it was revoked.");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "api-key-" + key.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, $"API key {key.Prefix}… ({key.Name})"),
                new Claim(ApiPolicies.ScopeClaim, key.Scope.ToString()),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null
            ? "Bearer realm=\"CommerceGuard API\""
            : "Bearer realm=\"CommerceGuard API\", error=\"invalid_token\"";
        await WriteProblemAsync(result.Failure is null
            ? new ProblemDetails { Title = "This needs an API key.", Detail = "Send an API key an Admin issued you, as 'Authorization: Bearer <key>'." }
            : new ProblemDetails { Title = "The API key was refused.", Detail = result.Failure.Message });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scope = Context.User.FindFirstValue(ApiPolicies.ScopeClaim) ?? "none";
        await WriteProblemAsync(new ProblemDetails
        {
            Title = "This key's scope does not allow that.",
            Detail = $"The key's scope is {scope.ToLowerInvariant()}; ask an Admin for a key with a wider scope.",
        });
    }

    private async Task WriteProblemAsync(ProblemDetails problem)
    {
        problem.Status = Response.StatusCode;
        // A client that accepts no JSON still gets the problem, rather than a failure of its own.
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem }))
        {
            await Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }
}

public static class ApiKeySetup
{
    public static WebApplicationBuilder AddApiKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApiKeys>();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiPolicies.Scheme, null);
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var scope in Enum.GetValues<ApiScope>())
        {
            // Only a key counts: a signed-in editor's cookie never reaches these endpoints, so no other site can ride on it.
            authorization.AddPolicy(ApiPolicies.For(scope), policy => policy
                .AddAuthenticationSchemes(ApiPolicies.Scheme)
                .RequireClaim(ApiPolicies.ScopeClaim, ApiPolicies.AtLeast(scope)));
        }
        return builder;
    }
}
