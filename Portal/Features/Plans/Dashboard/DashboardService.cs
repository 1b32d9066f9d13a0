using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Infrastructure.Time;

namespace Portal.Features.Plans.Dashboard;

/// <summary>
/// The director's Monday-morning view of a plan's open year: RAG counts per priority, overdue
/// actions, indicators off target in the period whose figures are due, risks above the
/// council's appetite, and what falls due in the next <see cref="DueWindowDays"/> days.
/// Filters narrow every list at once, by priority, owner or unit (and the units beneath it).
/// </summary>
/// <remarks>
/// What the dashboard says is the same for everyone who may read the plan, so it is computed once
/// and shared through <see cref="DashboardCache"/>; who may read is checked for every reader,
/// against the plan the shared dashboard belongs to, before it is handed over.
/// </remarks>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> dbFactory, PlanAccess access, DashboardCache cache, TimeProvider clock)
{
    public const int DueWindowDays = 14;

    public async Task<Dashboard?> GetDashboardAsync(int planId, DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var caller = await access.CallerAsync(ct);
        var today = clock.Today();
        var shared = await cache.GetAsync(planId, filter, today, () => ComputeAsync(planId, filter, today, CancellationToken.None), ct);
        if (shared is null)
        {
            return null;
        }

        // Most readers' roles settle it (directors, councillors, the plan's own directorate): a
        // live update reaching a hundred open dashboards then asks the database nothing per reader.
        // Anyone else may read only a plan they own something in, which needs a look.
        if (!caller.ReadsEveryPlan && caller.DirectorateId != shared.Plan.DirectorateId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await PlanAccess.DemandReadAsync(db, caller, shared.Plan, ct);
        }

        return shared.Dashboard;
    }

    private async Task<ReadableDashboard?> ComputeAsync(int planId, DashboardFilter filter, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Priorities).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return null;
        }

        var year = plan.OpenYear;
        var calendar = plan.Calendar;
        var appetite = await db.RiskAppetiteAsync(ct);
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.DisplayName, p.UnitId }).ToDictionaryAsync(p => p.Id, ct);
        var units = await db.OrganisationUnits.AsNoTracking().Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var inUnit = filter.UnitId is int unitId ? Subtree(unitId, units.Select(u => (u.Id, u.ParentId))) : null;

        var actions = await db.Actions.AsNoTracking().Include(a => a.Milestones)
            .Where(a => a.PlanId == planId && a.Year == year)
            .Where(a => filter.PriorityId == null || a.PriorityId == filter.PriorityId)
            .Where(a => filter.OwnerId == null || a.OwnerId == filter.OwnerId)
            .ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values.Where(v => v.Year >= year - 1))
            .Where(i => i.PlanId == planId)
            .Where(i => filter.PriorityId == null || i.PriorityId == filter.PriorityId)
            .Where(i => filter.OwnerId == null || i.OwnerId == filter.OwnerId)
            .ToListAsync(ct);
        var risks = await db.Risks.AsNoTracking()
            .Where(r => r.PlanId == planId && r.Year == year && !r.IsClosed)
            .Where(r => filter.PriorityId == null || r.PriorityId == filter.PriorityId)
            .Where(r => filter.OwnerId == null || r.OwnerId == filter.OwnerId)
            .ToListAsync(ct);
        if (inUnit is not null)
        {
            bool OwnerIn(int ownerId) => people.TryGetValue(ownerId, out var p) && inUnit.Contains(p.UnitId);
            actions = actions.Where(a => inUnit.Contains(a.LeadUnitId)).ToList();
            indicators = indicators.Where(i => OwnerIn(i.OwnerId)).ToList();
            risks = risks.Where(r => OwnerIn(r.OwnerId)).ToList();
        }

        string Name(int personId) => people.TryGetValue(personId, out var p) ? p.DisplayName : "?";
        var actionRows = actions.Select(a => PlanQueries.ToRow(a, Name(a.OwnerId), unitNames.GetValueOrDefault(a.LeadUnitId, "?"), today)).ToList();
        var indicatorRows = indicators.Select(i => (Indicator: i, Row: PlanQueries.ToRow(i, calendar, Name(i.OwnerId), today))).ToList();
        var priorities = plan.Priorities.OrderBy(p => p.Number).ToList();
        var numbers = priorities.ToDictionary(p => p.Id, p => p.Number);

        var counts = priorities
            .Where(p => filter.PriorityId == null || p.Id == filter.PriorityId)
            .Select(p => new PriorityRagCount(
                p.Id, p.Number, p.Title,
                RagCounts.Of(actions.Where(a => a.PriorityId == p.Id).Select(a => a.RagOn(today))),
                RagCounts.Of(indicatorRows.Where(i => i.Indicator.PriorityId == p.Id).Select(i => i.Row.Rag))))
            .ToList();

        return new ReadableDashboard(PlanKey.Of(plan), new Dashboard(
            plan.Id, plan.Title, calendar.YearLabel(year), today, appetite, counts,
            actionRows.Where(a => a.Overdue).OrderBy(a => a.DueDate).ToList(),
            indicatorRows.Select(i => i.Row).Where(r => r.Rag is Rag.Red or Rag.Amber).OrderBy(r => r.Rag).ThenBy(r => r.Code).ToList(),
            risks.Where(r => r.ExceedsAppetite(appetite)).OrderByDescending(r => r.Residual.Score)
                .Select(r => PlanQueries.ToRow(r, Name(r.OwnerId), r.PriorityId is int pid ? numbers.GetValueOrDefault(pid) : null, appetite)).ToList(),
            DueSoon(actions, indicators, risks, calendar, today, Name).OrderBy(d => d.Date).ThenBy(d => d.Title).ToList(),
            await db.ChoicesAsync(plan.Id, ct),
            await DashboardPicturesBuilder.BuildAsync(db, calendar, year, actions, indicatorRows.Where(i => i.Row.Rag is Rag.Red or Rag.Amber).Select(i => i.Indicator),
                risks.OrderBy(r => r.Id).Select(r => PlanQueries.ToRow(r, Name(r.OwnerId), r.PriorityId is int pid ? numbers.GetValueOrDefault(pid) : null, appetite)).ToList(), today, ct)));
    }

    /// <summary>
    /// What needs someone's attention in the next fortnight: actions and milestones falling due,
    /// risk reviews, and indicator figures for a period that has ended but has no actual yet.
    /// </summary>
    private static IEnumerable<DueItem> DueSoon(
        List<KeyAction> actions, List<PerformanceIndicator> indicators, List<Risk> risks, PlanCalendar calendar, DateOnly today, Func<int, string> name)
    {
        var until = today.AddDays(DueWindowDays);
        foreach (var action in actions.Where(a => a.Continues))
        {
            if (action.DueDate >= today && action.DueDate <= until)
            {
                yield return new DueItem(action.DueDate, DueKind.ActionDue, action.Title, name(action.OwnerId), $"/plans/actions/{action.Id}", false);
            }

            foreach (var milestone in action.Milestones.Where(m => !m.IsDone && m.DueDate <= until))
            {
                yield return new DueItem(milestone.DueDate, DueKind.MilestoneDue, milestone.Title, action.Title, $"/plans/actions/{action.Id}", milestone.DueDate < today);
            }
        }

        foreach (var risk in risks.Where(r => r.ReviewDate <= until))
        {
            yield return new DueItem(risk.ReviewDate, DueKind.RiskReview, risk.Title, name(risk.OwnerId), $"/plans/risks/{risk.Id}", risk.ReviewDate < today);
        }

        foreach (var indicator in indicators)
        {
            var due = calendar.LastCompletePeriod(today, indicator.Frequency);
            if (indicator.ValueFor(due)?.Actual is null)
            {
                yield return new DueItem(calendar.PeriodEnd(due, indicator.Frequency), DueKind.FiguresDue, $"{indicator.Code} {indicator.Title}",
                    PlanQueries.PeriodLabel(calendar, due, indicator.Frequency), $"/plans/indicators/{indicator.Id}", true);
            }

            var current = calendar.PeriodOf(today, indicator.Frequency);
            var end = calendar.PeriodEnd(current, indicator.Frequency);
            if (end <= until)
            {
                yield return new DueItem(end, DueKind.FiguresDue, $"{indicator.Code} {indicator.Title}",
                    PlanQueries.PeriodLabel(calendar, current, indicator.Frequency), $"/plans/indicators/{indicator.Id}", false);
            }
        }
    }

    private static HashSet<int> Subtree(int root, IEnumerable<(int Id, int? ParentId)> units)
    {
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var result = new HashSet<int> { root };
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in children[id])
            {
                if (result.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }
}
