using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Domain.Thread;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread;

/// <summary>
/// The golden thread: a person's own objectives traced to the top, any item traced up with what
/// contributes to it below, the coverage report, and adding an objective linked to the team's
/// workplan. Appraisal content is masked in <see cref="ThreadSnapshot"/> for anyone but the
/// person, their line-management chain and administrators, so no page built on this service
/// can show it.
/// </summary>
public sealed class ThreadService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ThreadCache cache, ChangeFeed changes, TimeProvider clock)
{
    public async Task<MyObjectives> GetMyObjectivesAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await SnapshotAsync(viewer, ct);
        var label = snapshot.Calendar.YearLabel(snapshot.Year);
        if (PersonId(viewer) is not int me)
        {
            return new MyObjectives(null, null, label, false, []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appraisal = await db.Appraisals.AsNoTracking().Include(a => a.Objectives).SingleOrDefaultAsync(a => a.PersonId == me && a.Year == snapshot.Year, ct);
        var name = await db.People.AsNoTracking().Where(p => p.Id == me).Select(p => p.DisplayName).SingleAsync(ct);
        var objectives = (appraisal?.Objectives ?? []).OrderBy(o => o.Id).Select(o =>
        {
            var node = new ThreadNode(ThreadLevel.Appraisal, o.Id);
            return new ObjectiveTrace(o.Id, o.Text, o.Measure, o.DueDate, ThreadRating.For(o.Status), snapshot.TraceUp(node));
        }).ToList();
        return new MyObjectives(me, name, label, appraisal?.IsClosed ?? false, objectives);
    }

    /// <summary>An item traced to the top (every path), with what contributes to it directly and how much lies beneath it.</summary>
    public async Task<ThreadTrace?> TraceAsync(ThreadNode node, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await SnapshotAsync(viewer, ct);
        var item = snapshot.View(node);
        if (item.Title is null && !item.IsPrivate)
        {
            return null;
        }

        var children = snapshot.Graph.ChildrenOf(node).Select(snapshot.View)
            .OrderBy(c => c.IsPrivate).ThenBy(c => c.Title, StringComparer.CurrentCulture).ToList();
        return new ThreadTrace(
            item, snapshot.TraceUp(node), children, snapshot.Graph.CountBelow(node),
            ThreadRating.RollUp(children.Where(c => !c.IsPrivate).Select(c => c.Rag)));
    }

    /// <summary>
    /// The top of the thread: the community strategy's ambitions and the corporate strategy, as
    /// places to start. The corporate strategy opens with its strategic challenges, each with the
    /// priorities that answer it.
    /// </summary>
    public async Task<ThreadStrategy> GetStrategyAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await SnapshotAsync(viewer, ct);
        IEnumerable<KeyValuePair<ThreadNode, NodeFacts>> Of(ThreadItemKind kind) => snapshot.Model.Nodes.Where(n => n.Value.Kind == kind).OrderBy(n => n.Key.Id);
        IReadOnlyList<ThreadNodeView> Views(IEnumerable<KeyValuePair<ThreadNode, NodeFacts>> nodes) => nodes.Select(n => snapshot.View(n.Key)).ToList();
        var priorities = Of(ThreadItemKind.CorporatePriority).ToList();
        var challenges = Of(ThreadItemKind.StrategicChallenge)
            .Select(c => new StrategyChallenge(snapshot.View(c.Key), Views(priorities.Where(p => p.Value.ChallengeId == c.Key.Id))))
            .ToList();
        return new ThreadStrategy(Views(Of(ThreadItemKind.CommunityAmbition)), challenges, Views(priorities), Views(Of(ThreadItemKind.CorporateValue)));
    }

