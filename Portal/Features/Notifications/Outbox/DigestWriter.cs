using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Mail;
using Portal.Infrastructure.Time;

namespace Portal.Features.Notifications.Outbox;

/// <summary>
/// Once a day, at <see cref="MailOptions.DigestHour"/> on the council's clock (London or Stockholm time, summer time included), gathers each person's notifications
/// waiting for the digest into one digest notification, in one transaction, which the sender then
/// mails like any other. Run again the same day it finds nothing left to gather.
/// </summary>
public sealed class DigestWriter(IDbContextFactory<PortalDbContext> dbFactory, ConfiguredMail mail, TimeProvider clock)
{
    public async Task<int> WriteDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hour = new TimeOnly(Math.Clamp(mail.Options.DigestHour, 0, 23), 0);
        var today = clock.Today();
        var cutoff = CouncilTime.ToUtc(today, hour, clock.LocalTimeZone);
        if (cutoff > now)
        {
            cutoff = CouncilTime.ToUtc(today.AddDays(-1), hour, clock.LocalTimeZone);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await db.Notifications.AsNoTracking()
            .Where(n => n.State == DeliveryState.AwaitingDigest && n.CreatedUtc < cutoff && n.PersonId != null)
            .Select(n => new { n.Id, PersonId = n.PersonId!.Value, n.Email, n.Culture })
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var person in waiting.GroupBy(n => n.PersonId))
        {
            var last = person.MaxBy(n => n.Id)!;
            var digest = Notification.Create(
                NotificationKind.Digest, person.Key, last.Email, last.Culture, person.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), null, null,
                "notifications", null, DeliveryState.Pending, now);
            db.Notifications.Add(digest);
            await db.SaveChangesAsync(ct);
            var ids = person.Select(n => n.Id).ToList();
            var gathered = await db.Notifications.Where(n => ids.Contains(n.Id) && n.State == DeliveryState.AwaitingDigest)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, DeliveryState.Digested).SetProperty(n => n.DigestId, digest.Id), ct);
            if (gathered == 0)
            {
                // Another instance's round gathered them first: no empty digest.
                db.Notifications.Remove(digest);
                await db.SaveChangesAsync(ct);
            }
            else if (gathered < ids.Count)
            {
                // Another round gathered some of them: the digest counts those it has.
                var count = gathered.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await db.Notifications.Where(n => n.Id == digest.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Subject, count), ct);
            }
        }

        await transaction.CommitAsync(ct);
        return waiting.Count;
    }
}
