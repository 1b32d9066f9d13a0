using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Outbox; // a moved or cancelled meeting tells its members
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Meetings.Calendar;

/// <summary>
/// A meeting's place in the calendar: adding one by hand, moving, cancelling, reinstating and
/// marking it held. Each write checks the caller may keep the body's record, refuses a stale
/// version, and tells open pages through the change feed.
/// </summary>
public sealed class ScheduleService(
    IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, MeetingWriter writer, NotificationWriter notifications, ChangeFeed changes, TimeProvider clock)
{
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

    /// <summary>Moves a meeting; a change of day or time tells its members, with the updated calendar entry.</summary>
    public async Task<int> RescheduleAsync(int id, MeetingTimeEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var (date, start, end) = Times(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moved = false;
        return await writer.ChangeMeetingAsync(
            db, id, edit.Version, (m, _) =>
            {
                var before = (m.Date, m.StartTime, m.EndTime, m.Venue);
                m.Reschedule(date, start, end, edit.Venue);
                moved = before != (m.Date, m.StartTime, m.EndTime, m.Venue);
            }, ct,
            (m, body) => moved ? TellAsync(db, NotificationKind.MeetingMoved, m, body, null, ct) : Task.CompletedTask);
    }

    /// <summary>Cancels a meeting and tells its members, with the calendar entry marked cancelled.</summary>
    public async Task<int> CancelAsync(int id, string? reason, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await writer.ChangeMeetingAsync(
            db, id, version, (m, _) => m.Cancel(reason), ct, (m, body) => TellAsync(db, NotificationKind.MeetingCancelled, m, body, m.CancelReason, ct));
    }

    private async Task TellAsync(PortalDbContext db, NotificationKind kind, Meeting meeting, Body body, string? detail, CancellationToken ct) =>
        await notifications.AddAsync(
            db, kind, await NotificationAudience.BodyAsync(db, body, meeting.Date, ct), NotificationAbout.Meeting(body, meeting, detail, attachCalendar: true), ct);

    public Task<int> ReinstateAsync(int id, int version, CancellationToken ct) =>
        writer.ChangeMeetingAsync(id, version, m => m.Reinstate(), ct);

    public Task<int> MarkHeldAsync(int id, int version, CancellationToken ct) =>
        writer.ChangeMeetingAsync(id, version, m => m.MarkHeld(clock.Today()), ct);

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
