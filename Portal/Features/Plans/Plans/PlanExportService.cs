using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Time;

namespace Portal.Features.Plans.Plans;

/// <summary>
/// CSV exports of a plan year's actions and indicator values, for anyone who may read the plan,
/// written by <see cref="CsvExport"/> (which keeps formulas from running in a spreadsheet).
/// </summary>
public sealed class PlanExportService(IDbContextFactory<PortalDbContext> dbFactory, PlanAccess access, TimeProvider clock)
{
    public async Task<CsvFile> ExportActionsAsync(int planId, int? year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, shown) = await ReadablePlanAsync(db, planId, year, ct);
        var today = clock.Today();
        var rateOn = plan.IsOpen(shown) ? today : plan.Calendar.YearEnd(shown);
        var people = await db.PeopleNamesAsync(ct);
        var units = await db.UnitNamesAsync(ct);
        var priorities = plan.Priorities.ToDictionary(p => p.Id);
        var actions = await db.Actions.AsNoTracking().Include(a => a.Milestones).Include(a => a.Updates)
            .Where(a => a.PlanId == planId && a.Year == shown).AsSplitQuery().ToListAsync(ct);
        var rows = actions
            .OrderBy(a => priorities[a.PriorityId].Number).ThenBy(a => a.DueDate)
            .Select(a =>
            {
                var latest = a.Updates.OrderByDescending(u => u.Date).ThenByDescending(u => u.Id).FirstOrDefault();
                return new object?[]
                {
                    a.Id, priorities[a.PriorityId].Number, priorities[a.PriorityId].Title, a.Title, people.GetValueOrDefault(a.OwnerId, string.Empty),
                    units.GetValueOrDefault(a.LeadUnitId, string.Empty), Iso(a.StartDate), Iso(a.DueDate), a.Status.ToString(), a.PercentComplete,
                    a.RagOn(rateOn).ToString(), ActionRating.IsOverdue(a.Status, a.DueDate, rateOn) ? "yes" : "no",
                    a.Milestones.Count(m => m.IsDone), a.Milestones.Count,
                    latest is null ? string.Empty : Iso(latest.Date), latest?.Commentary ?? string.Empty,
                };
            });
        return new CsvFile(FileName(plan, shown, "actions"), CsvExport.Write(ActionColumns, rows));
    }

    public async Task<CsvFile> ExportIndicatorValuesAsync(int planId, int? year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, shown) = await ReadablePlanAsync(db, planId, year, ct);
        var people = await db.PeopleNamesAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.PlanId == planId).OrderBy(i => i.Code).ToListAsync(ct);
        var rows = indicators.SelectMany(i => PlanCalendar.PeriodsOf(shown, i.Frequency).Select(period =>
        {
            var value = i.ValueFor(period);
            var (previous, lastYear) = i.TrendFor(period);
            return new object?[]
            {
                i.Code, i.Title, i.Unit.ToString(), i.Polarity.ToString(), people.GetValueOrDefault(i.OwnerId, string.Empty),
                PlanQueries.PeriodLabel(plan.Calendar, period, i.Frequency), Iso(plan.Calendar.PeriodEnd(period, i.Frequency)),
                value?.Target, value?.Actual, i.Tolerance, i.RagFor(period).ToString(), previous.ToString(), lastYear.ToString(),
                (value?.State ?? DataState.NoData).ToString(), value?.EnteredByName ?? string.Empty, value?.ApprovedByName ?? string.Empty, value?.Commentary ?? string.Empty,
            };
        }));
        return new CsvFile(FileName(plan, shown, "indicators"), CsvExport.Write(IndicatorColumns, rows));
    }

    private async Task<(DirectoratePlan Plan, int Year)> ReadablePlanAsync(PortalDbContext db, int planId, int? year, CancellationToken ct)
    {
        var caller = await access.CallerAsync(ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Priorities).SingleOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new KeyNotFoundException($"No plan {planId}.");
        await PlanAccess.DemandReadAsync(db, caller, PlanKey.Of(plan), ct);
        return (plan, year is int y && y >= plan.FirstYear && y <= plan.OpenYear ? y : plan.OpenYear);
    }

    private static readonly string[] ActionColumns =
    [
        "Id", "PriorityNumber", "Priority", "Title", "Owner", "LeadUnit", "Start", "Due", "Status", "PercentComplete",
        "Rag", "Overdue", "MilestonesDone", "Milestones", "LatestUpdate", "LatestCommentary",
    ];

    private static readonly string[] IndicatorColumns =
    [
        "Code", "Title", "Unit", "Polarity", "Owner", "Period", "PeriodEnd", "Target", "Actual", "Tolerance", "Rag",
        "TrendSincePrevious", "TrendSinceLastYear", "State", "EnteredBy", "ApprovedBy", "Commentary",
    ];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FileName(DirectoratePlan plan, int year, string what) =>
        $"plan-{plan.Id}-{plan.Calendar.YearLabel(year).Replace('/', '-')}-{what}.csv";
}

