using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Mail;
using Portal.Features.Notifications.Outbox;
using Portal.Features.Plans; // whose directorate a director leads
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Notifications.Chasers;

/// <summary>
/// Once a week, on <see cref="ChaserOptions.SummaryDay"/> from <see cref="MailOptions.DigestHour"/>
/// on the council's clock, tells each director about their directorate's plan: one notification per
/// plan, whose mail lists the plan's overdue and due actions and indicator updates (written by
/// <see cref="SummaryLines"/> when it is sent). The notification itself (person, plan, day) is the
/// record, so a second run that day, or a restart, writes none.
/// </summary>
public sealed class DirectorSummary(
    IDbContextFactory<PortalDbContext> dbFactory, NotificationWriter notifications, DirectorateMap directorates, ConfiguredMail mail,
    IOptions<ChaserOptions> options, TimeProvider clock)
{
    public async Task<int> WriteDueAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var from = CouncilTime.ToUtc(today, new TimeOnly(Math.Clamp(mail.Options.DigestHour, 0, 23), 0), clock.LocalTimeZone);
        if (today.DayOfWeek != options.Value.SummaryDay || clock.GetUtcNow().UtcDateTime < from)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var directorRole = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Director)).Select(ur => ur.UserId);
        var directors = await db.People.AsNoTracking().Where(p => p.UserId != null && directorRole.Contains(p.UserId)).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Title, p.DirectorateId }).ToListAsync(ct);
        var told = (await db.Notifications.AsNoTracking()
                .Where(n => n.Kind == NotificationKind.DirectorSummary && n.Date == today)
                .Select(n => new { n.PersonId, n.Link })
                .ToListAsync(ct))
            .Select(n => (n.PersonId, n.Link))
            .ToHashSet();
        var count = 0;
        foreach (var director in directors)
        {
            var directorate = await directorates.OfPersonAsync(director, ct);
            foreach (var plan in plans.Where(p => directorate is not null && p.DirectorateId == directorate))
            {
                var link = $"plans/{plan.Id}";
                if (told.Contains((director, link)))
                {
                    continue;
                }

                await notifications.AddAsync(db, NotificationKind.DirectorSummary, [director], new NotificationAbout(plan.Title, today, link), ct);
                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        return count;
    }
}
