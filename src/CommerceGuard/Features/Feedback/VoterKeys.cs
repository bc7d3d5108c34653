using System.Buffers.Text;
using System.Security.Cryptography;

namespace CommerceGuard.Features.Feedback;

/// <summary>
/// The anonymous key that lets a browser replace its own vote: random, kept in a cookie,
/// tied to nothing else about the reader.
/// </summary>
internal static class VoterKeys
{
    public const string CookieName = "cg_voter";
    public const int MaxLength = 32;
    private const int RandomBytes = 16;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The browser's key, or null when it has none or sent something that is not one.</summary>
    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var key) && IsWellFormed(key) ? key : null;

    /// <summary>The browser's key, giving it a new one first when it has none.</summary>
    public static string ReadOrIssue(HttpContext context, TimeProvider time)
    {
        if (Read(context.Request) is { } existing)
        {
            return existing;
        }
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        context.Response.Cookies.Append(CookieName, key, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Expires = time.GetUtcNow().Add(Lifetime),
        });
        return key;
    }

    private static bool IsWellFormed(string key) =>
        key.Length == Base64Url.GetEncodedLength(RandomBytes) && Base64Url.IsValid(key);
}
