using System.Globalization;
using System.Security.Claims;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features;

public sealed class SessionLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    private static ClaimsPrincipal SignedInAt(DateTimeOffset? at)
    {
        var identity = new ClaimsIdentity("Identity.Application");
        if (at is DateTimeOffset time)
        {
            identity.AddClaim(new Claim(PortalClaims.SignedInAt, time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(identity);
    }

    [Fact]
    public void ASignInEndsTwelveHoursAfterItBeganHoweverBusy()
    {
        Assert.False(SessionLimits.HasExpired(SignedInAt(Now.AddHours(-11).AddMinutes(-59)), Now, Absolute));
        Assert.True(SessionLimits.HasExpired(SignedInAt(Now.AddHours(-12).AddMinutes(-1)), Now, Absolute));
    }

    [Fact]
    public void ASignInWithoutItsStartHasExpiredAndAnonymousNeverDoes()
    {
        Assert.True(SessionLimits.HasExpired(SignedInAt(null), Now, Absolute));
        Assert.False(SessionLimits.HasExpired(new ClaimsPrincipal(new ClaimsIdentity()), Now, Absolute));
    }

    [Fact]
    public async Task SigningInRecordsWhenItBegan()
    {
        await using var portal = await ServiceHarness.StartAsync();
        await using var session = await portal.SignedInAsAsync(DemoUsers.Officer);
        var principal = await session.Get<ICurrentUser>().GetPrincipalAsync();

        Assert.Equal(portal.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), principal.FindFirstValue(PortalClaims.SignedInAt));
        Assert.False(SessionLimits.HasExpired(principal, portal.Clock.GetUtcNow().AddHours(11), Absolute));
        Assert.True(SessionLimits.HasExpired(principal, portal.Clock.GetUtcNow().AddHours(13), Absolute));
    }
}
