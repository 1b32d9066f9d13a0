using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Thread;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread.Editing;

/// <summary>
/// Changing the thread: who may change an item, what it can be linked to on the level above, its
/// links and status, and adding service objectives and team items beneath an item. Every change
/// checks the caller's rights here and is published as a <see cref="ThreadChanged"/>.
/// </summary>
public sealed class ThreadEditingService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ThreadCache cache, ChangeFeed changes)
{
    /// <summary>Items on the level above <paramref name="level"/> whose title contains <paramref name="query"/>: what an item there can be linked to.</summary>
    public async Task<IReadOnlyList<ThreadNodeView>> SearchLevelAboveAsync(ThreadLevel level, string? query, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        if (level == ThreadLevel.CommunityStrategy)
        {
            return [];
        }

        var snapshot = await cache.SnapshotAsync(viewer, ct);
        var above = level - 1;
        var text = query?.Trim() ?? string.Empty;
        return snapshot.Views
            .Where(v => v.Level == above && !v.IsPrivate && v.Title is not null)
            .Where(v => snapshot.Model.Nodes[v.Node].Kind is not (ThreadItemKind.CorporateValue or ThreadItemKind.StrategicChallenge))
            .Where(v => text.Length == 0 || v.Title!.Contains(text, StringComparison.CurrentCultureIgnoreCase) || (v.Context?.Contains(text, StringComparison.CurrentCultureIgnoreCase) ?? false))
            .OrderBy(v => v.Context, StringComparer.CurrentCulture).ThenBy(v => v.Title, StringComparer.CurrentCulture)
            .Take(25)
            .ToList();
    }

    /// <summary>
    /// Whether the caller may change <paramref name="node"/>, and its current links upwards.
    /// Administrators change anything; a director, items in their directorate; an owner, their
    /// own service objective or team item; a person, their own objectives.
    /// </summary>
    public async Task<ThreadEditing> GetEditingAsync(ThreadNode node, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = await cache.SnapshotAsync(viewer, ct);
        var (canEdit, status) = await RightsAsync(db, viewer, node, ct);
        var parents = await db.ThreadLinks.AsNoTracking()
            .Where(l => l.ChildLevel == node.Level && l.ChildId == node.Id)
            .OrderByDescending(l => l.IsPrimary).ThenBy(l => l.Id)
            .Select(l => new { l.ParentLevel, l.ParentId, l.IsPrimary }).ToListAsync(ct);
        return new ThreadEditing(canEdit, status is not null, status ?? ThreadStatus.NotStarted,
            parents.Select(p => (snapshot.View(new ThreadNode(p.ParentLevel, p.ParentId)), p.IsPrimary)).ToList());
    }

    /// <summary>Links an item to one on the level above; the first link is the primary one.</summary>
    public async Task LinkAsync(ThreadNode child, ThreadNode parent, CancellationToken ct)
    {
        ThreadLink.EnsureCanLink(child.Level, parent);
        await using var db = await EditableAsync(child, ct);
        if (!await ExistsAsync(db, parent, ct))
        {
            throw new DomainRuleException("Thread.ParentNotFound", "Choose an item from the list.", "Parent");
        }

        var existing = await db.ThreadLinks.Where(l => l.ChildLevel == child.Level && l.ChildId == child.Id).ToListAsync(ct);
        db.ThreadLinks.Add(ThreadLink.Create(child, parent, existing.Select(l => l.Parent)));
        await db.SaveChangesAsync(ct);
        changes.Publish(new ThreadChanged(child));
    }

    /// <summary>Removes a link; if it was the primary one, the next link becomes primary.</summary>
    public async Task UnlinkAsync(ThreadNode child, ThreadNode parent, CancellationToken ct)
    {
        await using var db = await EditableAsync(child, ct);
        var links = await db.ThreadLinks.Where(l => l.ChildLevel == child.Level && l.ChildId == child.Id).OrderBy(l => l.Id).ToListAsync(ct);
        var link = links.SingleOrDefault(l => l.ParentLevel == parent.Level && l.ParentId == parent.Id);
        if (link is null)
        {
            // Someone else took it away first: nothing to save, but the page that offered it is out
            // of date, so open pages are told to read the item again, as after any change.
            changes.Publish(new ThreadChanged(child));
            return;
        }

        db.ThreadLinks.Remove(link);
        if (link.IsPrimary && links.FirstOrDefault(l => l != link) is { } next)
        {
            next.MakePrimary(true);
        }

        await db.SaveChangesAsync(ct);
        changes.Publish(new ThreadChanged(child));
    }

