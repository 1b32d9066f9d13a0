using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Domain.Plans;
using Portal.Features.Notifications.Outbox;
using Portal.Infrastructure.Time;

namespace Portal.Features.Notifications.Chasers;

/// <summary>Settings for chasers (<c>Portal:Notifications</c>).</summary>
public sealed class ChaserOptions
{
    public const string Section = "Portal:Notifications";

    /// <summary>How many days before an action's due date (or the end of an indicator's period) its owner is chased.</summary>
    public int ChaseDays { get; set; } = 7;

    /// <summary>The day of the week the directors' weekly summary goes, at the digest hour on the council's clock.</summary>
    public DayOfWeek SummaryDay { get; set; } = DayOfWeek.Monday;

    /// <summary>
    /// How long after start-up the sender waits before its first mail (notifications are still written).
    /// Zero by default; a test holds the sender back with it to kill the process between writing and sending.
    /// </summary>
    public TimeSpan SenderStartDelay { get; set; } = TimeSpan.Zero;
}

/// <summary>
/// Chases the owners of plan actions that are open and due within <see cref="ChaserOptions.ChaseDays"/>
/// days, and again once overdue, on the council's clock. Each item is chased at most once per kind
/// per due date: the notification itself (its kind, link and date) is the record, so a run twice a
/// day, or after a restart, tells nobody twice; a new due date is chased afresh. Chasers cannot be
/// switched off (they are what the owner must act on).
/// </summary>
public sealed class ActionChaser(IDbContextFactory<PortalDbContext> dbFactory, NotificationWriter notifications, IOptions<ChaserOptions> options, TimeProvider clock)
{
    public async Task<int> ChaseAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var horizon = today.AddDays(Math.Max(0, options.Value.ChaseDays));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Actions.AsNoTracking()
            .Where(a => a.Status != ActionStatus.Completed && a.Status != ActionStatus.Cancelled && a.DueDate <= horizon)
            .Select(a => new { a.Id, a.Title, a.OwnerId, a.DueDate })
            .ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }

        var links = open.Select(a => Link(a.Id)).ToList();
        var told = (await db.Notifications.AsNoTracking()
                .Where(n => (n.Kind == NotificationKind.ActionDue || n.Kind == NotificationKind.ActionOverdue) && links.Contains(n.Link))
                .Select(n => new { n.Kind, n.Link, n.Date })
                .ToListAsync(ct))
            .Select(n => (n.Kind, n.Link, n.Date))
            .ToHashSet();
        var count = 0;
        foreach (var action in open.OrderBy(a => a.Id))
        {
            var kind = action.DueDate < today ? NotificationKind.ActionOverdue : NotificationKind.ActionDue;
            if (told.Contains((kind, Link(action.Id), action.DueDate)))
            {
                continue;
            }

            await notifications.AddAsync(db, kind, [action.OwnerId], new NotificationAbout(action.Title, action.DueDate, Link(action.Id)), ct);
            count++;
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    private static string Link(int id) => $"plans/actions/{id}";
}
