using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Time;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Features.Establishment;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Meetings;

/// <summary>
/// Meetings: the month calendar, one meeting with its agenda, record and actions, and every
/// change a body's secretary makes to them. Each write checks the caller may keep the body's
/// record, refuses a stale version, and tells open pages through the change feed.
/// </summary>
public sealed class MeetingService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock)
{
    public async Task<MonthView> MonthAsync(MonthQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = await MeetingAccess.VisibleBodiesAsync(db, caller, ct);
        var choices = bodies.Select(b => new BodyChoice(b.Slug, b.Name)).ToList();
        var shown = bodies
            .Where(b => query.Body is null || b.Slug == query.Body)
            .Where(b => !query.Mine || caller.SitsOn(b))
            .ToDictionary(b => b.Id);
        var first = new DateOnly(query.Year, query.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var ids = shown.Keys.ToList();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.BodyId) && m.Date >= first && m.Date <= last)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime)
            .ToListAsync(ct);
        var settings = await db.SettingsAsync(ct);
        var holidays = new Dictionary<DateOnly, string>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (settings.Holidays.HolidayOn(day) is string name)
            {
                holidays[day] = name;
            }
        }

        // Only a month with nothing going ahead needs to say when the next meeting is.
        var next = meetings.Any(m => m.Status != MeetingStatus.Cancelled) ? null : await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.BodyId) && m.Date > last && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime)
            .FirstOrDefaultAsync(ct);
        return new MonthView(
            query.Year, query.Month, meetings.Select(m => MeetingQueries.Row(m, shown[m.BodyId], caller)).ToList(), choices, caller.IsSignedIn, holidays,
            next is null ? null : MeetingQueries.Row(next, shown[next.BodyId], caller));
    }

    /// <summary>The next <paramref name="count"/> meetings the caller may see, from today, soonest first; cancelled ones are left out.</summary>
    public async Task<IReadOnlyList<MeetingRow>> ComingAsync(int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var bodies = (await MeetingAccess.VisibleBodiesAsync(db, caller, ct)).ToDictionary(b => b.Id);
        var ids = bodies.Keys.ToList();
        var today = clock.Today();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.BodyId) && m.Date >= today && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime)
            .Take(count)
            .ToListAsync(ct);
        return meetings.Select(m => MeetingQueries.Row(m, bodies[m.BodyId], caller)).ToList();
    }

    public async Task<MeetingDetails?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        Meeting meeting;
        Body body;
        try
        {
            (meeting, body) = await db.MeetingAsync(id, caller, tracked: false, ct);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }

        var settings = await db.SettingsAsync(ct);
        var today = clock.Today();
        var names = await db.PeopleNamesAsync(ct);
        var reader = caller.ReaderOf(body);
        var canKeep = caller.CanKeepRecord(body);

        var deadline = MeetingQueries.AgendaDeadline(body, meeting, settings);
        var clock_ = deadline is DateOnly due
            ? new AgendaClock(
                settings.AgendaClearDays, due, meeting.AgendaPublishedOn, meeting.AgendaIsLate(due), meeting.LateReason,
                meeting.AgendaPublishedOn is null && today > due && !meeting.IsCancelled && meeting.Date >= today)
            : null;

        var siblings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == body.Id && m.Status != MeetingStatus.Cancelled)
            .Select(m => new { m.Id, m.Date }).ToListAsync(ct);
        var previous = siblings.Where(m => m.Date < meeting.Date).OrderByDescending(m => m.Date).FirstOrDefault();
        var previousItems = previous is null || !canKeep
            ? []
            : (await db.AgendaItems.AsNoTracking().Include(i => i.Declarations).Where(i => i.MeetingId == previous.Id).OrderBy(i => i.Number).ToListAsync(ct))
                .Select(i => ItemView(i, reader)).ToList();
        var later = siblings.Where(m => m.Date > meeting.Date).OrderBy(m => m.Date).Take(3).Select(m => new NamedMeeting(m.Id, m.Date)).ToList();

        var actions = await MeetingAccess.ActionsAsync(
            db, reader, body, a => a.MeetingId == meeting.Id || a.CompletedOn == null || a.CompletedOn >= meeting.Date, ct);
        var agreedOn = siblings.ToDictionary(m => m.Id, m => m.Date);
        agreedOn[meeting.Id] = meeting.Date;
        AgreedActionView View(AgreedAction a) => new(
            a.Id, a.Text, names.GetValueOrDefault(a.OwnerId, "?"), a.DueDate, a.CompletedOn, a.IsOverdue(today), a.MeetingId,
            agreedOn.GetValueOrDefault(a.MeetingId), actions.ItemTitle(a));
        bool Carried(AgreedAction a) => agreedOn.ContainsKey(a.MeetingId) && a.IsCarriedTo(meeting, agreedOn[a.MeetingId]);
        bool AgreedHere(AgreedAction a) => a.MeetingId == meeting.Id;
        var carried = actions.Readable.Where(Carried).Select(View).ToList();
        var agreedHere = actions.Readable.Where(AgreedHere).Select(View).ToList();

        // A seat held by a post is taken by whoever held the post on the day of the meeting.
        var holders = await db.HoldersOnAsync(meeting.Date, ct);
        var seats = body.Members.OrderBy(m => m.Position)
            .Select(m => (Member: m, Person: m.PersonId ?? (m.PostId is int post && holders.TryGetValue(post, out var holder) ? holder : (int?)null)))
            .Where(s => s.Person is not null)
            .ToList();
        var seated = seats.Select(s => s.Person!.Value).ToHashSet();
        var attendance = seats
            .Select(s => new AttendanceView(
                s.Person!.Value, names.GetValueOrDefault(s.Person.Value, "?"), s.Member.Role,
                meeting.Attendance.SingleOrDefault(a => a.PersonId == s.Person)?.Kind))
            .Concat(meeting.Attendance.Where(a => !seated.Contains(a.PersonId))
                .Select(a => new AttendanceView(a.PersonId, names.GetValueOrDefault(a.PersonId, "?"), null, a.Kind)))
            .ToList();

        var record = new RecordView(
            meeting.Record,
            meeting.ApprovedAtMeetingId is int approvedAt && agreedOn.TryGetValue(approvedAt, out var approvedDate) ? new NamedMeeting(approvedAt, approvedDate) : null,
            meeting.Signatories, meeting.RecordDate, meeting.PostedOn,
            body.Regime == Regime.Sweden ? ProtokollDeadlines.For(meeting.Date, meeting.RecordDate, meeting.PostedOn, settings.Holidays) : null,
            later);
        var people = canKeep
            ? await db.People.AsNoTracking().OrderBy(p => p.DisplayName).Select(p => new NamedItem(p.Id, p.DisplayName)).ToListAsync(ct)
            : [];
        var holiday = meeting.SeriesDate is DateOnly series && series != meeting.Date && meeting.MovedFrom is null
            ? settings.Holidays.HolidayOn(series)
            : null;

        var itemReports = await db.Reports.AsNoTracking()
            .Where(r => r.MeetingId == meeting.Id && r.Status == Domain.Reports.ReportStatus.Published && r.AgendaItemId != null)
            .Select(r => new { ItemId = r.AgendaItemId!.Value, Report = new ItemReport(r.Id, r.Reference, r.IsExempt, r.ExemptParagraph) })
            .ToDictionaryAsync(r => r.ItemId, r => r.Report, ct);

        return new MeetingDetails(
            meeting.Id, meeting.Version, body.Id, body.Name, body.Slug, body.Regime, body.Kind, body.IsPublic, body.ReportsTo,
            meeting.Date, meeting.StartTime, meeting.EndTime, meeting.Venue, meeting.Status, meeting.CancelReason, meeting.MovedFrom, meeting.Sequence,
            clock_, meeting.AgendaPublishedOn,
            meeting.Items.OrderBy(i => i.Number).Select(i => ItemView(i, reader)).ToList(),
            attendance, carried, agreedHere, record,
            previous is null ? null : new NamedMeeting(previous.Id, previous.Date), previousItems,
            canKeep, meeting.RecordIsFinal, people, holiday)
        {
            ItemReports = itemReports,
            CarriedWithheld = actions.WithheldWhere(Carried),
            AgreedHereWithheld = actions.WithheldWhere(AgreedHere),
        };
    }

    private static AgendaItemView ItemView(AgendaItem item, MeetingReader reader)
    {
        var withheld = !Confidentiality.MayRead(reader, item);
        return new AgendaItemView(
            item.Id, item.Version, item.Number, item.Title, item.Presenter, item.MinutesAllowed, item.IsPrivate, withheld,
            withheld ? null : item.Notes, item.CarriedFromId is not null,
            withheld ? [] : item.Declarations.Select(d => new DeclarationView(d.Name, d.Interest)).ToList());
    }

    /// <summary>Adds a single meeting by hand, outside the series.</summary>
    public async Task<int> AddMeetingAsync(int bodyId, MeetingTimeEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == bodyId, ct) ?? throw new KeyNotFoundException($"No body {bodyId}.");
        caller.DemandKeepRecord(body);
        var (date, start, end) = Times(edit);
        var meeting = Meeting.Schedule(body, date, start, end, edit.Venue);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
        return meeting.Id;
    }

    public Task<int> RescheduleAsync(int id, MeetingTimeEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var (date, start, end) = Times(edit);
        return ChangeMeetingAsync(id, edit.Version, m => m.Reschedule(date, start, end, edit.Venue), ct);
    }

    public Task<int> CancelAsync(int id, string? reason, int version, CancellationToken ct) =>
        ChangeMeetingAsync(id, version, m => m.Cancel(reason), ct);

    public Task<int> ReinstateAsync(int id, int version, CancellationToken ct) =>
        ChangeMeetingAsync(id, version, m => m.Reinstate(), ct);

    public Task<int> MarkHeldAsync(int id, int version, CancellationToken ct) =>
        ChangeMeetingAsync(id, version, m => m.MarkHeld(clock.Today()), ct);

    public async Task<int> PublishAgendaAsync(int id, string? lateReason, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.SettingsAsync(ct);
        return await ChangeMeetingAsync(db, id, version, (m, body) => m.PublishAgenda(clock.Today(), MeetingQueries.AgendaDeadline(body, m, settings), lateReason), ct);
    }

    public Task<int> AddItemAsync(int meetingId, AgendaItemEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return ChangeMeetingAsync(meetingId, null, m => m.AddItem(edit.Title, edit.Presenter, edit.MinutesAllowed, edit.IsPrivate), ct);
    }

    public async Task<int> UpdateItemAsync(int meetingId, int itemId, AgendaItemEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        bool holdsExempt;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            holdsExempt = await db.Reports.AnyAsync(r => r.AgendaItemId == itemId && r.IsExempt && r.Status == Domain.Reports.ReportStatus.Published, ct);
        }

        return await ChangeItemAsync(meetingId, itemId, edit.Version, i => i.Describe(edit.Title, edit.Presenter, edit.MinutesAllowed, edit.IsPrivate, holdsExempt), ct);
    }

    public Task<int> WriteNotesAsync(int meetingId, int itemId, string? notes, int version, CancellationToken ct) =>
        ChangeItemAsync(meetingId, itemId, version, (i, m) =>
        {
            i.WriteNotes(notes);
            m.StartRecord();
        }, ct);

    public Task<int> DeclareAsync(int meetingId, int itemId, int? personId, string name, string interest, CancellationToken ct) =>
        ChangeItemAsync(meetingId, itemId, null, i => i.Declare(personId, name, interest), ct);

    public Task<int> MoveItemAsync(int meetingId, int itemId, int position, CancellationToken ct) =>
        ChangeMeetingAsync(meetingId, null, m => m.MoveItem(itemId, position), ct);

    public async Task<int> RemoveItemAsync(int meetingId, int itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hasActions = await db.AgreedActions.AnyAsync(a => a.AgendaItemId == itemId, ct);
        return await ChangeMeetingAsync(db, meetingId, null, (m, _) => m.RemoveItem(itemId, hasActions), ct);
    }

    /// <summary>Puts an item from an earlier meeting of the same body on this agenda, marked as carried forward.</summary>
    public async Task<int> CarryForwardAsync(int meetingId, int fromItemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == fromItemId, ct)
            ?? throw new DomainRuleException("Agenda.NoSuchItem", "That item is no longer on the agenda.", nameof(AgendaItem.Number));
        var fromMeeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == from.MeetingId, ct);
        return await ChangeMeetingAsync(db, meetingId, null, (m, _) =>
        {
            if (fromMeeting.BodyId != m.BodyId || fromMeeting.Date >= m.Date)
            {
                throw new DomainRuleException("Agenda.CarryFromEarlier", "Only an item from an earlier meeting of the same body can be carried forward.", nameof(AgendaItem.Number));
            }

            if (m.Items.Any(i => i.CarriedFromId == from.Id))
            {
                throw new DomainRuleException("Agenda.AlreadyCarried", "That item is already on this agenda.", nameof(AgendaItem.Number));
            }

            m.AddItem(from.Title, from.Presenter, from.MinutesAllowed, from.IsPrivate, from.Id);
        }, ct);
    }

    public async Task RecordAttendanceAsync(int meetingId, int personId, AttendanceKind kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            throw new DomainRuleException("Meeting.AttendeeRequired", "Choose who attended.", nameof(Attendance));
        }

        await ChangeMeetingAsync(db, meetingId, null, (m, _) => m.RecordAttendance(personId, kind), ct);
    }

    public async Task<int> AgreeActionAsync(int meetingId, AgreedActionEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var (meeting, body) = await db.MeetingAsync(meetingId, caller, tracked: false, ct);
        caller.DemandKeepRecord(body);
        if (!await db.People.AnyAsync(p => p.Id == edit.OwnerId, ct))
        {
            throw new DomainRuleException("AgreedAction.OwnerRequired", "Choose who will do the action.", nameof(AgreedAction.OwnerId));
        }

        var action = AgreedAction.Agree(meeting, edit.AgendaItemId, edit.Text, edit.OwnerId, edit.DueDate);
        db.AgreedActions.Add(action);
        await db.SaveChangesAsync(ct);
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
        return action.Id;
    }

    public async Task SetActionDoneAsync(int actionId, bool done, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var action = await db.AgreedActions.SingleOrDefaultAsync(a => a.Id == actionId, ct) ?? throw new KeyNotFoundException($"No action {actionId}.");
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleAsync(b => b.Id == action.BodyId, ct);
        caller.DemandSee(body);
        if (!caller.CanKeepRecord(body) && caller.PersonId != action.OwnerId)
        {
            throw new Infrastructure.Security.AccessDeniedException("CompleteMeetingAction");
        }

        if (done)
        {
            action.Complete(clock.Today());
        }
        else
        {
            action.Reopen();
        }

        await db.SaveChangesAsync(ct);
        changes.Publish(new MeetingChanged(action.MeetingId, body.Id));
    }

    public async Task<int> ApproveMinutesAsync(int id, int laterMeetingId, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var later = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == laterMeetingId, ct)
            ?? throw new DomainRuleException("Minutes.ApproveAtLaterMeeting", "Minutes are approved as a correct record at a later meeting of the same body.", nameof(Meeting.ApprovedAtMeetingId));
        return await ChangeMeetingAsync(db, id, version, (m, body) => m.ApproveMinutes(body.Regime, later), ct);
    }

    public async Task<int> SignProtokollAsync(int id, string signatories, DateOnly? signedOn, int version, CancellationToken ct)
    {
        if (signedOn is not DateOnly signed)
        {
            throw new DomainRuleException("Minutes.SignedOnRequired", "Enter the date the protokoll was signed.", nameof(Meeting.RecordDate));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeMeetingAsync(db, id, version, (m, body) => m.SignProtokoll(body.Regime, signatories, signed, clock.Today()), ct);
    }

    public async Task<int> PostNoticeAsync(int id, DateOnly? postedOn, int version, CancellationToken ct)
    {
        if (postedOn is not DateOnly posted)
        {
            throw new DomainRuleException("Minutes.PostedOnRequired", "Enter the date the notice was posted.", nameof(Meeting.PostedOn));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeMeetingAsync(db, id, version, (m, _) => m.PostNotice(posted, clock.Today()), ct);
    }

    public async Task<int> PublishNotesAsync(int id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeMeetingAsync(db, id, version, (m, body) => m.PublishNotes(body.Regime, clock.Today()), ct);
    }

    private async Task<int> ChangeMeetingAsync(int id, int? version, Action<Meeting> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeMeetingAsync(db, id, version, (m, _) => change(m), ct);
    }

    /// <summary>The one path every meeting write takes: find, check rights, check the version, change, save, tell.</summary>
    private async Task<int> ChangeMeetingAsync(PortalDbContext db, int id, int? version, Action<Meeting, Body> change, CancellationToken ct)
    {
        var caller = await access.CallerAsync(ct);
        var (meeting, body) = await db.MeetingAsync(id, caller, tracked: true, ct);
        caller.DemandKeepRecord(body);
        if (version is int expected)
        {
            await db.ExpectVersionAsync(meeting, expected, ct);
        }

        change(meeting, body);
        await db.SaveChangesAsync(ct);
        await Search.SearchIndex.MeetingAsync(db, meeting, body, ct);
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
        return meeting.Version;
    }

    private Task<int> ChangeItemAsync(int meetingId, int itemId, int? version, Action<AgendaItem> change, CancellationToken ct) =>
        ChangeItemAsync(meetingId, itemId, version, (i, _) => change(i), ct);

    private async Task<int> ChangeItemAsync(int meetingId, int itemId, int? version, Action<AgendaItem, Meeting> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var (meeting, body) = await db.MeetingAsync(meetingId, caller, tracked: true, ct);
        caller.DemandKeepRecord(body);
        meeting.EnsureRecordOpen();
        var item = meeting.Item(itemId);
        if (version is int expected)
        {
            await db.ExpectVersionAsync(item, expected, ct);
        }

        change(item, meeting);
        await db.SaveChangesAsync(ct);
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
        return item.Version;
    }

    private static (DateOnly Date, TimeOnly Start, TimeOnly End) Times(MeetingTimeEdit edit)
    {
        if (edit.Date is not DateOnly date)
        {
            throw new DomainRuleException("Meeting.DateRequired", "Enter the date of the meeting.", nameof(Meeting.Date));
        }

        if (edit.StartTime is not TimeOnly start)
        {
            throw new DomainRuleException("Meeting.StartRequired", "Enter the time the meeting starts.", nameof(Meeting.StartTime));
        }

        if (edit.EndTime is not TimeOnly end)
        {
            throw new DomainRuleException("Meeting.EndRequired", "Enter the time the meeting ends.", nameof(Meeting.EndTime));
        }

        return (date, start, end);
    }
}
