using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Plans.Risks;

/// <summary>Risks: reading one with its history, and revising or adding one (the plan's editors and the risk's owner).</summary>
public sealed class RiskService(IDbContextFactory<PortalDbContext> dbFactory, PlanAccess access, ChangeFeed changes)
{
    public async Task<RiskDetails?> GetRiskAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var risk = await db.Risks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (risk is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Priorities).SingleAsync(p => p.Id == risk.PlanId, ct);
        var key = PlanKey.Of(plan);
        await PlanAccess.DemandReadAsync(db, caller, key, ct);
        var people = await db.PeopleNamesAsync(ct);
        var appetite = await db.RiskAppetiteAsync(ct);
        var priority = plan.Priorities.SingleOrDefault(p => p.Id == risk.PriorityId);
        var open = plan.IsOpen(risk.Year);
        return new RiskDetails(
            risk.Id, risk.Version, PlanQueries.Header(plan, risk.Year), risk.Year, open, risk.Title, risk.Cause, risk.Consequence, risk.Controls,
            new NamedItem(risk.OwnerId, people.GetValueOrDefault(risk.OwnerId, "?")),
            priority is null ? null : new NamedItem(priority.Id, $"{priority.Number}. {priority.Title}"),
            risk.Inherent, risk.Residual, risk.Target, risk.ReviewDate, risk.IsClosed, risk.ExceedsAppetite(appetite), appetite,
            (await db.HistoryAsync(nameof(Risk), [risk.Id], ct)).OrderByDescending(h => h.OccurredUtc).ToList(),
            open && caller.CanUpdate(key, risk.OwnerId), await db.ChoicesAsync(plan.Id, ct));
    }

    public async Task<int> CreateRiskAsync(int planId, RiskEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var plan = await db.PlanAsync(planId, ct);
        caller.DemandEdit(PlanKey.Of(plan));
        var (description, scores, review) = await ReadAsync(db, plan, edit, ct);
        var risk = Risk.Create(plan, plan.OpenYear, description, scores, review);
        if (edit.IsClosed)
        {
            risk.Close();
        }

        db.Risks.Add(risk);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(planId, PlanItemKind.Risk, risk.Id));
        return risk.Id;
    }

    public async Task<int> UpdateRiskAsync(int id, RiskEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var risk = await db.Risks.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException($"No risk {id}.");
        var plan = await db.PlanAsync(risk.PlanId, ct);
        caller.DemandUpdate(PlanKey.Of(plan), risk.OwnerId);
        plan.EnsureOpen(risk.Year);
        await db.ExpectVersionAsync(risk, edit.Version, ct);
        var (description, scores, review) = await ReadAsync(db, plan, edit, ct);
        risk.Revise(description, scores, review);
        if (edit.IsClosed)
        {
            risk.Close();
        }
        else
        {
            risk.Reopen();
        }

        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(risk.PlanId, PlanItemKind.Risk, risk.Id));
        return risk.Version;
    }

    private static async Task<(RiskDescription, RiskScores, DateOnly)> ReadAsync(PortalDbContext db, DirectoratePlan plan, RiskEdit edit, CancellationToken ct)
    {
        if (edit.PriorityId is int priorityId && plan.Priorities.All(p => p.Id != priorityId))
        {
            throw new DomainRuleException("Risk.PriorityNotInPlan", "Choose a priority from this plan.", nameof(Risk.PriorityId));
        }

        if (!await db.People.AnyAsync(p => p.Id == edit.OwnerId, ct))
        {
            throw new DomainRuleException("Risk.OwnerRequired", "Choose who owns the risk.", nameof(Risk.OwnerId));
        }

        if (edit.ReviewDate is not DateOnly review)
        {
            throw new DomainRuleException("Risk.ReviewRequired", "Enter the date of the next review.", nameof(Risk.ReviewDate));
        }

        return (
            new RiskDescription(edit.Title, edit.Cause, edit.Consequence, edit.Controls, edit.OwnerId, edit.PriorityId),
            new RiskScores(edit.InherentLikelihood, edit.InherentImpact, edit.ResidualLikelihood, edit.ResidualImpact, edit.TargetLikelihood, edit.TargetImpact),
            review);
    }
}
