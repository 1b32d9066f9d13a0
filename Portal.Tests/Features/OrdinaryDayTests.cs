using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Features.Plans.Dashboard;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features;

/// <summary>
/// The demo is seeded around the day it starts, and the journeys walk it on the real date, so any
/// day of the year must give an ordinary week: the management group's meetings of the whole month
/// in the calendar, its next meeting with an agenda, a member's next panel with its papers out,
/// and a director's dashboard with something overdue and something due. Seeded here on the days
/// most likely to break that: holidays that move meetings, month, year and plan-year ends, and the
/// days the groups meet.
/// </summary>
public sealed class OrdinaryDayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Days => new()
    {
        { "en", "2026-11-30" }, { "sv", "2026-11-30" },
        { "en", "2026-12-29" }, { "sv", "2026-12-15" },
        { "en", "2027-01-01" }, { "sv", "2027-01-01" },
        { "en", "2027-03-29" }, { "sv", "2027-06-25" },
        { "en", "2027-03-31" }, { "en", "2027-04-01" },
        { "sv", "2028-12-26" }, { "sv", "2029-12-25" },
        { "en", "2029-12-26" }, { "sv", "2029-12-31" },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public async Task EveryDayOfTheYearIsAnOrdinaryDayOfTheDemo(string demo, string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        await using var portal = await ServiceHarness.StartAsync(demo, fresh: true, now: new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var holidays = demo == "sv" ? (IHolidayCalendar)SwedishPublicHolidays.Instance : EnglandAndWalesBankHolidays.Instance;
        var (group, member, director) = demo == "sv"
            ? ("klg", "Birgitta Strand", "kommunchef@nybro.example")
            : ("emg", "Cllr Ruth Potter", DemoUsers.Director);

        // Every meeting the group's rhythm gives this month is in the calendar, before today and after.
        var groupId = await db.Bodies.Where(b => b.Slug == group).Select(b => b.Id).SingleAsync(Ct);
        var cadence = await db.Cadences.AsNoTracking().SingleAsync(c => c.BodyId == groupId, Ct);
        var first = new DateOnly(today.Year, today.Month, 1);
        var expected = cadence.Slots(first.AddDays(-14), first.AddMonths(1).AddDays(-1), holidays).Select(s => s.Date).Where(d => d >= first && d.Month == today.Month).ToList();
        var calendar = await db.Meetings.Where(m => m.BodyId == groupId && m.Date >= first && m.Date < first.AddMonths(1)).Select(m => m.Date).ToListAsync(Ct);
        Assert.NotEmpty(expected);
        Assert.All(expected, d => Assert.Contains(d, calendar));

        // The group's next meeting has its agenda.
        var next = await db.Meetings.Where(m => m.BodyId == groupId && m.Date > today && m.Status != MeetingStatus.Cancelled).OrderBy(m => m.Date).Select(m => m.Id).FirstAsync(Ct);
        Assert.True(await db.AgendaItems.AnyAsync(i => i.MeetingId == next, Ct), $"The {group}'s next meeting has no agenda.");

        // The member's next meeting has its papers out.
        var person = await db.People.Where(p => p.DisplayName == member).Select(p => p.Id).SingleAsync(Ct);
        var bodies = await db.BodyMembers.Where(m => m.PersonId == person).Select(m => m.BodyId).ToListAsync(Ct);
        var panel = await db.Meetings.Where(m => bodies.Contains(m.BodyId) && m.Date >= today && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).Select(m => m.Id).FirstAsync(Ct);
        Assert.True(await db.Reports.AnyAsync(r => r.MeetingId == panel && r.PublishedOn != null && r.PublishedOn <= today, Ct), $"{member}'s next meeting has no papers.");

        // The director's dashboard has something overdue and something due in the fortnight.
        await using var heather = await portal.SignedInAsAsync(director);
        var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        var dashboard = await heather.Get<DashboardService>().GetDashboardAsync(plan, new DashboardFilter(), Ct);
        Assert.NotEmpty(dashboard!.OverdueActions);
        Assert.Contains(dashboard.DueSoon, d => d.Date >= today);
    }
}