    /// <summary>The explorer's first level: the community strategy's ambitions, each with what lies beneath it.</summary>
    public async Task<IReadOnlyList<ExplorerNode>> GetExplorerRootAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await SnapshotAsync(viewer, ct);
        return snapshot.Views.Where(v => v.Level == ThreadLevel.CommunityStrategy).OrderBy(v => v.Node.Id).Select(v => Explore(snapshot, v)).ToList();
    }

    /// <summary>
    /// Opens one node of the explorer: the items on the level below that contribute to it. Under a
    /// team's item that is the staff objectives the reader may read (their own, and those of the
    /// people they manage); the others are only counted, in the item's <see cref="ExplorerNode.StaffObjectivesBelow"/>.
    /// </summary>
    public async Task<IReadOnlyList<ExplorerNode>> ExpandAsync(ThreadNode node, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await SnapshotAsync(viewer, ct);
        return snapshot.Graph.ChildrenOf(node)
            .Select(snapshot.View)
            .Where(c => !c.IsPrivate)
            .Select(c => Explore(snapshot, c))
            .OrderBy(e => e.View.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    private static ExplorerNode Explore(ThreadSnapshot snapshot, ThreadNodeView view)
    {
        var below = snapshot.Graph.CountBelow(view.Node);
        var children = snapshot.Graph.ChildrenOf(view.Node);
        return new ExplorerNode(
            view, children.Count, below.Where(b => b.Key != ThreadLevel.Appraisal).Sum(b => b.Value), below.GetValueOrDefault(ThreadLevel.Appraisal),
            ThreadRating.RollUp(children.Select(c => snapshot.View(c)).Where(c => !c.IsPrivate).Select(c => c.Rag)));
    }

    /// <summary>
    /// Broken threads (corporate and directorate priorities with nothing beneath them), orphans
    /// (items with nothing above them) and, per directorate, the share of staff with at least one
    /// objective linked into the thread this year. Staff only; staff objectives are counted, and
    /// named only for those who may read them.
    /// </summary>
    public async Task<ThreadCoverage> GetCoverageAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.Staff);
        var snapshot = await SnapshotAsync(viewer, ct);
        var model = snapshot.Model;
        var corporate = model.Nodes.Where(n => n.Value.Kind == ThreadItemKind.CorporatePriority).Select(n => n.Key).ToHashSet();
        var broken = corporate
            .Concat(model.Nodes.Keys.Where(n => n.Level == ThreadLevel.DirectoratePlan))
            .Where(n => !snapshot.Graph.HasChildren(n))
            .OrderBy(n => n.Level).ThenBy(n => n.Id)
            .Select(snapshot.View)
            .ToList();
        var orphans = snapshot.Views
            .Where(v => v.Level != ThreadLevel.CommunityStrategy && !snapshot.Graph.HasParent(v.Node))
            .Where(v => v.Level != ThreadLevel.CorporateStrategy || corporate.Contains(v.Node))
            .OrderBy(v => v.Level).ThenBy(v => v.IsPrivate).ThenBy(v => v.Title, StringComparer.CurrentCulture)
            .ToList();

        var linkedPeople = model.Nodes
            .Where(n => n.Value.SubjectPersonId is not null && snapshot.Graph.HasParent(n.Key))
            .Select(n => n.Value.SubjectPersonId!.Value)
            .ToHashSet();
        var directorates = model.People.Where(p => !p.Value.IsCouncillor)
            .GroupBy(p => model.DirectorateOf(p.Value.UnitId))
            .Where(g => g.Key is not null)
            .Select(g => new DirectorateCoverage(g.Key!.Value, model.Units[g.Key.Value].Name, g.Count(), g.Count(p => linkedPeople.Contains(p.Key))))
            .OrderBy(d => d.Name, StringComparer.CurrentCulture)
            .ToList();
        return new ThreadCoverage(snapshot.Calendar.YearLabel(snapshot.Year), broken, orphans, directorates);
    }

    /// <summary>
    /// The coverage report as CSV: broken threads, orphans and each directorate's share. A staff
    /// objective the reader may not read appears as "(private)", exactly as on the page.
    /// </summary>
    public async Task<CsvFile> ExportCoverageAsync(CancellationToken ct)
    {
        var coverage = await GetCoverageAsync(ct);
        string Title(ThreadNodeView v) => v.IsPrivate ? "(private)" : v.Title ?? string.Empty;
        var rows = coverage.BrokenThreads.Select(v => new object?[] { "Broken thread", v.Level.ToString(), Title(v), v.Context, v.Owner, v.Rag.ToString(), null, null, null })
            .Concat(coverage.Orphans.Select(v => new object?[] { "Orphan", v.Level.ToString(), Title(v), v.Context, v.Owner, v.Rag.ToString(), null, null, null }))
            .Concat(coverage.Directorates.Select(d => new object?[] { "Directorate share", null, d.Name, null, null, null, d.Staff, d.StaffWithLinkedObjective, d.Percent }));
        string[] columns = ["Section", "Level", "Item", "Context", "Owner", "Rag", "Staff", "StaffWithLinkedObjective", "SharePercent"];
        return new CsvFile($"thread-coverage-{coverage.YearLabel.Replace('/', '-')}.csv", CsvExport.Write(columns, rows));
    }

    /// <summary>Items on the level above <paramref name="level"/> whose title contains <paramref name="query"/>: what an item there can be linked to.</summary>
    public async Task<IReadOnlyList<ThreadNodeView>> SearchLevelAboveAsync(ThreadLevel level, string? query, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        if (level == ThreadLevel.CommunityStrategy)
        {
            return [];
        }

        var snapshot = await SnapshotAsync(viewer, ct);
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
    /// Adds an objective to the caller's own appraisal for this year (opening it if need be),
    /// linked to the team workplan item it serves. Refused in a closed appraisal year; nothing is
    /// saved unless both the objective and its link are valid.
    /// </summary>
    public async Task<int> AddObjectiveAsync(string text, string? measure, DateOnly? dueDate, int? teamItemId, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var me = PersonId(viewer) ?? throw new AccessDeniedException("PersonRequired");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var year = (await cache.GetAsync(ct)).Year;
        var appraisal = await db.Appraisals.Include(a => a.Objectives).SingleOrDefaultAsync(a => a.PersonId == me && a.Year == year, ct);
        if (appraisal is null)
        {
            appraisal = Appraisal.Open(me, year);
            db.Appraisals.Add(appraisal);
        }

        var objective = appraisal.AddObjective(text, measure, dueDate);
        ThreadNode? parent = null;
        if (teamItemId is int itemId)
        {
            var item = await db.ThreadItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct)
                ?? throw new DomainRuleException("Thread.ParentNotFound", "Choose an item from the list.", "Parent");
            parent = new ThreadNode(item.Level, item.Id);
            ThreadLink.EnsureCanLink(ThreadLevel.Appraisal, parent.Value);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var node = new ThreadNode(ThreadLevel.Appraisal, objective.Id);
        if (parent is ThreadNode p)
        {
            db.ThreadLinks.Add(ThreadLink.Create(node, p, []));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        changes.Publish(new ThreadChanged(node));
        return objective.Id;
    }

    /// <summary>
    /// A person's appraisal for this year: objectives and reviews. Only for the person, anyone in
    /// their line-management chain and administrators acting as HR; anyone else is refused.
    /// </summary>
    public async Task<AppraisalView> GetAppraisalAsync(int personId, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var model = await cache.GetAsync(ct);
        var (canRead, isSelf) = AppraisalRights(viewer, personId, model);
        if (!canRead)
        {
            throw new AccessDeniedException("ReadAppraisal");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"No person {personId}.");
        var appraisal = await db.Appraisals.AsNoTracking().Include(a => a.Objectives).Include(a => a.Reviews).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.PersonId == personId && a.Year == model.Year, ct);
        var open = appraisal is not { IsClosed: true };
        return new AppraisalView(
            personId, name, model.Calendar.YearLabel(model.Year), !open,
            (appraisal?.Objectives ?? []).OrderBy(o => o.Id).Select(o => new ObjectiveRow(o.Id, o.Text, o.Measure, o.DueDate, o.Status)).ToList(),
            (appraisal?.Reviews ?? []).OrderBy(r => r.Stage).Select(r => new ReviewRow(r.Stage, r.IsRated ? r.Rating : null, r.PersonComment, r.ManagerComment, r.Date)).ToList(),
            open && isSelf, open && !isSelf);
    }

    /// <summary>The people who report directly to the caller.</summary>
    public async Task<IReadOnlyList<DirectReport>> GetDirectReportsAsync(CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        if (PersonId(viewer) is not int me)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking().Where(p => p.LineManagerId == me).OrderBy(p => p.DisplayName)
            .Select(p => new DirectReport(p.Id, p.DisplayName)).ToListAsync(ct);
    }

    /// <summary>The person's own comment at a review stage. Refused in a closed appraisal year.</summary>
    public Task CommentOnReviewAsync(int personId, ReviewStage stage, string? comment, CancellationToken ct) =>
        ReviewAsync(personId, self: true, appraisal => appraisal.CommentAsPerson(stage, comment, Today), ct);

    /// <summary>A manager's (or HR's) rating and comment at a review stage. Refused in a closed appraisal year.</summary>
    public Task RateReviewAsync(int personId, ReviewStage stage, ReviewRating rating, string? comment, CancellationToken ct) =>
        ReviewAsync(personId, self: false, appraisal => appraisal.RateAsManager(stage, rating, comment, Today), ct);

    private async Task ReviewAsync(int personId, bool self, Action<Appraisal> review, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var model = await cache.GetAsync(ct);
        var (canRead, isSelf) = AppraisalRights(viewer, personId, model);
        if (!canRead || isSelf != self)
        {
            throw new AccessDeniedException("ReviewAppraisal");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appraisal = await db.Appraisals.Include(a => a.Reviews).SingleOrDefaultAsync(a => a.PersonId == personId && a.Year == model.Year, ct);
        if (appraisal is null)
        {
            appraisal = Appraisal.Open(personId, model.Year);
            db.Appraisals.Add(appraisal);
        }

        review(appraisal);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ThreadChanged(new ThreadNode(ThreadLevel.Appraisal, 0)));
    }

    private static (bool CanRead, bool IsSelf) AppraisalRights(ClaimsPrincipal viewer, int personId, ThreadModel model)
    {
        var me = PersonId(viewer);
        var canRead = AppraisalPrivacy.CanRead(me, viewer.IsInRole(Roles.Administrator), personId, id => model.ManagerOf.GetValueOrDefault(id));
        return (canRead, me == personId);
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
        var snapshot = await SnapshotAsync(viewer, ct);
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
        var me = PersonId(viewer);
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

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<ThreadSnapshot> SnapshotAsync(ClaimsPrincipal viewer, CancellationToken ct) => new(await cache.GetAsync(ct), viewer);

    private static int? PersonId(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(PortalClaims.PersonId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
