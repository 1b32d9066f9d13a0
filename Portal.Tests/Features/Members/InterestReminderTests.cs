using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Features.Members.Register;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Members;

/// <summary>
/// The reminder to register interests: when the 28 days after taking office end and on each
/// anniversary, through the notifications outbox, once per date however often the sender runs,
/// and never late for a date long past.
/// </summary>
public sealed class InterestReminderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2026-05-20", null)]
    [InlineData("2026-06-04", "2026-06-04")]
    [InlineData("2027-04-01", "2026-06-04")]
    [InlineData("2027-05-07", "2027-05-07")]
    [InlineData("2029-12-31", "2029-05-07")]
    public void IsDueTwentyEightDaysAfterTakingOfficeAndOnEachAnniversary(string today, string? due) =>
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), InterestReminder.LatestDue(new DateOnly(2026, 5, 7), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task RemindsEachServingCouncillorOnceOnTheAnniversaryOfTheirElection()
    {
        await using var portal = await ServiceHarness.StartAsync();
        await using var session = portal.Anonymous();
        var reminder = session.Get<InterestReminder>();
        Assert.Equal(0, await reminder.RemindAsync(Ct));

        // York's demo councillors took office on 7 May 2007: the twentieth anniversary.
        portal.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 10, 8, 0, 0, TimeSpan.Zero));
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var councillors = await db.Councillors.CountAsync(Ct);
        Assert.Equal(councillors, await reminder.RemindAsync(Ct));
        Assert.Equal(0, await reminder.RemindAsync(Ct));
        var told = await db.Notifications.Where(n => n.Kind == NotificationKind.InterestsReminder).ToListAsync(Ct);
        Assert.Equal(councillors, told.Count);
        Assert.All(told, n => Assert.Equal(new DateOnly(2027, 5, 7), n.Date));
        Assert.All(told, n => Assert.EndsWith("#register", n.Link, StringComparison.Ordinal));
    }
}
