using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Features.Establishment; // a seat can follow a post: its holder on the day sits in it
using Portal.Infrastructure.Time;

namespace Portal.Features.Meetings.Calendar;

/// <summary>
/// Reading meetings: the month calendar, the next few meetings, and one meeting whole with its
/// agenda, record and actions, each as the caller may see it.
/// </summary>
public sealed class MeetingService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, TimeProvider clock)
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
            next is null ? null : MeetingQueries.Row(next, shown[next.BodyId], caller),
            shown.Values.ToDictionary(b => b.Id, b => b.ShownColour));
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

        var declaring = meeting.Items.SelectMany(i => i.Declarations).Select(d => d.PersonId).OfType<int>().Distinct().ToList();
        var registered = declaring.Count == 0
            ? new HashSet<int>()
            : (await db.Councillors.AsNoTracking()
                .Where(c => declaring.Contains(c.PersonId) && db.RegisteredInterests.Any(i => i.CouncillorId == c.Id && i.PublishedOn != null && i.RemovedOn == null))
                .Select(c => c.PersonId).ToListAsync(ct)).ToHashSet();
        var itemReports = await db.Reports.AsNoTracking()
            .Where(r => r.MeetingId == meeting.Id && r.Status == Domain.Reports.ReportStatus.Published && r.AgendaItemId != null)
            .Select(r => new { ItemId = r.AgendaItemId!.Value, Report = new ItemReport(r.Id, r.Reference, r.IsExempt, r.ExemptParagraph) })
            .ToDictionaryAsync(r => r.ItemId, r => r.Report, ct);

        return new MeetingDetails(
            meeting.Id, meeting.Version, body.Id, body.Name, body.Slug, body.Regime, body.Kind, body.IsPublic, body.ReportsTo,
            meeting.Date, meeting.StartTime, meeting.EndTime, meeting.Venue, meeting.Status, meeting.CancelReason, meeting.MovedFrom, meeting.Sequence,
            clock_, meeting.AgendaPublishedOn,
            meeting.Items.OrderBy(i => i.Number).Select(i => ItemView(i, reader, registered)).ToList(),
            attendance, carried, agreedHere, record,
            previous is null ? null : new NamedMeeting(previous.Id, previous.Date), previousItems,
            canKeep, meeting.RecordIsFinal, people, holiday)
        {
            ItemReports = itemReports,
            CarriedWithheld = actions.WithheldWhere(Carried),
            AgreedHereWithheld = actions.WithheldWhere(AgreedHere),
        };
    }

    private static AgendaItemView ItemView(AgendaItem item, MeetingReader reader) => ItemView(item, reader, new HashSet<int>());

    /// <param name="registered">The people with a published register of interests, whose declarations link to it.</param>
    private static AgendaItemView ItemView(AgendaItem item, MeetingReader reader, IReadOnlySet<int> registered)
    {
        var withheld = !Confidentiality.MayRead(reader, item);
        return new AgendaItemView(
            item.Id, item.Version, item.Number, item.Title, item.Presenter, item.MinutesAllowed, item.IsPrivate, withheld,
            withheld ? null : item.Notes, item.CarriedFromId is not null,
            withheld ? [] : item.Declarations.Select(d => new DeclarationView(d.Name, d.Interest, d.PersonId is int p && registered.Contains(p) ? p : null)).ToList());
    }
}
