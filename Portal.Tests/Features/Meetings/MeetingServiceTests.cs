using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Features.Meetings.Agenda;
using Portal.Features.Meetings.Bodies;
using Portal.Features.Meetings.Calendar;
using Portal.Features.Meetings.Feeds;
using Portal.Features.Meetings.Minutes;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Meetings;

/// <summary>Meetings on the seeded York demo, through the real services and migrations: who sees what, who keeps the record, cadences and feeds.</summary>
public sealed class MeetingServiceTests : IAsyncLifetime
{
    private static readonly Uri Site = new("https://portal.example/");
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => new(2026, 11, 25);

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task ThePublicSeeStatutoryBodiesButNotInternalGroups()
    {
        await using var anonymous = _portal.Anonymous();
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var emgMeeting = await NextMeetingIdAsync("emg");

        var publicBodies = await anonymous.Get<BodyService>().ListAsync(Ct);
        var staffBodies = await officer.Get<BodyService>().ListAsync(Ct);
        var month = await anonymous.Get<MeetingService>().MonthAsync(new MonthQuery(2026, 12, null, false), Ct);

        Assert.Equal(["Employment Panel", "Executive Member for City Strategy and Advisory Panel"], publicBodies.Select(b => b.Name));
        Assert.Equal(4, staffBodies.Count);
        Assert.DoesNotContain(month.Meetings, m => m.BodySlug is "emg" or "smg");
        Assert.Null(await anonymous.Get<BodyService>().GetAsync("emg", Ct));
        Assert.Null(await anonymous.Get<MeetingService>().GetAsync(emgMeeting, Ct));
        Assert.NotNull(await officer.Get<MeetingService>().GetAsync(emgMeeting, Ct));
    }

    [Fact]
    public async Task APrivateItemsNotesReachTheBodysMembersOnly()
    {
        var august = await MeetingIdAsync("employment-panel", new DateOnly(2009, 8, 25));
        await using var anonymous = _portal.Anonymous();
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);

        var seenByPublic = (await anonymous.Get<MeetingService>().GetAsync(august, Ct))!.Items.Single(i => i.IsPrivate);
        var seenByOfficer = (await officer.Get<MeetingService>().GetAsync(august, Ct))!.Items.Single(i => i.IsPrivate);
        var seenByMember = (await member.Get<MeetingService>().GetAsync(august, Ct))!.Items.Single(i => i.IsPrivate);

