using Microsoft.AspNetCore.Authentication.Cookies;

namespace CommerceGuard.Features.Accounts;

/// <summary>
/// Under HTTPS the staff cookie is named <c>__Host-cg-staff</c>: browsers then accept it only when
/// it is Secure, for the whole site and for this host alone, so no other site on a shared domain
/// can set or shadow it. Over plain HTTP (a developer's machine) the prefix would make browsers
/// drop the cookie, so it is left off there.
/// </summary>
internal sealed class HostPrefixedCookies : ICookieManager
{
    private readonly ChunkingCookieManager cookies = new();

    public string? GetRequestCookie(HttpContext context, string key) =>
        cookies.GetRequestCookie(context, Named(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        cookies.AppendResponseCookie(context, Named(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        cookies.DeleteCookie(context, Named(context, key), options);

    private static string Named(HttpContext context, string key) => context.Request.IsHttps ? "__Host-" + key : key;
}