    /// <summary>Makes one of an item's links the primary one.</summary>
    public async Task MakePrimaryAsync(ThreadNode child, ThreadNode parent, CancellationToken ct)
    {
        await using var db = await EditableAsync(child, ct);
        var links = await db.ThreadLinks.Where(l => l.ChildLevel == child.Level && l.ChildId == child.Id).ToListAsync(ct);
        foreach (var link in links)
        {
            link.MakePrimary(link.ParentLevel == parent.Level && link.ParentId == parent.Id);
        }

        await db.SaveChangesAsync(ct);
        changes.Publish(new ThreadChanged(child));
    }

    /// <summary>
    /// Adds a service objective under a directorate priority, or a team item under a service
    /// objective, for a unit of the right kind and this year, linked to the item it serves, in
    /// one save. Whoever may change the parent may add beneath it.
    /// </summary>
    public async Task<ThreadNode> AddBeneathAsync(ThreadNode parent, int unitId, string title, int? ownerId, CancellationToken ct)
    {
        var kind = parent.Level switch
        {
            ThreadLevel.DirectoratePlan => ThreadItemKind.ServiceObjective,
            ThreadLevel.ServicePlan => ThreadItemKind.TeamItem,
            _ => throw new DomainRuleException("Thread.NothingToAddHere", "Service objectives are added under a directorate priority, team items under a service objective.", null),
        };
        await using var db = await EditableAsync(parent, ct);
        var unitKind = await db.OrganisationUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => (Domain.Organisation.UnitKind?)u.Kind).SingleOrDefaultAsync(ct);
        var wanted = kind == ThreadItemKind.ServiceObjective ? Domain.Organisation.UnitKind.Service : Domain.Organisation.UnitKind.Team;
        if (unitKind != wanted)
        {
            throw new DomainRuleException(
                kind == ThreadItemKind.ServiceObjective ? "Thread.ChooseService" : "Thread.ChooseTeam",
                kind == ThreadItemKind.ServiceObjective ? "Choose the service whose plan this objective is in." : "Choose the team whose workplan this item is in.",
                "UnitId");
        }

