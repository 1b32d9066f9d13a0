using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Domain.Plans;
using Portal.Features.Notifications.Outbox;
using Portal.Features.Plans; // an indicator's period in words
using Portal.Infrastructure.Time;

namespace Portal.Features.Notifications.Chasers;

/// <summary>
/// Chases the owners of indicators whose figures are wanted, on the council's clock: the current
/// period's figure when the period ends within <see cref="ChaserOptions.ChaseDays"/> days, and the
/// last complete period's once it has ended with no figure entered. Like the action chaser, each
/// indicator is chased at most once per kind per period end (the notification itself is the record),
/// so a second run, or a restart, tells nobody twice. It cannot be switched off.
/// </summary>
public sealed class IndicatorChaser(IDbContextFactory<PortalDbContext> dbFactory, NotificationWriter notifications, IOptions<ChaserOptions> options, TimeProvider clock)
{
    public async Task<int> ChaseAsync(CancellationToken ct)
    {
        var today = clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wanted = await WantedAsync(db, today, options.Value.ChaseDays, ct);
        if (wanted.Count == 0)
        {
            return 0;
        }

        var links = wanted.Select(w => w.Link).Distinct().ToList();
        var told = (await db.Notifications.AsNoTracking()
                .Where(n => (n.Kind == NotificationKind.IndicatorDue || n.Kind == NotificationKind.IndicatorOverdue) && links.Contains(n.Link))
                .Select(n => new { n.Kind, n.Link, n.Date })
                .ToListAsync(ct))
            .Select(n => (n.Kind, n.Link, n.Date))
            .ToHashSet();
        var count = 0;
        foreach (var figure in wanted.Where(w => !told.Contains((w.Kind, w.Link, (DateOnly?)w.PeriodEnd))))
        {
            await notifications.AddAsync(db, figure.Kind, [figure.OwnerId], new NotificationAbout(figure.Title, figure.PeriodEnd, figure.Link), ct);
            count++;
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>The figures wanted on <paramref name="today"/>: overdue (the last complete period has none) and due (the current period ends within <paramref name="days"/>).</summary>
    public static async Task<IReadOnlyList<WantedFigure>> WantedAsync(PortalDbContext db, DateOnly today, int days, CancellationToken ct, int? planId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plans = await db.Plans.AsNoTracking().Where(p => planId == null || p.Id == planId).ToDictionaryAsync(p => p.Id, ct);
        var ids = plans.Keys.ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values.Where(v => v.Year >= today.Year - 2))
            .Where(i => ids.Contains(i.PlanId)).OrderBy(i => i.Id).ToListAsync(ct);
        var horizon = today.AddDays(Math.Max(0, days));
        var wanted = new List<WantedFigure>();
        foreach (var indicator in indicators)
        {
            var plan = plans[indicator.PlanId];
            var calendar = plan.Calendar;
            var title = $"{indicator.Code} {indicator.Title}";
            var link = $"plans/indicators/{indicator.Id}";
            var last = calendar.LastCompletePeriod(today, indicator.Frequency);
            if (InPlan(plan, last) && indicator.ValueFor(last)?.Actual is null)
            {
                wanted.Add(new(NotificationKind.IndicatorOverdue, indicator.OwnerId, indicator.PlanId, title, link, calendar.PeriodEnd(last, indicator.Frequency),
                    PlanQueries.PeriodLabel(calendar, last, indicator.Frequency)));
            }

            var current = calendar.PeriodOf(today, indicator.Frequency);
            var end = calendar.PeriodEnd(current, indicator.Frequency);
            if (InPlan(plan, current) && end <= horizon && indicator.ValueFor(current)?.Actual is null)
            {
                wanted.Add(new(NotificationKind.IndicatorDue, indicator.OwnerId, indicator.PlanId, title, link, end, PlanQueries.PeriodLabel(calendar, current, indicator.Frequency)));
            }
        }

        return wanted;
    }

    private static bool InPlan(DirectoratePlan plan, ReportingPeriod period) => period.Year >= plan.FirstYear && period.Year <= plan.LastYear;
}

/// <summary>An indicator figure someone must enter: overdue or due, for the period ending on <see cref="PeriodEnd"/> (<see cref="Period"/> in words).</summary>
public sealed record WantedFigure(NotificationKind Kind, int OwnerId, int PlanId, string Title, string Link, DateOnly PeriodEnd, string Period);
