using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Outbox;

namespace Portal.Features.Notifications.Distribution;

/// <summary>
/// When an internal body's notes are published, adds one notification per entry on its
/// distribution list to the context the publish is saved in (so they are written in the same
/// save): people as any notification, by their own language and preference; outside addresses in
/// the council's language, with no preference but a link off the list. Each says only that the
/// notes of the body's meeting on its date are published and where to read them.
/// </summary>
public sealed class NotesNotifier(NotificationWriter notifications)
{
    public async Task AddAsync(PortalDbContext db, Meeting meeting, Body body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(body);
        var list = await db.DistributionRecipients.AsNoTracking().Where(r => r.BodyId == body.Id).OrderBy(r => r.Id).ToListAsync(ct);
        if (list.Count == 0)
        {
            return;
        }

        var about = NotificationAbout.Meeting(body, meeting);
        await notifications.AddAsync(db, NotificationKind.NotesPublished, list.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value), about, ct);
        foreach (var outside in list.Where(r => r.Email is not null))
        {
            notifications.AddTo(db, NotificationKind.NotesPublished, null, outside.Email!, null, about);
        }
    }
}
