using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Plans.Plans;

/// <summary>
/// Directorate plans as a whole: the list, one plan read for a year, the annual roll-forward and
/// the plan's priorities. Each call checks the caller through <see cref="PlanAccess"/>; the
/// council's risk appetite is <see cref="RiskAppetiteService"/>'s.
/// </summary>
public sealed class PlanService(IDbContextFactory<PortalDbContext> dbFactory, PlanAccess access, ChangeFeed changes, TimeProvider clock)
{
    public async Task<IReadOnlyList<PlanSummary>> GetPlansAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Title).ToListAsync(ct);
        var units = await db.UnitNamesAsync(ct);
        // One grouped count per table, for every plan at once; filtered to each plan's open year below.
        var actions = await db.Actions.AsNoTracking().GroupBy(a => new { a.PlanId, a.Year }).Select(g => new { g.Key.PlanId, g.Key.Year, Count = g.Count() }).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().GroupBy(i => i.PlanId).Select(g => new { PlanId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.PlanId, x => x.Count, ct);
        var risks = await db.Risks.AsNoTracking().Where(r => !r.IsClosed).GroupBy(r => new { r.PlanId, r.Year }).Select(g => new { g.Key.PlanId, g.Key.Year, Count = g.Count() }).ToListAsync(ct);
        var result = new List<PlanSummary>();
        foreach (var plan in plans)
        {
            if (!await PlanAccess.CanReadAsync(db, caller, PlanKey.Of(plan), ct))
            {
                continue;
            }

            result.Add(new PlanSummary(
                plan.Id, plan.Title, units.GetValueOrDefault(plan.DirectorateId, string.Empty),
                $"{plan.Calendar.YearLabel(plan.FirstYear)} – {plan.Calendar.YearLabel(plan.LastYear)}",
                plan.Calendar.YearLabel(plan.OpenYear),
                actions.Where(a => a.PlanId == plan.Id && a.Year == plan.OpenYear).Sum(a => a.Count),
                indicators.GetValueOrDefault(plan.Id),
                risks.Where(r => r.PlanId == plan.Id && r.Year == plan.OpenYear).Sum(r => r.Count)));
        }

        return result;
    }

    /// <summary>A plan as it stands (the open year) or as it was reported (a closed year).</summary>
    public async Task<PlanView?> GetPlanAsync(int planId, int? year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Priorities).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return null;
        }

        await PlanAccess.DemandReadAsync(db, caller, PlanKey.Of(plan), ct);
        var shown = year is int y && y >= plan.FirstYear && y <= plan.OpenYear ? y : plan.OpenYear;
        var today = clock.Today();
        var people = await db.PeopleNamesAsync(ct);
        var units = await db.UnitNamesAsync(ct);
        var appetite = await db.RiskAppetiteAsync(ct);
        var actions = await db.Actions.AsNoTracking().Include(a => a.Milestones)
            .Where(a => a.PlanId == planId && a.Year == shown).OrderBy(a => a.DueDate).ThenBy(a => a.Title).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values)
            .Where(i => i.PlanId == planId).OrderBy(i => i.Code).ToListAsync(ct);
        var risks = await db.Risks.AsNoTracking().Where(r => r.PlanId == planId && r.Year == shown)
            .OrderByDescending(r => r.ResidualLikelihood * r.ResidualImpact).ThenBy(r => r.Title).ToListAsync(ct);
        var priorities = plan.Priorities.OrderBy(p => p.Number).ToList();
        var rateOn = shown == plan.OpenYear ? today : plan.Calendar.YearEnd(shown);

        var views = priorities.Select(p => new PriorityView(
            p.Id, p.Number, p.Title, p.Description, p.Version,
            actions.Where(a => a.PriorityId == p.Id).Select(a => PlanQueries.ToRow(a, people.GetValueOrDefault(a.OwnerId, "?"), units.GetValueOrDefault(a.LeadUnitId, "?"), rateOn)).ToList(),
            indicators.Where(i => i.PriorityId == p.Id).Select(i => PlanQueries.ToRow(i, plan.Calendar, people.GetValueOrDefault(i.OwnerId, "?"), today, shown)).ToList())).ToList();
        var numbers = priorities.ToDictionary(p => p.Id, p => p.Number);
        var riskRows = risks.Select(r => PlanQueries.ToRow(r, people.GetValueOrDefault(r.OwnerId, "?"), r.PriorityId is int pid ? numbers.GetValueOrDefault(pid) : null, appetite)).ToList();

        return new PlanView(
            plan.Id, plan.Title, plan.Summary, new NamedItem(plan.DirectorateId, units.GetValueOrDefault(plan.DirectorateId, string.Empty)), plan.Version,
            plan.Years.Where(y => y <= plan.OpenYear).Select(y => new PlanYear(y, plan.Calendar.YearLabel(y), y == plan.OpenYear)).ToList(),
            new PlanYear(shown, plan.Calendar.YearLabel(shown), shown == plan.OpenYear),
            caller.CanEdit(PlanKey.Of(plan)), plan.CanRollForward && caller.CanEdit(PlanKey.Of(plan)),
            views, riskRows, appetite);
    }

    /// <summary>The people, units and priorities an editor of the plan picks from.</summary>
    public async Task<EditChoices> GetChoicesAsync(int planId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new KeyNotFoundException($"No plan {planId}.");
        caller.DemandEdit(PlanKey.Of(plan));
        return await db.ChoicesAsync(planId, ct);
    }

    /// <summary>
    /// Closes the open year and opens the next, carrying unfinished actions and open risks into
    /// it, all in one transaction. Refused for a stale <paramref name="version"/>, so two directors
    /// cannot roll the same plan forward twice.
    /// </summary>
    public async Task<RolledYear> RollForwardAsync(int planId, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.PlanAsync(planId, ct);
        caller.DemandEdit(PlanKey.Of(plan));
        await db.ExpectVersionAsync(plan, version, ct);
        var actions = await db.Actions.Include(a => a.Milestones).Where(a => a.PlanId == planId && a.Year == plan.OpenYear).ToListAsync(ct);
        var risks = await db.Risks.Where(r => r.PlanId == planId && r.Year == plan.OpenYear).ToListAsync(ct);
        var rolled = PlanRollover.Roll(plan, actions, risks);
        db.Actions.AddRange(rolled.Actions);
        db.Risks.AddRange(rolled.Risks);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(planId, PlanItemKind.Plan, planId));
        return rolled;
    }

    /// <summary>Starts a plan for a directorate. Administrators, and a director for their own directorate.</summary>
    public async Task<int> CreatePlanAsync(NewPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var directorate = await db.OrganisationUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == plan.DirectorateId && u.Kind == Domain.Organisation.UnitKind.Directorate, ct)
            ?? throw new DomainRuleException("Plan.DirectorateRequired", "Choose the directorate the plan belongs to.", nameof(DirectoratePlan.DirectorateId));
        caller.DemandEdit(new PlanKey(0, directorate.Id));
        if (plan.FirstYear is not int first || first is < 2000 or > 2100)
        {
            throw new DomainRuleException("Plan.FirstYearRequired", "Enter the first year as four digits, like 2027.", nameof(DirectoratePlan.FirstYear));
        }

        if (plan.LastYear is not int last || last is < 2000 or > 2100)
        {
            throw new DomainRuleException("Plan.LastYearRequired", "Enter the last year as four digits, like 2029.", nameof(DirectoratePlan.LastYear));
        }

        var calendar = await db.CalendarAsync(ct);
        var created = DirectoratePlan.Create(directorate.Id, plan.Title, plan.Summary, first, last, calendar);
        db.Plans.Add(created);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(created.Id, PlanItemKind.Plan, created.Id));
        return created.Id;
    }

    /// <summary>The directorates the caller may start a plan for.</summary>
    public async Task<IReadOnlyList<NamedItem>> GetPlannableDirectoratesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var directorates = await db.OrganisationUnits.AsNoTracking().Where(u => u.Kind == Domain.Organisation.UnitKind.Directorate)
            .OrderBy(u => u.Name).Select(u => new NamedItem(u.Id, u.Name)).ToListAsync(ct);
        return directorates.Where(d => caller.CanEdit(new PlanKey(0, d.Id))).ToList();
    }

    /// <summary>Adds a priority at the end of the plan's list. The plan's editors.</summary>
    public async Task AddPriorityAsync(int planId, string title, string? description, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.PlanAsync(planId, ct);
        caller.DemandEdit(PlanKey.Of(plan));
        plan.AddPriority(title, description);
        await SavePlanAsync(db, plan, ct);
    }

    /// <summary>Rewords a priority, refusing a stale <paramref name="version"/>. The plan's editors.</summary>
    public async Task RevisePriorityAsync(int planId, int priorityId, string title, string? description, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.PlanAsync(planId, ct);
        caller.DemandEdit(PlanKey.Of(plan));
        var priority = plan.Priorities.SingleOrDefault(p => p.Id == priorityId) ?? throw new KeyNotFoundException($"No priority {priorityId}.");
        await db.ExpectVersionAsync(priority, version, ct);
        priority.Revise(title, description);
        await SavePlanAsync(db, plan, ct);
    }

    /// <summary>Moves a priority one place up (-1) or down (+1). The plan's editors.</summary>
    public async Task MovePriorityAsync(int planId, int priorityId, int offset, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.PlanAsync(planId, ct);
        caller.DemandEdit(PlanKey.Of(plan));
        plan.MovePriority(priorityId, Math.Sign(offset));
        await SavePlanAsync(db, plan, ct);
    }

    private async Task SavePlanAsync(PortalDbContext db, DirectoratePlan plan, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(plan.Id, PlanItemKind.Plan, plan.Id));
    }
}
