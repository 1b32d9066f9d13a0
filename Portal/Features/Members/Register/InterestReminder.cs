using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Outbox; // the reminder goes through the notifications outbox, in the same save
using Portal.Infrastructure.Time;

namespace Portal.Features.Members.Register;

/// <summary>
/// Reminds each serving councillor to register their interests: when the 28 days after taking
/// office end (Localism Act 2011 s30), and on each anniversary after, to check the register is
/// still right. Run by the outbox's sender every round; the notification itself (its kind, link
/// and date) is the record, so nobody is reminded twice of one date, and a date more than
/// <see cref="Window"/> days past (a portal installed long after an election) is not sent late.
/// </summary>
public sealed class InterestReminder(IDbContextFactory<PortalDbContext> dbFactory, NotificationWriter notifications, TimeProvider clock)
{
    public const int Window = 14;

    /// <summary>The reminder due on or before <paramref name="today"/> for a term that began on <paramref name="tookOffice"/>; null before the first.</summary>
    public static DateOnly? LatestDue(DateOnly tookOffice, DateOnly today)
    {
        var first = tookOffice.AddDays(28);
        if (today < first)
        {
            return null;
        }

        var years = today.Year - tookOffice.Year;
        var anniversary = tookOffice.AddYears(years);
        if (anniversary > today)
        {
            anniversary = tookOffice.AddYears(years - 1);
        }

        return anniversary > first ? anniversary : first;
    }

    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var today = clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var serving = await db.TermsOfOffice.AsNoTracking()
            .Where(t => t.From <= today && (t.To == null || t.To >= today))
            .Join(db.Councillors.AsNoTracking(), t => t.CouncillorId, c => c.Id, (t, c) => new { c.PersonId, t.From })
            .ToListAsync(ct);
        var due = serving
            .Select(s => (s.PersonId, Due: LatestDue(s.From, today)))
            .Where(s => s.Due is DateOnly d && d.AddDays(Window) >= today)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var links = due.Select(d => Link(d.PersonId)).ToList();
        var told = (await db.Notifications.AsNoTracking()
                .Where(n => n.Kind == NotificationKind.InterestsReminder && links.Contains(n.Link))
                .Select(n => new { n.Link, n.Date })
                .ToListAsync(ct))
            .Select(n => (n.Link, n.Date))
            .ToHashSet();
        var names = await db.People.AsNoTracking().Where(p => due.Select(d => d.PersonId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var count = 0;
        foreach (var (personId, date) in due.OrderBy(d => d.PersonId))
        {
            if (told.Contains((Link(personId), date)))
            {
                continue;
            }

            await notifications.AddAsync(db, NotificationKind.InterestsReminder, [personId], new NotificationAbout(names.GetValueOrDefault(personId, "?"), date, Link(personId)), ct);
            count++;
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    private static string Link(int personId) => $"councillors/{personId}#register";
}
