using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Outbox; // publishing the papers tells the body's members
using Portal.Infrastructure.Time;

namespace Portal.Features.Meetings.Agenda;

/// <summary>
/// A meeting's agenda: publishing it against the statutory clock, and adding, describing,
/// declaring interests on, moving, removing and carrying forward its items. Each write checks
/// the caller may keep the body's record and tells open pages through the change feed.
/// </summary>
public sealed class AgendaService(IDbContextFactory<PortalDbContext> dbFactory, MeetingWriter writer, NotificationWriter notifications, TimeProvider clock)
{
    public async Task<int> PublishAgendaAsync(int id, string? lateReason, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.SettingsAsync(ct);
        return await writer.ChangeMeetingAsync(
            db, id, version, (m, body) => m.PublishAgenda(clock.Today(), MeetingQueries.AgendaDeadline(body, m, settings), lateReason), ct,
            async (m, body) => await notifications.AddAsync(
                db, NotificationKind.PapersPublished, await NotificationAudience.BodyAsync(db, body, m.Date, ct), NotificationAbout.Meeting(body, m), ct));
    }

    public Task<int> AddItemAsync(int meetingId, AgendaItemEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return writer.ChangeMeetingAsync(meetingId, null, m => m.AddItem(edit.Title, edit.Presenter, edit.MinutesAllowed, edit.IsPrivate), ct);
    }

    public async Task<int> UpdateItemAsync(int meetingId, int itemId, AgendaItemEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        bool holdsExempt;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            holdsExempt = await db.Reports.AnyAsync(r => r.AgendaItemId == itemId && r.IsExempt && r.Status == Domain.Reports.ReportStatus.Published, ct);
        }

        return await writer.ChangeItemAsync(meetingId, itemId, edit.Version, i => i.Describe(edit.Title, edit.Presenter, edit.MinutesAllowed, edit.IsPrivate, holdsExempt), ct);
    }

    public Task<int> DeclareAsync(int meetingId, int itemId, int? personId, string name, string interest, CancellationToken ct) =>
        writer.ChangeItemAsync(meetingId, itemId, null, i => i.Declare(personId, name, interest), ct);

    public Task<int> MoveItemAsync(int meetingId, int itemId, int position, CancellationToken ct) =>
        writer.ChangeMeetingAsync(meetingId, null, m => m.MoveItem(itemId, position), ct);

    public async Task<int> RemoveItemAsync(int meetingId, int itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hasActions = await db.AgreedActions.AnyAsync(a => a.AgendaItemId == itemId, ct);
        return await writer.ChangeMeetingAsync(db, meetingId, null, (m, _) => m.RemoveItem(itemId, hasActions), ct);
    }

    /// <summary>Puts an item from an earlier meeting of the same body on this agenda, marked as carried forward.</summary>
    public async Task<int> CarryForwardAsync(int meetingId, int fromItemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == fromItemId, ct)
            ?? throw new DomainRuleException("Agenda.NoSuchItem", "That item is no longer on the agenda.", nameof(AgendaItem.Number));
        var fromMeeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == from.MeetingId, ct);
        return await writer.ChangeMeetingAsync(db, meetingId, null, (m, _) =>
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
}
