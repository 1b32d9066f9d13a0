using System.Net;
using Portal.Infrastructure.Security;

namespace Portal.Tests.Security;

/// <summary>How the rate limits and the sign-in lockout count where a request comes from.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void AnIPv4AddressCountsAsItselfAndAnIPv6AddressByItsNetwork(string address, string countedAs) =>
        Assert.Equal(countedAs, ClientAddress.Of(IPAddress.Parse(address)));

    [Fact]
    public void AnEmailCountsAsOneHoweverItIsTypedAndTakesTheSameRoomWhateverItsLength()
    {
        Assert.Equal(SignInThrottle.KeyOf("cllr.walker@york.example"), SignInThrottle.KeyOf("  CLLR.Walker@York.Example "));
        Assert.NotEqual(SignInThrottle.KeyOf("cllr.walker@york.example"), SignInThrottle.KeyOf("cllr.potter@york.example"));
        Assert.Equal(SignInThrottle.KeyOf("a").Length, SignInThrottle.KeyOf(new string('a', 1_000_000)).Length);
        Assert.DoesNotContain("WALKER", SignInThrottle.KeyOf("cllr.walker@york.example"), StringComparison.Ordinal);
    }
}
