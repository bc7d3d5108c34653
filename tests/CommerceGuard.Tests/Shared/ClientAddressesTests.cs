using System.Net;
using CommerceGuard.Features.Shared;

namespace CommerceGuard.Tests.Shared;

public sealed class ClientAddressesTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void A_limit_counts_against_an_ipv4_address_or_an_ipv6_slash_64(string address, string key) =>
        Assert.Equal(key, ClientAddresses.Key(IPAddress.Parse(address)));

    [Fact]
    public void A_request_without_an_address_shares_one_key() =>
        Assert.Equal("unknown", ClientAddresses.Key(null));
}
