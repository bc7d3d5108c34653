namespace CommerceGuard.Features.Shared;

/// <summary>
/// Guards for anonymous writes besides their rate limit (<see cref="RateLimits"/>): a
/// same-origin check for writes from cached pages, which cannot carry an antiforgery token of
/// their own.
/// </summary>
public static class PublicWrites
{
    /// <summary>
    /// Refuses a write that a browser says came from another site. Browsers send
    /// <c>Sec-Fetch-Site</c> or <c>Origin</c> on every cross-site form post and fetch, so a page
    /// elsewhere cannot vote on a reader's behalf.
    /// </summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
