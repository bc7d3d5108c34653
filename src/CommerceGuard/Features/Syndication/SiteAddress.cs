using CommerceGuard.Features.Accounts;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Syndication;

/// <summary>
/// Absolute addresses on the site, made from the configured public address rather than the
/// request's Host header, which a client chooses and which must not end up in a cached file.
/// </summary>
public sealed class SiteAddress(IOptions<AccountOptions> options)
{
    public string Root => options.Value.PublicUrl.TrimEnd('/');

    public string Of(string path) => Root + path;
}