        Assert.Equal("Staffing matters", seenByPublic.Title);
        Assert.True(seenByPublic.NotesWithheld);
        Assert.Null(seenByPublic.Notes);
        Assert.Null(seenByOfficer.Notes);
        Assert.Contains("paragraph 1", seenByMember.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheSecretaryOrAnAdministratorKeepsTheRecord()
    {
        var meetingId = await NextMeetingIdAsync("emap-cs");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var anonymous = _portal.Anonymous();

        await secretary.Get<AgendaService>().AddItemAsync(meetingId, new AgendaItemEdit("Budget consultation results", "Keith Best", 20, false), Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<AgendaService>().AddItemAsync(meetingId, new AgendaItemEdit("Sneaked in", null, 5, false), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<ScheduleService>().CancelAsync(meetingId, "no", 1, Ct));

        var meeting = (await secretary.Get<MeetingService>().GetAsync(meetingId, Ct))!;
        Assert.Equal("Budget consultation results", meeting.Items[^1].Title);
        Assert.DoesNotContain(meeting.Items, i => i.Title == "Sneaked in");
        Assert.True(meeting.CanKeepRecord);
        Assert.False((await officer.Get<MeetingService>().GetAsync(meetingId, Ct))!.CanKeepRecord);
    }

    [Fact]
    public async Task BadAgendaInputIsRefusedWithItsFieldAndNothingSaved()
    {
        var meetingId = await NextMeetingIdAsync("emap-cs");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var meetings = secretary.Get<MeetingService>();
        var before = (await meetings.GetAsync(meetingId, Ct))!.Items;

        var noTitle = await Assert.ThrowsAsync<DomainRuleException>(() => secretary.Get<AgendaService>().AddItemAsync(meetingId, new AgendaItemEdit(" ", null, 10, false), Ct));
        var pastTheEnd = await Assert.ThrowsAsync<DomainRuleException>(() => secretary.Get<AgendaService>().MoveItemAsync(meetingId, before[0].Id, before.Count + 1, Ct));
        var endsFirst = await Assert.ThrowsAsync<DomainRuleException>(() =>
            secretary.Get<ScheduleService>().RescheduleAsync(meetingId, new MeetingTimeEdit(Today.AddDays(30), new TimeOnly(18, 0), new TimeOnly(17, 0), null, 1), Ct));

        Assert.Equal((nameof(AgendaItem.Title), "Agenda.TitleRequired"), (noTitle.Field, noTitle.Code));
        Assert.Equal("Agenda.PositionOutOfRange", pastTheEnd.Code);
        Assert.Equal(nameof(Meeting.EndTime), endsFirst.Field);
        var after = (await meetings.GetAsync(meetingId, Ct))!;
        Assert.Equal(before.Select(i => (i.Id, i.Number)), after.Items.Select(i => (i.Id, i.Number)));
        Assert.Equal(MeetingStatus.Scheduled, after.Status);
    }

    [Fact]
    public async Task AMonthWhoseOnlyMeetingIsCancelledSaysWhenTheNextOneIs()
    {
        var panel = await BodyIdAsync("emap-cs");
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var coming = await db.Meetings.Where(m => m.BodyId == panel && m.Date > Today).OrderBy(m => m.Date).Select(m => new { m.Id, m.Date, m.Version }).Take(2).ToListAsync(Ct);
        var (first, second) = (coming[0], coming[1]);
        Assert.NotEqual((first.Date.Year, first.Date.Month), (second.Date.Year, second.Date.Month));
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var query = new MonthQuery(first.Date.Year, first.Date.Month, "emap-cs", false);
        Assert.Null((await secretary.Get<MeetingService>().MonthAsync(query, Ct)).NextAfter);

        await secretary.Get<ScheduleService>().CancelAsync(first.Id, "The chair is unwell.", first.Version, Ct);
        var month = await secretary.Get<MeetingService>().MonthAsync(query, Ct);

        Assert.Equal(MeetingStatus.Cancelled, Assert.Single(month.Meetings).Status);
        Assert.Equal(second.Id, month.NextAfter?.Id);
    }

    [Fact]
    public async Task AStaleCancellationIsRefused()
    {
        var meetingId = await NextMeetingIdAsync("emap-cs");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var opened = (await secretary.Get<MeetingService>().GetAsync(meetingId, Ct))!;

        await admin.Get<ScheduleService>().RescheduleAsync(meetingId, new MeetingTimeEdit(opened.Date, new TimeOnly(18, 0), new TimeOnly(20, 0), "Room 2", opened.Version), Ct);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => secretary.Get<ScheduleService>().CancelAsync(meetingId, "Chair unwell", opened.Version, Ct));

        Assert.Contains(conflict.Changes, c => c.Property == nameof(Meeting.StartTime));
        Assert.Equal(MeetingStatus.Scheduled, (await secretary.Get<MeetingService>().GetAsync(meetingId, Ct))!.Status);
    }

    [Fact]
    public async Task TheStatutoryClockGivesTheDeadlineAndALateAgendaNeedsAReason()
    {
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var meetings = secretary.Get<MeetingService>();
        var id = await secretary.Get<ScheduleService>().AddMeetingAsync(await BodyIdAsync("emap-cs"), new MeetingTimeEdit(Today.AddDays(5), new TimeOnly(17, 0), new TimeOnly(18, 0), "The Guildhall"), Ct);
        var meeting = (await meetings.GetAsync(id, Ct))!;

        Assert.Equal(ClearDays.PublicationDeadline(Today.AddDays(5), 5, EnglandAndWalesBankHolidays.Instance), meeting.Clock!.Deadline);
        Assert.True(meeting.Clock.IsOverdue);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => secretary.Get<AgendaService>().PublishAgendaAsync(id, null, meeting.Version, Ct));
        Assert.Equal("Meeting.LateReasonRequired", refused.Code);
        Assert.Null((await meetings.GetAsync(id, Ct))!.AgendaPublishedOn);

        await secretary.Get<AgendaService>().PublishAgendaAsync(id, "The consultation closed on Monday.", meeting.Version, Ct);

        var published = (await meetings.GetAsync(id, Ct))!;
        Assert.True(published.Clock!.IsLate);
        Assert.Equal("The consultation closed on Monday.", published.Clock.LateReason);
        Assert.Null((await meetings.GetAsync(await MeetingIdAsync("emg", null), Ct))!.Clock);
    }

