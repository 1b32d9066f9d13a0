using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Features.Plans.Indicators;

namespace Portal.Features.Plans.Dashboard;

/// <summary>
/// Works out what the dashboard's pictures need beyond the counts: each off-target indicator's
/// last <see cref="TrendPeriods"/> figures with its band, and the burn-up of the year's actions.
/// Part of <see cref="DashboardService"/>'s one computation, so it is shared through the cache too.
/// </summary>
internal static class DashboardPicturesBuilder
{
    public const int TrendPeriods = 8;

    public static async Task<DashboardPictures> BuildAsync(
        PortalDbContext db, PlanCalendar calendar, int year, IReadOnlyList<KeyAction> actions, IEnumerable<PerformanceIndicator> offTarget,
        IReadOnlyList<RiskRow> openRisks, DateOnly today, CancellationToken ct)
    {
        var trends = offTarget.ToDictionary(i => i.Id, i => Trend(i, calendar, today));
        var ids = actions.Where(a => a.Status == ActionStatus.Completed).Select(a => a.Id).ToList();
        var completedOn = await db.ProgressUpdates.AsNoTracking()
            .Where(u => ids.Contains(u.ActionId) && u.Status == ActionStatus.Completed)
            .GroupBy(u => u.ActionId)
            .Select(g => new { ActionId = g.Key, Date = g.Min(u => u.Date) })
            .ToDictionaryAsync(x => x.ActionId, x => x.Date, ct);
        return new DashboardPictures(openRisks, trends, BurnUpOf(calendar, year, actions, completedOn, today));
    }

    /// <summary>
    /// The year month by month: actions due by each month's end (the plan) and actions completed
    /// by it (the work done; an action marked complete without a dated update counts from its due
    /// date, or today if that is later). Cancelled actions are out of both.
    /// </summary>
    public static BurnUp BurnUpOf(PlanCalendar calendar, int year, IReadOnlyList<KeyAction> actions, IReadOnlyDictionary<int, DateOnly> completedOn, DateOnly today)
    {
        var live = actions.Where(a => a.Status != ActionStatus.Cancelled).ToList();
        var done = live.Where(a => a.Status == ActionStatus.Completed)
            .Select(a => completedOn.TryGetValue(a.Id, out var on) ? on : (a.DueDate < today ? a.DueDate : today))
            .ToList();
        var months = new List<BurnUpMonth>(12);
        var start = calendar.YearStart(year);
        for (var m = 0; m < 12; m++)
        {
            var first = start.AddMonths(m);
            var end = first.AddMonths(1).AddDays(-1);
            months.Add(new BurnUpMonth(
                end, live.Count(a => a.DueDate <= end),
                first <= today ? done.Count(d => d <= end) : null));
        }

        return new BurnUp(months, live.Count);
    }

    /// <summary>
    /// The figures up to the period now due, oldest first, and the band the latest target allows:
    /// higher is better, from the tolerance below the target up to it; lower is better, from the
    /// target up to the tolerance above; neutral, the tolerance either side.
    /// </summary>
    public static IndicatorTrend Trend(PerformanceIndicator indicator, PlanCalendar calendar, DateOnly today)
    {
        var due = calendar.LastCompletePeriod(today, indicator.Frequency);
        var periods = new List<ReportingPeriod>();
        for (var (p, n) = (due, 0); n < TrendPeriods; p = p.Previous(indicator.Frequency), n++)
        {
            periods.Insert(0, p);
        }

        var points = periods.Select(p => (Period: p, Value: indicator.ValueFor(p)))
            .SkipWhile(x => x.Value?.Actual is null)
            .Select(x => new TrendPoint(PlanQueries.PeriodLabel(calendar, x.Period, indicator.Frequency), x.Value?.Actual, x.Value?.Target))
            .ToList();
        var target = points.LastOrDefault(p => p.Target is not null)?.Target;
        var tolerance = indicator.Tolerance;
        var (low, high) = target is not decimal t ? ((decimal?)null, (decimal?)null) : indicator.Polarity switch
        {
            Polarity.HigherIsBetter => (t - tolerance, t),
            Polarity.LowerIsBetter => (t, t + tolerance),
            _ => (t - tolerance, (decimal?)(t + tolerance)),
        };
        return new IndicatorTrend(points, low, high, target, tolerance);
    }
}
