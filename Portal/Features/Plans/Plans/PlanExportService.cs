using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Time;

namespace Portal.Features.Plans.Plans;

/// <summary>
/// Exports of a plan year's actions (with their milestones), indicator values and risks, for anyone who may
/// read the plan: each described once as an <see cref="ExportWorkbook"/>, written as CSV by <see cref="CsvExport"/>
/// or as Excel by <see cref="ExcelExport"/> (both keep formulas from running in a spreadsheet).
/// </summary>
public sealed class PlanExportService(IDbContextFactory<PortalDbContext> dbFactory, PlanAccess access, PlanService plans, TimeProvider clock)
{
    public async Task<CsvFile> ExportActionsAsync(int planId, int? year, CancellationToken ct) => CsvExport.File(await ActionsAsync(planId, year, ct));

    public async Task<CsvFile> ExportIndicatorValuesAsync(int planId, int? year, CancellationToken ct) => CsvExport.File(await IndicatorValuesAsync(planId, year, ct));

    /// <summary>The actions (the CSV's table) and, on a second sheet, their milestones.</summary>
    public async Task<ExportWorkbook> ActionsAsync(int planId, int? year, CancellationToken ct)
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
                    units.GetValueOrDefault(a.LeadUnitId, string.Empty), a.StartDate, a.DueDate, a.Status.ToString(), a.PercentComplete,
                    a.RagOn(rateOn).ToString(), ActionRating.IsOverdue(a.Status, a.DueDate, rateOn) ? "yes" : "no",
                    a.Milestones.Count(m => m.IsDone), a.Milestones.Count,
                    latest?.Date, latest?.Commentary ?? string.Empty,
                };
            }).ToList();
        var milestones = actions
            .OrderBy(a => priorities[a.PriorityId].Number).ThenBy(a => a.DueDate)
            .SelectMany(a => a.Milestones.OrderBy(m => m.DueDate).Select(m => new object?[] { a.Id, a.Title, m.Title, m.DueDate, m.IsDone ? "yes" : "no", m.DoneOn }))
            .ToList();
        return new ExportWorkbook(FileName(plan, shown, "actions"), [new("Actions", ActionColumns, rows), new("Milestones", MilestoneColumns, milestones)]);
    }

    public async Task<ExportWorkbook> IndicatorValuesAsync(int planId, int? year, CancellationToken ct)
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
                PlanQueries.PeriodLabel(plan.Calendar, period, i.Frequency), plan.Calendar.PeriodEnd(period, i.Frequency),
                value?.Target, value?.Actual, i.Tolerance, i.RagFor(period).ToString(), previous.ToString(), lastYear.ToString(),
                (value?.State ?? DataState.NoData).ToString(), value?.EnteredByName ?? string.Empty, value?.ApprovedByName ?? string.Empty, value?.Commentary ?? string.Empty,
            };
        })).ToList();
        return new ExportWorkbook(FileName(plan, shown, "indicators"), [new("Indicators", IndicatorColumns, rows)]);
    }

    /// <summary>The year's risk register as the plan's page shows it (the page's own query), scores as numbers.</summary>
    public async Task<ExportWorkbook> RisksAsync(int planId, int? year, CancellationToken ct)
    {
        var plan = await plans.GetPlanAsync(planId, year, ct) ?? throw new KeyNotFoundException($"No plan {planId}.");
        var rows = plan.Risks.Select(r => new object?[]
        {
            r.Id, r.PriorityNumber, r.Title, r.Owner, r.Inherent.Likelihood, r.Inherent.Impact, r.Inherent.Score,
            r.Residual.Likelihood, r.Residual.Impact, r.Residual.Score, r.Target.Likelihood, r.Target.Impact, r.Target.Score,
            r.ReviewDate, r.IsClosed ? "yes" : "no", r.ExceedsAppetite ? "yes" : "no",
        }).ToList();
        return new ExportWorkbook($"plan-{plan.Id}-{plan.Year.Label.Replace('/', '-')}-risks", [new("Risks", RiskColumns, rows)]);
    }

    private async Task<(DirectoratePlan Plan, int Year)> ReadablePlanAsync(PortalDbContext db, int planId, int? year, CancellationToken ct)
    {
        var caller = await access.CallerAsync(ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Priorities).SingleOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new KeyNotFoundException($"No plan {planId}.");
        await PlanAccess.DemandReadAsync(db, caller, PlanKey.Of(plan), ct);
        return (plan, year is int y && y >= plan.FirstYear && y <= plan.OpenYear ? y : plan.OpenYear);
    }

    private const CellKind Text = CellKind.Text;
    private const CellKind Number = CellKind.Number;
    private const CellKind Date = CellKind.Date;

    private static readonly ExportColumn[] ActionColumns = ExportColumn.Many(
        ("Id", Number), ("PriorityNumber", Number), ("Priority", Text), ("Title", Text), ("Owner", Text), ("LeadUnit", Text), ("Start", Date), ("Due", Date),
        ("Status", Text), ("PercentComplete", Number), ("Rag", Text), ("Overdue", Text), ("MilestonesDone", Number), ("Milestones", Number),
        ("LatestUpdate", Date), ("LatestCommentary", Text));

    private static readonly ExportColumn[] MilestoneColumns = ExportColumn.Many(
        ("ActionId", Number), ("Action", Text), ("Milestone", Text), ("Due", Date), ("Done", Text), ("DoneOn", Date));

    private static readonly ExportColumn[] IndicatorColumns = ExportColumn.Many(
        ("Code", Text), ("Title", Text), ("Unit", Text), ("Polarity", Text), ("Owner", Text), ("Period", Text), ("PeriodEnd", Date),
        ("Target", CellKind.Decimal), ("Actual", CellKind.Decimal), ("Tolerance", CellKind.Decimal), ("Rag", Text), ("TrendSincePrevious", Text),
        ("TrendSinceLastYear", Text), ("State", Text), ("EnteredBy", Text), ("ApprovedBy", Text), ("Commentary", Text));

    private static readonly ExportColumn[] RiskColumns = ExportColumn.Many(
        ("Id", Number), ("PriorityNumber", Number), ("Title", Text), ("Owner", Text), ("InherentLikelihood", Number), ("InherentImpact", Number),
        ("InherentScore", Number), ("ResidualLikelihood", Number), ("ResidualImpact", Number), ("ResidualScore", Number), ("TargetLikelihood", Number),
        ("TargetImpact", Number), ("TargetScore", Number), ("ReviewDate", Date), ("Closed", Text), ("AboveAppetite", Text));

    private static string FileName(DirectoratePlan plan, int year, string what) =>
        $"plan-{plan.Id}-{plan.Calendar.YearLabel(year).Replace('/', '-')}-{what}";
}

