using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Features.Notifications.Distribution; // published notes go to the body's distribution list
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Meetings.Minutes;

/// <summary>
/// A meeting's record: the notes on its items, who attended, the actions agreed and their
/// completion, and the minutes' approval, or a Swedish protokoll's signing, posting and
/// publication. Each write checks the caller's rights and tells open pages through the change feed.
/// </summary>
public sealed class MinutesService(
    IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, MeetingWriter writer, ChangeFeed changes, TimeProvider clock,
    NotesNotifier notes)
{
    public Task<int> WriteNotesAsync(int meetingId, int itemId, string? notes, int version, CancellationToken ct) =>
        writer.ChangeItemAsync(meetingId, itemId, version, (i, m) =>
        {
            i.WriteNotes(notes);
            m.StartRecord();
        }, ct);

    public async Task RecordAttendanceAsync(int meetingId, int personId, AttendanceKind kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            throw new DomainRuleException("Meeting.AttendeeRequired", "Choose who attended.", nameof(Attendance));
        }

        await writer.ChangeMeetingAsync(db, meetingId, null, (m, _) => m.RecordAttendance(personId, kind), ct);
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
        return await writer.ChangeMeetingAsync(db, id, version, (m, body) => m.ApproveMinutes(body.Regime, later), ct);
    }

    public async Task<int> SignProtokollAsync(int id, string signatories, DateOnly? signedOn, int version, CancellationToken ct)
    {
        if (signedOn is not DateOnly signed)
        {
            throw new DomainRuleException("Minutes.SignedOnRequired", "Enter the date the protokoll was signed.", nameof(Meeting.RecordDate));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await writer.ChangeMeetingAsync(db, id, version, (m, body) => m.SignProtokoll(body.Regime, signatories, signed, clock.Today()), ct);
    }

    public async Task<int> PostNoticeAsync(int id, DateOnly? postedOn, int version, CancellationToken ct)
    {
        if (postedOn is not DateOnly posted)
        {
            throw new DomainRuleException("Minutes.PostedOnRequired", "Enter the date the notice was posted.", nameof(Meeting.PostedOn));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await writer.ChangeMeetingAsync(db, id, version, (m, _) => m.PostNotice(posted, clock.Today()), ct);
    }

    public async Task<int> PublishNotesAsync(int id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The distribution list is told in the same save as the publish.
        return await writer.ChangeMeetingAsync(
            db, id, version, (m, body) => m.PublishNotes(body.Regime, clock.Today()), ct, notify: (m, body) => notes.AddAsync(db, m, body, ct));
    }
}
