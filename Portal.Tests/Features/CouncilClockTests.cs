using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Time;
using Portal.Tests.Browser;

namespace Portal.Tests.Features;

/// <summary>
/// The portal keeps the council's time, not the server's: a data centre's UTC would start a
/// Swedish council's day an hour late all year, and show a UK council's summer times an hour early.
/// </summary>
public sealed class CouncilClockTests
{
    [Fact]
    public void TheCouncilsDayAndHoursAreItsOwnWhateverTheServersZone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero));
        var clock = new CouncilClock(time);

        clock.Follow(Country.Sweden);
        Assert.Equal((new DateOnly(2026, 12, 7), TimeSpan.FromHours(1)), (DateOnly.FromDateTime(clock.GetLocalNow().DateTime), clock.GetLocalNow().Offset));
        Assert.Equal(new DateTime(2026, 12, 7, 0, 30, 0), clock.Local(time.GetUtcNow()));

        clock.Follow(Country.England);
        Assert.Equal(new DateOnly(2026, 12, 6), DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        time.SetUtcNow(new DateTimeOffset(2027, 7, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTime(2027, 7, 1, 9, 0, 0), clock.Local(time.GetUtcNow().UtcDateTime));
    }

    [Theory]
    [InlineData("en", "Europe/London")]
    [InlineData("sv", "Europe/Stockholm")]
    public async Task TheRunningPortalReadsTheTimeInItsCouncilsZone(string demo, string zone)
    {
        await using var app = new PortalApp(demo);
        app.Start();

        Assert.Equal(zone, app.Services.GetRequiredService<TimeProvider>().LocalTimeZone.Id);
    }
}
