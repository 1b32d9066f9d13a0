using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Meetings;

/// <summary>
/// The one path every write to a meeting or one of its agenda items takes, whichever service
/// makes it (its time and status, its agenda, its record): find, check the caller keeps the
/// body's record, check the version, change, save, tell open pages through the change feed.
/// </summary>
public sealed class MeetingWriter(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes)
{
    public async Task<int> ChangeMeetingAsync(int id, int? version, Action<Meeting> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeMeetingAsync(db, id, version, (m, _) => change(m), ct);
    }

    /// <summary>
    /// The one path every meeting write takes: find, check rights, check the version, change, save, tell.
    /// <paramref name="notify"/> adds the notifications the change causes to the same context, so they are saved with it.
    /// </summary>
    public async Task<int> ChangeMeetingAsync(PortalDbContext db, int id, int? version, Action<Meeting, Body> change, CancellationToken ct, Func<Meeting, Body, Task>? notify = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var caller = await access.CallerAsync(ct);
        var (meeting, body) = await db.MeetingAsync(id, caller, tracked: true, ct);
        caller.DemandKeepRecord(body);
        if (version is int expected)
        {
            await db.ExpectVersionAsync(meeting, expected, ct);
        }

        change(meeting, body);
        if (notify is not null)
        {
            await notify(meeting, body);
        }

        await db.SaveChangesAsync(ct);
        await Search.SearchIndex.MeetingAsync(db, meeting, body, ct);
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
        return meeting.Version;
    }

    public Task<int> ChangeItemAsync(int meetingId, int itemId, int? version, Action<AgendaItem> change, CancellationToken ct) =>
        ChangeItemAsync(meetingId, itemId, version, (i, _) => change(i), ct);

    public async Task<int> ChangeItemAsync(int meetingId, int itemId, int? version, Action<AgendaItem, Meeting> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
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
}