    [Fact]
    public async Task OpenActionsAreCarriedToTheNextMeetingUntilDone()
    {
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var next = (await secretary.Get<MeetingService>().GetAsync(await NextMeetingIdAsync("emg"), Ct))!;

        Assert.Contains(next.CarriedActions, a => a.Text == "Circulate the draft workforce plan to heads of service" && a.IsOverdue);
        Assert.Contains(next.CarriedActions, a => a.Text == "Chase the owners of overdue key actions" && !a.IsOverdue);
        Assert.DoesNotContain(next.CarriedActions, a => a.Text.StartsWith("Bring mitigation plans", StringComparison.Ordinal));

        var circulate = next.CarriedActions.Single(a => a.Text.StartsWith("Circulate", StringComparison.Ordinal));
        await secretary.Get<MinutesService>().SetActionDoneAsync(circulate.Id, true, Ct);
        var later = (await secretary.Get<MeetingService>().GetAsync(await NextMeetingIdAsync("emg", skip: 1), Ct))!;
        Assert.DoesNotContain(later.CarriedActions, a => a.Id == circulate.Id);
    }

    [Fact]
    public async Task ChangingACadenceCancelsTheMeetingsItNoLongerGivesAndLeavesHandWorkAlone()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var emg = await BodyIdAsync("emg");
        var withAgenda = await NextMeetingIdAsync("emg");
        var body = (await admin.Get<BodyService>().GetAsync("emg", Ct))!;

        await admin.Get<BodyService>().SetCadenceAsync(emg, new CadenceEdit(
            CadenceKind.Weekly, DayOfWeek.Wednesday, null, null, new DateOnly(2026, 12, 1), null, new TimeOnly(10, 0), new TimeOnly(12, 0),
            "West Offices", HolidayRule.NextWorkingDay, body.CadenceVersion!.Value), Ct);

        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var future = await db.Meetings.Where(m => m.BodyId == emg && m.Date > Today).ToListAsync(Ct);
        Assert.Equal(DayOfWeek.Tuesday, future.Single(m => m.Id == withAgenda).Date.DayOfWeek);
        Assert.Equal(MeetingStatus.Scheduled, future.Single(m => m.Id == withAgenda).Status);
        Assert.All(future.Where(m => m.Date.DayOfWeek == DayOfWeek.Tuesday && m.Id != withAgenda && m.Status != MeetingStatus.Held),
            m => Assert.Equal(MeetingStatus.Cancelled, m.Status));
        var wednesdays = future.Where(m => m.Date.DayOfWeek == DayOfWeek.Wednesday && m.Status == MeetingStatus.Scheduled).ToList();
        Assert.InRange(wednesdays.Count, 48, 53);
        Assert.All(wednesdays, m => Assert.Equal(new TimeOnly(10, 0), m.StartTime));