        var model = await cache.GetAsync(ct);
        var item = ThreadItem.ForUnit(kind, unitId, model.Year, title, null, ownerId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ThreadItems.Add(item);
        await db.SaveChangesAsync(ct);
        var node = new ThreadNode(item.Level, item.Id);
        db.ThreadLinks.Add(ThreadLink.Create(node, parent, []));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ThreadChanged(node));
        return node;
    }

    /// <summary>The services or teams an item beneath <paramref name="parent"/> can belong to, and the people who can own it.</summary>
    public async Task<(IReadOnlyList<NamedItem> Units, IReadOnlyList<NamedItem> People)> GetAddChoicesAsync(ThreadNode parent, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        var wanted = parent.Level == ThreadLevel.DirectoratePlan ? Domain.Organisation.UnitKind.Service : Domain.Organisation.UnitKind.Team;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.OrganisationUnits.AsNoTracking().Where(u => u.Kind == wanted).OrderBy(u => u.Name).Select(u => new NamedItem(u.Id, u.Name)).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => !p.IsCouncillor).OrderBy(p => p.DisplayName).Select(p => new NamedItem(p.Id, p.DisplayName)).ToListAsync(ct);
        return (units, people);
    }

    /// <summary>Sets the status of a service objective, a team item or one's own objective.</summary>
    public async Task SetStatusAsync(ThreadNode node, ThreadStatus status, CancellationToken ct)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("Thread.StatusUnknown", "Choose a status from the list.", "Status");
        }

        await using var db = await EditableAsync(node, ct);
        if (node.Level == ThreadLevel.Appraisal)
        {
            var objective = await db.AppraisalObjectives.SingleAsync(o => o.Id == node.Id, ct);
            var closed = await db.Appraisals.Where(a => a.Id == objective.AppraisalId).Select(a => a.IsClosed).SingleAsync(ct);
            if (closed)
            {
                throw new DomainRuleException("Appraisal.Closed", "That appraisal year is closed: its objectives can no longer change.", null, string.Empty);
            }

            objective.SetStatus(status);
        }
        else
        {
            var item = await db.ThreadItems.SingleAsync(i => i.Id == node.Id, ct);
            item.SetStatus(status);
        }

        await db.SaveChangesAsync(ct);
        changes.Publish(new ThreadChanged(node));
    }

    /// <summary>A context for changing <paramref name="node"/>, after checking the caller may.</summary>
    private async Task<PortalDbContext> EditableAsync(ThreadNode node, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await RightsAsync(db, viewer, node, ct)).CanEdit)
        {
            await db.DisposeAsync();
            throw new AccessDeniedException("EditThread");
        }

        return db;
    }

    private async Task<(bool CanEdit, ThreadStatus? Status)> RightsAsync(PortalDbContext db, ClaimsPrincipal viewer, ThreadNode node, CancellationToken ct)
    {
        var admin = viewer.IsInRole(Roles.Administrator);
        var me = ThreadViewer.PersonId(viewer);
        var model = await cache.GetAsync(ct);
        int? myDirectorate = me is int m && model.People.TryGetValue(m, out var person) ? model.DirectorateOf(person.UnitId) : null;
        var director = viewer.IsInRole(Roles.Director);
        switch (node.Level)
        {
            case ThreadLevel.Appraisal:
                var objective = await db.AppraisalObjectives.AsNoTracking().Where(o => o.Id == node.Id)
                    .Join(db.Appraisals.AsNoTracking(), o => o.AppraisalId, a => a.Id, (o, a) => new { o.Status, a.PersonId }).SingleOrDefaultAsync(ct);
                return objective is null ? (false, null) : (admin || objective.PersonId == me, objective.Status);
            case ThreadLevel.DirectoratePlan:
                var directorateId = await db.Priorities.AsNoTracking().Where(p => p.Id == node.Id)
                    .Join(db.Plans.AsNoTracking(), p => p.PlanId, plan => plan.Id, (p, plan) => (int?)plan.DirectorateId).SingleOrDefaultAsync(ct);
                return (admin || (director && directorateId is not null && directorateId == myDirectorate), null);
            default:
                var item = await db.ThreadItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == node.Id, ct);
                if (item is null || item.Level != node.Level)
                {
                    return (false, null);
                }

                var inMyDirectorate = director && item.UnitId is int unit && model.DirectorateOf(unit) == myDirectorate && myDirectorate is not null;
                var hasStatus = item.Kind is ThreadItemKind.ServiceObjective or ThreadItemKind.TeamItem;
                return (admin || inMyDirectorate || (item.OwnerId is not null && item.OwnerId == me), hasStatus ? item.Status : null);
        }
    }

    private static async Task<bool> ExistsAsync(PortalDbContext db, ThreadNode node, CancellationToken ct) => node.Level switch
    {
        ThreadLevel.DirectoratePlan => await db.Priorities.AnyAsync(p => p.Id == node.Id, ct),
        ThreadLevel.Appraisal => await db.AppraisalObjectives.AnyAsync(o => o.Id == node.Id, ct),
        _ => (await db.ThreadItems.AsNoTracking().Where(i => i.Id == node.Id).Select(i => (ThreadItemKind?)i.Kind).SingleOrDefaultAsync(ct)) is ThreadItemKind kind
            && ThreadItem.LevelOf(kind) == node.Level && kind is not (ThreadItemKind.CorporateValue or ThreadItemKind.StrategicChallenge),
    };
}
