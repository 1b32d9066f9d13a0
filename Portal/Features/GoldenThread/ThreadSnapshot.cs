using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Plans;
using Portal.Domain.Thread;
using Portal.Infrastructure.Security;

namespace Portal.Features.GoldenThread;

/// <summary>
/// Everything on the thread for one year, read once per request: the link graph and a view of
/// every item, with appraisal content masked for anyone the privacy rule does not let read it.
/// Masking happens here, before any page, search or export sees an item.
/// </summary>
internal sealed class ThreadSnapshot
{
    private readonly Dictionary<ThreadNode, ThreadNodeView> _views;

    private ThreadSnapshot(ThreadGraph graph, Dictionary<ThreadNode, ThreadNodeView> views, int year, PlanCalendar calendar, Dictionary<int, (int PersonId, bool Closed)> objectiveOwners, Dictionary<int, int> unitOfPerson, Dictionary<int, (UnitKind Kind, int? ParentId, string Name)> units)
    {
        Graph = graph;
        _views = views;
        Year = year;
        Calendar = calendar;
        ObjectiveOwners = objectiveOwners;
        UnitOfPerson = unitOfPerson;
        Units = units;
    }

    public ThreadGraph Graph { get; }

    public int Year { get; }

    public PlanCalendar Calendar { get; }

    /// <summary>For each appraisal objective: whose it is, and whether its appraisal year is closed.</summary>
    public Dictionary<int, (int PersonId, bool Closed)> ObjectiveOwners { get; }

    public Dictionary<int, int> UnitOfPerson { get; }

    public Dictionary<int, (UnitKind Kind, int? ParentId, string Name)> Units { get; }

    public IEnumerable<ThreadNodeView> Views => _views.Values;

    public ThreadNodeView View(ThreadNode node) =>
        _views.TryGetValue(node, out var view) ? view : new ThreadNodeView(node, null, null, null, Rag.NotRated, IsPrivate: node.Level == ThreadLevel.Appraisal);

    public IReadOnlyList<IReadOnlyList<ThreadNodeView>> TraceUp(ThreadNode node) =>
        Graph.TraceUp(node).Select(path => (IReadOnlyList<ThreadNodeView>)path.Select(View).ToList()).ToList();

    public int? DirectorateOf(int unitId)
    {
        int? current = unitId;
        for (var depth = 0; current is int id && depth < 10 && Units.TryGetValue(id, out var unit); depth++)
        {
            if (unit.Kind == UnitKind.Directorate)
            {
                return id;
            }

            current = unit.ParentId;
        }

        return null;
    }

    public static async Task<ThreadSnapshot> LoadAsync(PortalDbContext db, ClaimsPrincipal viewer, DateOnly today, CancellationToken ct)
    {
        var calendar = await db.Plans.AsNoTracking().Select(p => (int?)p.YearStartMonth).FirstOrDefaultAsync(ct) is int month ? new PlanCalendar(month) : PlanCalendar.FinancialYear;
        var year = calendar.YearOf(today);
        var viewerId = int.TryParse(viewer.FindFirstValue(PortalClaims.PersonId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        var isHr = viewer.IsInRole(Roles.Administrator);

        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.DisplayName, p.LineManagerId, p.UnitId }).ToDictionaryAsync(p => p.Id, ct);
        var units = await db.OrganisationUnits.AsNoTracking().Select(u => new { u.Id, u.Kind, u.ParentId, u.Name }).ToDictionaryAsync(u => u.Id, u => (u.Kind, u.ParentId, u.Name), ct);
        var links = await db.ThreadLinks.AsNoTracking().Select(l => new { l.ChildLevel, l.ChildId, l.ParentLevel, l.ParentId, l.IsPrimary }).ToListAsync(ct);
        var graph = new ThreadGraph(links.Select(l => (new ThreadNode(l.ChildLevel, l.ChildId), new ThreadNode(l.ParentLevel, l.ParentId), l.IsPrimary)));
        string? Name(int? id) => id is int i && people.TryGetValue(i, out var p) ? p.DisplayName : null;

        var views = new Dictionary<ThreadNode, ThreadNodeView>();
        var items = await db.ThreadItems.AsNoTracking().Where(i => i.Year == null || i.Year == year).ToListAsync(ct);
        foreach (var item in items)
        {
            var context = item.UnitId is int unit && units.TryGetValue(unit, out var u) ? u.Name : item.Theme;
            var node = new ThreadNode(item.Level, item.Id);
            views[node] = new ThreadNodeView(node, item.Title, context, Name(item.OwnerId), ThreadRating.For(item.Status), false);
        }

        var plans = await db.Plans.AsNoTracking().Include(p => p.Priorities).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Include(a => a.Milestones)
            .Where(a => plans.Select(p => p.Id).Contains(a.PlanId)).ToListAsync(ct);
        foreach (var plan in plans)
        {
            foreach (var priority in plan.Priorities)
            {
                var rag = ThreadRating.RollUp(actions.Where(a => a.PriorityId == priority.Id && a.Year == plan.OpenYear).Select(a => a.RagOn(today)));
                var node = new ThreadNode(ThreadLevel.DirectoratePlan, priority.Id);
                views[node] = new ThreadNodeView(node, priority.Title, plan.Title, units.TryGetValue(plan.DirectorateId, out var d) ? d.Name : null, rag, false);
            }
        }

        var objectives = await (
            from o in db.AppraisalObjectives.AsNoTracking()
            join a in db.Appraisals.AsNoTracking() on o.AppraisalId equals a.Id
            where a.Year == year
            select new { o.Id, o.Text, o.Status, a.PersonId, a.IsClosed }).ToListAsync(ct);
        var owners = new Dictionary<int, (int, bool)>();
        foreach (var objective in objectives)
        {
            owners[objective.Id] = (objective.PersonId, objective.IsClosed);
            var node = new ThreadNode(ThreadLevel.Appraisal, objective.Id);
            views[node] = AppraisalPrivacy.CanRead(viewerId, isHr, objective.PersonId, id => people.TryGetValue(id, out var p) ? p.LineManagerId : null)
                ? new ThreadNodeView(node, objective.Text, null, Name(objective.PersonId), ThreadRating.For(objective.Status), false)
                : new ThreadNodeView(node, null, null, null, Rag.NotRated, IsPrivate: true);
        }

        // The strategy levels have no status of their own: they take the roll-up of what serves them.
        foreach (var level in new[] { ThreadLevel.CorporateStrategy, ThreadLevel.CommunityStrategy })
        {
            foreach (var (node, view) in views.Where(v => v.Key.Level == level).ToList())
            {
                var below = graph.ChildrenOf(node).Select(c => views.TryGetValue(c, out var cv) ? cv.Rag : Rag.NotRated);
                views[node] = view with { Rag = ThreadRating.RollUp(below) };
            }
        }

        return new ThreadSnapshot(graph, views, year, calendar, owners, people.ToDictionary(p => p.Key, p => p.Value.UnitId), units);
    }
}
