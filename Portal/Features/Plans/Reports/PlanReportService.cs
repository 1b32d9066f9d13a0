using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Features.Documents; // the one home that lays documents out
using Portal.Features.Documents.Pdf; // the one home that lays documents out
using Portal.Features.Documents.Word; // the one home that lays documents out
using Portal.Features.Plans.Plans;
using Portal.Infrastructure.Time;
using Portal.Resources;

namespace Portal.Features.Plans.Reports;

/// <summary>
/// A plan's performance report for a panel, for one plan year and optionally made up to a period of
/// it (<see cref="ReportPeriod"/>: a quarter, a month or the whole year, the figures as at its last
/// day, or today's when it has not ended), as Word (to edit and paste into the council's template)
/// or PDF. It reads the plan through <see cref="PlanService"/>, which checks the reader may read the
/// plan as its pages do (<see cref="PlanAccess"/>), then the updates and figures of the actions and
/// indicators that view holds.
/// </summary>
public sealed class PlanReportService(PlanService plans, PlanAccess access, IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Text> text, TimeProvider clock)
{
    public Task<DocumentFile?> PlanReportWordAsync(int planId, int? year, string? period, CancellationToken ct) =>
        BuildAsync(planId, year, ReportPeriod.Parse(period), spec => (WordLayout.Render(spec), DocumentFile.Docx, "docx"), ct);

    public Task<DocumentFile?> PlanReportPdfAsync(int planId, int? year, string? period, CancellationToken ct) =>
        BuildAsync(planId, year, ReportPeriod.Parse(period), spec => (PdfLayout.Render(spec), DocumentFile.Pdf, "pdf"), ct);

    /// <summary>The periods of a plan year a report can be made up to, for the plan page's chooser. Those who may read the plan.</summary>
    public async Task<IReadOnlyList<ReportPeriodChoice>> PeriodChoicesAsync(int planId, int year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new KeyNotFoundException($"No plan {planId}.");
        await PlanAccess.DemandReadAsync(db, caller, PlanKey.Of(plan), ct);
        return ReportPeriod.Choices(plan.Calendar, year, clock.Today())
            .Select(p => new ReportPeriodChoice(p.Code, p.Label(text, plan.Calendar, year), p.Kind == Frequency.Quarterly))
            .ToList();
    }

    private async Task<DocumentFile?> BuildAsync(int planId, int? year, ReportPeriod? period, Func<DocumentSpec, (byte[] Bytes, string Type, string Extension)> layout, CancellationToken ct)
    {
        var plan = await plans.GetPlanAsync(planId, year, ct);
        if (plan is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = new PlanCalendar(await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.YearStartMonth).SingleAsync(ct));
        if (period is not null && period.Start(calendar, plan.Year.Year) > clock.Today())
        {
            return null; // a period not yet begun has no figures: the report is not made up to it
        }

        var (view, notes, asAt) = period is null
            ? (plan, await LatestNotesAsync(db, plan, ct), (PlanReportMadeUpTo?)null)
            : await AsAtAsync(db, plan, calendar, period, ct);
        var spec = new PlanReport(text).Describe(view, notes, asAt);
        var (bytes, type, extension) = layout(spec);
        var suffix = period is null ? string.Empty : $"-{period.Code}";
        return new DocumentFile($"performance-report-{plan.Id}-{plan.Year.Year}{suffix}.{extension}", type, bytes);
    }

    /// <summary>The report as the plan stands: each action's latest update, each indicator's latest commentary.</summary>
    private static async Task<PlanReportNotes> LatestNotesAsync(PortalDbContext db, PlanView plan, CancellationToken ct)
    {
        var actionIds = plan.Priorities.SelectMany(p => p.Actions).Select(a => a.Id).ToList();
        var updates = (await db.ProgressUpdates.AsNoTracking().Where(u => actionIds.Contains(u.ActionId)).ToListAsync(ct))
            .GroupBy(u => u.ActionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Date).ThenBy(u => u.RecordedUtc).Last() is var last ? (last.Date, last.Commentary) : default);
        var indicatorIds = plan.Priorities.SelectMany(p => p.Indicators).Select(i => i.Id).ToList();
        var commentary = (await db.IndicatorValues.AsNoTracking().Where(v => indicatorIds.Contains(v.IndicatorId) && v.Year <= plan.Year.Year && v.Actual != null).ToListAsync(ct))
            .GroupBy(v => v.IndicatorId)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Year).ThenBy(v => v.Period).Last().Commentary);
        return new PlanReportNotes(updates, commentary);
    }

    /// <summary>The report made up to <paramref name="period"/>: every action and indicator as it stood at the period's end (or today, if sooner).</summary>
    private async Task<(PlanView View, PlanReportNotes Notes, PlanReportMadeUpTo AsAt)> AsAtAsync(
        PortalDbContext db, PlanView plan, PlanCalendar calendar, ReportPeriod period, CancellationToken ct)
    {
        var end = period.End(calendar, plan.Year.Year);
        var asAt = end < clock.Today() ? end : clock.Today();
        var actionIds = plan.Priorities.SelectMany(p => p.Actions).Select(a => a.Id).ToList();
        var actions = await db.Actions.AsNoTracking().Include(a => a.Milestones).Include(a => a.Updates).AsSplitQuery()
            .Where(a => actionIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var carriedFrom = actions.Values.Where(a => a.CarriedFromId is not null).Select(a => a.CarriedFromId!.Value).ToList();
        var before = await db.Actions.AsNoTracking().Where(a => carriedFrom.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (a.Status, a.PercentComplete), ct);
        var indicatorIds = plan.Priorities.SelectMany(p => p.Indicators).Select(i => i.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values)
            .Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        var updates = new Dictionary<int, (DateOnly Date, string? Text)>();
        var commentary = new Dictionary<int, string?>();
        var priorities = plan.Priorities.Select(p => p with
        {
            Actions = p.Actions.Select(row =>
            {
                var action = actions[row.Id];
                var start = action.CarriedFromId is int from && before.TryGetValue(from, out var carried) ? carried : (ActionStatus.NotStarted, 0);
                var (asAtRow, update) = PlanReportAsAt.Action(row, action, start, asAt);
                if (update is { } u)
                {
                    updates[row.Id] = u;
                }

                return asAtRow;
            }).ToList(),
            Indicators = p.Indicators.Select(row =>
            {
                var (asAtRow, words) = PlanReportAsAt.Indicator(row, indicators[row.Id], calendar, asAt);
                commentary[row.Id] = words;
                return asAtRow;
            }).ToList(),
        }).ToList();
        return (plan with { Priorities = priorities }, new PlanReportNotes(updates, commentary), new PlanReportMadeUpTo(period.Label(text, calendar, plan.Year.Year), asAt));
    }
}
