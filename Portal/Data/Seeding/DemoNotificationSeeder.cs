using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Outbox;

namespace Portal.Data.Seeding;

/// <summary>
/// What the demo's people would have been told by the day the demo starts: the papers of every
/// meeting published in the last fortnight or coming up, as the publish itself would have written
/// them (to everyone with a seat on the body). They are kept in the portal and never mailed, and
/// those for meetings already held are read, so a councillor opens the portal to a short list of
/// what is new rather than an empty page.
/// </summary>
internal static class DemoNotificationSeeder
{
    public static async Task SeedAsync(PortalDbContext db, InstallationKind kind, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var culture = kind == InstallationKind.SwedishDemo ? "sv-SE" : "en-GB";
        var meetings = await db.Meetings
            .Where(m => m.AgendaPublishedOn != null && m.Date >= today.AddDays(-14) && m.Date <= today.AddDays(21))
            .OrderBy(m => m.AgendaPublishedOn).ThenBy(m => m.Date)
            .ToListAsync(ct);
        var bodies = await db.Bodies.Include(b => b.Members).ToDictionaryAsync(b => b.Id, ct);
        var emails = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email, ct);
        foreach (var meeting in meetings)
        {
            var body = bodies[meeting.BodyId];
            var about = NotificationAbout.Meeting(body, meeting);
            // At nine on the day of publishing, but never later than the demo's start: the newest is told first.
            var published = meeting.AgendaPublishedOn!.Value.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            published = published < nowUtc ? published : nowUtc.AddMinutes(-1);
            foreach (var personId in await NotificationAudience.BodyAsync(db, body, meeting.Date, ct))
            {
                var notification = Notification.Create(
                    NotificationKind.PapersPublished, personId, emails.GetValueOrDefault(personId), culture,
                    about.Subject, about.Date, about.Detail, about.Link, about.MeetingId, DeliveryState.NotMailed, published);
                if (meeting.Date < today)
                {
                    notification.MarkRead(published);
                }

                db.Notifications.Add(notification);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
