using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Plans.Actions;

/// <summary>
/// Key actions: reading one with its milestones, updates and history; editing its details
/// (the plan's editors); and reporting progress (editors and the action's owner). Every write
/// refuses a stale version, is audited by the context and is published to open views.
/// </summary>
public sealed class ActionService(IDbContextFactory<PortalDbContext> dbFactory, PlanAccess access, ChangeFeed changes, TimeProvider clock)
{
    public async Task<ActionDetails?> GetActionAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var action = await db.Actions.AsNoTracking().Include(a => a.Milestones).Include(a => a.Updates).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Priorities).SingleAsync(p => p.Id == action.PlanId, ct);
        var key = PlanKey.Of(plan);
        await PlanAccess.DemandReadAsync(db, caller, key, ct);
        var today = clock.Today();
        var open = plan.IsOpen(action.Year);
        var rateOn = open ? today : plan.Calendar.YearEnd(action.Year);
        var people = await db.PeopleNamesAsync(ct);
        var units = await db.UnitNamesAsync(ct);
        var priority = plan.Priorities.Single(p => p.Id == action.PriorityId);
        var history = await db.HistoryAsync(nameof(KeyAction), [action.Id], ct);
        history.AddRange(await db.HistoryAsync(nameof(Milestone), action.Milestones.ToDictionary(m => m.Id, m => (string?)m.Title), includeCreated: true, ct));
        return new ActionDetails(
            action.Id, action.Version, PlanQueries.Header(plan, action.Year), action.Year, open,
            new NamedItem(priority.Id, $"{priority.Number}. {priority.Title}"),
            action.Title, action.Description,
            new NamedItem(action.OwnerId, people.GetValueOrDefault(action.OwnerId, "?")),
            new NamedItem(action.LeadUnitId, units.GetValueOrDefault(action.LeadUnitId, "?")),
            action.StartDate, action.DueDate, action.Status, action.PercentComplete, action.RagOn(rateOn),
            open && ActionRating.IsOverdue(action.Status, action.DueDate, today), action.CarriedFromId,
            action.Milestones.OrderBy(m => m.DueDate).Select(m => new MilestoneRow(m.Id, m.Title, m.DueDate, m.IsDone, m.DoneOn, !m.IsDone && m.DueDate < rateOn)).ToList(),
            action.Updates.OrderByDescending(u => u.Date).ThenByDescending(u => u.Id).Select(u => new UpdateRow(u.Id, u.Date, u.Status, u.PercentComplete, u.Commentary, u.AuthorName)).ToList(),
            history.OrderByDescending(h => h.OccurredUtc).ToList(),
            open && caller.CanEdit(key), open && caller.CanUpdate(key, action.OwnerId),
            await db.ChoicesAsync(plan.Id, ct));
    }

    /// <summary>Adds an action to the plan's open year. The plan's editors only.</summary>
    public async Task<int> CreateActionAsync(int planId, ActionDetailsEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.PlanAsync(planId, ct);
        caller.DemandEdit(PlanKey.Of(plan));
        var priority = plan.Priorities.SingleOrDefault(p => p.Id == edit.PriorityId)
            ?? throw new DomainRuleException("Action.PriorityRequired", "Choose the priority the action serves.", nameof(KeyAction.PriorityId));
        var (start, due) = RequireDates(edit);
        await RequireChoicesAsync(db, edit, ct);
        var action = KeyAction.Create(plan, priority, plan.OpenYear, edit.Title, edit.Description, edit.OwnerId, edit.LeadUnitId, start, due);
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(planId, PlanItemKind.Action, action.Id));
        return action.Id;
    }

    /// <summary>Changes what an action is, who owns it and when it runs. The plan's editors only.</summary>
    public async Task<int> UpdateDetailsAsync(int id, ActionDetailsEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (action, plan, caller) = await LoadAsync(db, id, ct);
        caller.DemandEdit(PlanKey.Of(plan));
        plan.EnsureOpen(action.Year);
        await db.ExpectVersionAsync(action, edit.Version, ct);
        var (start, due) = RequireDates(edit);
        await RequireChoicesAsync(db, edit, ct);
        if (edit.PriorityId != action.PriorityId)
        {
            throw new DomainRuleException("Action.PriorityFixed", "An action stays with its priority; add a new action to another priority instead.", nameof(KeyAction.PriorityId));
        }

        action.ChangeDetails(edit.Title, edit.Description, edit.OwnerId, edit.LeadUnitId, start, due);
        return await SaveAsync(db, action, ct);
    }

    /// <summary>Records the action's status, percent complete and commentary as a dated update. Editors and the owner.</summary>
    public async Task<int> RecordProgressAsync(int id, ProgressEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (action, plan, caller) = await LoadAsync(db, id, ct);
        caller.DemandUpdate(PlanKey.Of(plan), action.OwnerId);
        plan.EnsureOpen(action.Year);
        await db.ExpectVersionAsync(action, edit.Version, ct);
        if (edit.PercentComplete is not int percent)
        {
            throw new DomainRuleException("Action.PercentRequired", "Enter percent complete, a whole number from 0 to 100.", nameof(KeyAction.PercentComplete));
        }

        action.RecordProgress(edit.Status, percent, edit.Commentary, caller.Name, clock.Today(), clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, action, ct);
    }

    public async Task<int> AddMilestoneAsync(int id, string title, DateOnly? dueDate, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (action, plan, caller) = await LoadAsync(db, id, ct);
        caller.DemandUpdate(PlanKey.Of(plan), action.OwnerId);
        plan.EnsureOpen(action.Year);
        await db.ExpectVersionAsync(action, version, ct);
        if (dueDate is not DateOnly due)
        {
            throw new DomainRuleException("Milestone.DueRequired", "Enter the date the milestone is due.", nameof(Milestone.DueDate));
        }

        action.AddMilestone(title, due);
        return await SaveAsync(db, action, ct);
    }

    public async Task<int> MarkMilestoneAsync(int id, int milestoneId, bool done, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (action, plan, caller) = await LoadAsync(db, id, ct);
        caller.DemandUpdate(PlanKey.Of(plan), action.OwnerId);
        plan.EnsureOpen(action.Year);
        await db.ExpectVersionAsync(action, version, ct);
        action.MarkMilestone(milestoneId, done, clock.Today());
        return await SaveAsync(db, action, ct);
    }

    private async Task<(KeyAction Action, DirectoratePlan Plan, PlanCaller Caller)> LoadAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var caller = await access.CallerAsync(ct);
        var action = await db.Actions.Include(a => a.Milestones).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new KeyNotFoundException($"No action {id}.");
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == action.PlanId, ct);
        return (action, plan, caller);
    }

    /// <summary>Saves, raising the action's version even when only a milestone or an update changed, so an open editor learns it is stale.</summary>
    private async Task<int> SaveAsync(PortalDbContext db, KeyAction action, CancellationToken ct)
    {
        db.Entry(action).Property(a => a.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(action.PlanId, PlanItemKind.Action, action.Id));
        return action.Version;
    }

    private static (DateOnly Start, DateOnly Due) RequireDates(ActionDetailsEdit edit)
    {
        if (edit.StartDate is not DateOnly start)
        {
            throw new DomainRuleException("Action.StartRequired", "Enter the start date.", nameof(KeyAction.StartDate));
        }

        if (edit.DueDate is not DateOnly due)
        {
            throw new DomainRuleException("Action.DueRequired", "Enter the due date.", nameof(KeyAction.DueDate));
        }

        return (start, due);
    }

    private static async Task RequireChoicesAsync(PortalDbContext db, ActionDetailsEdit edit, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == edit.OwnerId, ct))
        {
            throw new DomainRuleException("Action.OwnerRequired", "Choose who owns the action.", nameof(KeyAction.OwnerId));
        }

        if (!await db.OrganisationUnits.AnyAsync(u => u.Id == edit.LeadUnitId, ct))
        {
            throw new DomainRuleException("Action.LeadUnitRequired", "Choose the unit that leads the action.", nameof(KeyAction.LeadUnitId));
        }
    }
}
