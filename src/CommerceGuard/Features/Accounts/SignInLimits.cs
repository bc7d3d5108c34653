using System.Security.Cryptography;
using System.Text;
using CommerceGuard.Features.Shared;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Accounts;

/// <summary>
/// How often anyone may try to sign in: from one address (<see cref="RateLimitOptions.SignInsPerAddress"/>)
/// and, separately, naming one account (<see cref="RateLimitOptions.SignInsPerAccount"/>), so that
/// neither one address guessing at many accounts nor many addresses guessing at one get far.
/// Both steps of signing in, password and code, count. The account lockout still applies on top.
/// </summary>
public sealed class SignInLimits(IOptions<RateLimitOptions> options)
{
    /// <summary>
    /// Counts an attempt naming <paramref name="email"/>; false, with 429 and Retry-After set on
    /// the response, when either quota is spent.
    /// </summary>
    public async Task<bool> TryAttemptAsync(HttpContext context, string email) =>
        await RateLimits.TryTakeAsync(context, "sign-ins", options.Value.SignInsPerAddress)
        && await RateLimits.TryTakeAsync(context, "sign-ins-of", options.Value.SignInsPerAccount, AccountKey(email));

    /// <summary>
    /// The account's bucket name: a hash of the email as Identity compares emails (NFC, upper
    /// case), so any spelling of one address shares a bucket ("\u212Aate@" with the Kelvin sign is
    /// "kate@") and Redis never holds the address.
    /// </summary>
    internal static string AccountKey(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant())));
}