        var count = await db.Meetings.CountAsync(Ct);
        Assert.Equal(0, await MeetingScheduler.ExtendAllAsync(db, Today, Ct));
        Assert.Equal(count, await db.Meetings.CountAsync(Ct));
    }

    [Fact]
    public async Task ACadenceForTheThirtyFirstIsRefusedBesideItsField()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var panel = await BodyIdAsync("employment-panel");

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<BodyService>().SetCadenceAsync(
            panel,
            new CadenceEdit(CadenceKind.MonthlyDay, null, null, 31, Today, null, new TimeOnly(10, 0), new TimeOnly(11, 0), null, HolidayRule.Skip), Ct));

        Assert.Equal((nameof(Cadence.DayOfMonth), "Cadence.DayOfMonthTooLate"), (error.Field, error.Code));
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        Assert.False(await db.Cadences.AnyAsync(c => c.BodyId == panel, Ct));
    }

    [Fact]
    public async Task FeedsParseKeepTheirUidsAndSendCancellationsWithAHigherSequence()
    {
        await using var anonymous = _portal.Anonymous();
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var feeds = anonymous.Get<CalendarFeedService>();
        var meetingId = await NextMeetingIdAsync("emap-cs");

        var first = Parse(await feeds.PublicCalendarAsync(Site, Ct));
        var again = Parse(await feeds.PublicCalendarAsync(Site, Ct));
        var version = (await secretary.Get<MeetingService>().GetAsync(meetingId, Ct))!.Version;
        await secretary.Get<ScheduleService>().CancelAsync(meetingId, "The Executive Member is unwell.", version, Ct);
        var afterCancel = Parse(await feeds.BodyCalendarAsync("emap-cs", Site, Ct));

        Assert.Equal(first.Select(e => e.Uid), again.Select(e => e.Uid));
        Assert.Equal(first.Count, first.Select(e => e.Uid).Distinct().Count());
        Assert.DoesNotContain(first, e => e.Summary!.Contains("Management Group", StringComparison.Ordinal));
        var cancelled = afterCancel.Single(e => e.Url!.AbsolutePath == $"/meetings/{meetingId}");
        var before = first.Single(e => e.Url!.AbsolutePath == $"/meetings/{meetingId}");
        Assert.Equal(before.Uid, cancelled.Uid);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(before.Sequence + 1, cancelled.Sequence);

        // A subscription carries the last year and everything ahead; the 2008 panel is on its page and in its own .ics, in UTC from British Summer Time.
        Assert.True(first.Select(e => e.Start!.AsUtc).Min() >= new DateTime(2025, 11, 25, 0, 0, 0, DateTimeKind.Utc));
        var july = Parse(await feeds.MeetingCalendarAsync(await MeetingIdAsync("emap-cs", new DateOnly(2008, 7, 14)), Site, Ct));
        Assert.Equal(new DateTime(2008, 7, 14, 16, 0, 0, DateTimeKind.Utc), Assert.Single(july).Start!.AsUtc);
    }

    [Fact]
    public async Task APersonalFeedCarriesInternalMeetingsAndAWrongTokenFindsNothing()
    {
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var anonymous = _portal.Anonymous();
        var token = await secretary.Get<CalendarFeedService>().MyTokenAsync(replace: false, Ct);

        var mine = Parse(await anonymous.Get<CalendarFeedService>().PersonalCalendarAsync(token!, Site, Ct));
        var replaced = await secretary.Get<CalendarFeedService>().MyTokenAsync(replace: true, Ct);

        Assert.Contains(mine, e => e.Summary == "Executive Management Group");
        Assert.Contains(mine, e => e.Summary == "Executive Member for City Strategy and Advisory Panel");
        Assert.Contains(mine, e => e.Summary == "Senior Management Group");
        Assert.NotEqual(token, replaced);
        Assert.Null(await anonymous.Get<CalendarFeedService>().PersonalCalendarAsync(token!, Site, Ct));
        Assert.Null(await anonymous.Get<CalendarFeedService>().PersonalCalendarAsync("not-a-token", Site, Ct));
        Assert.Null(await anonymous.Get<CalendarFeedService>().BodyCalendarAsync("no-such-body", Site, Ct));
        Assert.Null(await anonymous.Get<CalendarFeedService>().BodyCalendarAsync("emg", Site, Ct));
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        Assert.DoesNotContain(await db.AuditEntries.Where(a => a.EntityType == nameof(CalendarFeed)).Select(a => (a.Before ?? string.Empty) + (a.After ?? string.Empty)).ToListAsync(Ct), c => c.Contains(replaced!, StringComparison.Ordinal));
    }

    private static List<CalendarEvent> Parse(string? ics)
    {
        Assert.NotNull(ics);
        var calendar = Ical.Net.Calendar.Load(ics);
        Assert.NotNull(calendar);
        return [.. calendar.Events];
    }

    private async Task<int> BodyIdAsync(string slug)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Bodies.Where(b => b.Slug == slug).Select(b => b.Id).SingleAsync(Ct);
    }

    private async Task<int> NextMeetingIdAsync(string slug, int skip = 0)
    {
        var body = await BodyIdAsync(slug);
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Meetings.Where(m => m.BodyId == body && m.Date > Today && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).Skip(skip).Select(m => m.Id).FirstAsync(Ct);
    }

    private async Task<int> MeetingIdAsync(string slug, DateOnly? date)
    {
        var body = await BodyIdAsync(slug);
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Meetings.Where(m => m.BodyId == body && (date == null || m.Date == date)).OrderBy(m => m.Date).Select(m => m.Id).FirstAsync(Ct);
    }
}
