using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Plans;
using Portal.Domain.Thread;
using Portal.Features.Plans; // the thread runs through the plans: it follows their changes and reads their year

namespace Portal.Features.Thread;

/// <summary>
/// The whole thread for one year, as read from the database: the link graph and every item's
/// unmasked facts. It is built once and shared by every reader through <see cref="ThreadCache"/>;
/// <see cref="ThreadSnapshot"/> masks it for each reader.
/// </summary>
internal sealed class ThreadModel
{
    private ThreadModel(DateOnly builtFor, int year, PlanCalendar calendar, ThreadGraph graph, Dictionary<ThreadNode, NodeFacts> nodes,
        Dictionary<int, int?> managerOf, Dictionary<int, (int UnitId, bool IsCouncillor)> people, Dictionary<int, (UnitKind Kind, int? ParentId, string Name)> units)
    {
        BuiltFor = builtFor;
        Year = year;
        Calendar = calendar;
        Graph = graph;
        Nodes = nodes;
        ManagerOf = managerOf;
        People = people;
        Units = units;
    }

    public DateOnly BuiltFor { get; }

    public int Year { get; }

    public PlanCalendar Calendar { get; }

    public ThreadGraph Graph { get; }

    public IReadOnlyDictionary<ThreadNode, NodeFacts> Nodes { get; }

    public IReadOnlyDictionary<int, int?> ManagerOf { get; }

    public IReadOnlyDictionary<int, (int UnitId, bool IsCouncillor)> People { get; }

    public IReadOnlyDictionary<int, (UnitKind Kind, int? ParentId, string Name)> Units { get; }

    public int? DirectorateOf(int unitId) =>
        UnitKindRules.DirectorateOf(unitId, id => Units.TryGetValue(id, out var u) ? (u.Kind, u.ParentId) : null);

    public static async Task<ThreadModel> BuildAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var calendar = await db.CalendarAsync(ct);
        var year = calendar.YearOf(today);
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.DisplayName, p.LineManagerId, p.UnitId, p.IsCouncillor }).ToListAsync(ct);
        var names = people.ToDictionary(p => p.Id, p => p.DisplayName);
        var units = await db.OrganisationUnits.AsNoTracking().Select(u => new { u.Id, u.Kind, u.ParentId, u.Name }).ToDictionaryAsync(u => u.Id, u => (u.Kind, u.ParentId, u.Name), ct);
        var links = await db.ThreadLinks.AsNoTracking().Select(l => new { l.ChildLevel, l.ChildId, l.ParentLevel, l.ParentId, l.IsPrimary }).ToListAsync(ct);
        var graph = new ThreadGraph(links.Select(l => (new ThreadNode(l.ChildLevel, l.ChildId), new ThreadNode(l.ParentLevel, l.ParentId), l.IsPrimary)));
        string? Name(int? id) => id is int i ? names.GetValueOrDefault(i) : null;

        var nodes = new Dictionary<ThreadNode, NodeFacts>();
        var items = await db.ThreadItems.AsNoTracking().Where(i => i.Year == null || i.Year == year).ToListAsync(ct);
        foreach (var item in items)
        {
            var context = item.UnitId is int unit && units.TryGetValue(unit, out var u) ? u.Name : item.Theme;
            nodes[new ThreadNode(item.Level, item.Id)] = new NodeFacts(item.Kind, item.Title, context, Name(item.OwnerId), ThreadRating.For(item.Status), null, false, item.ChallengeId);
        }

        var plans = await db.Plans.AsNoTracking().Include(p => p.Priorities).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Include(a => a.Milestones).ToListAsync(ct);
        var openActions = actions.Where(a => plans.Any(p => p.Id == a.PlanId && p.OpenYear == a.Year)).ToLookup(a => a.PriorityId);
        foreach (var plan in plans)
        {
            foreach (var priority in plan.Priorities)
            {
                var rag = ThreadRating.RollUp(openActions[priority.Id].Select(a => a.RagOn(today)));
                nodes[new ThreadNode(ThreadLevel.DirectoratePlan, priority.Id)] =
                    new NodeFacts(null, priority.Title, plan.Title, units.TryGetValue(plan.DirectorateId, out var d) ? d.Name : null, rag, null, false);
            }
        }

        var objectives = await (
            from o in db.AppraisalObjectives.AsNoTracking()
            join a in db.Appraisals.AsNoTracking() on o.AppraisalId equals a.Id
            where a.Year == year
            select new { o.Id, o.Text, o.Status, a.PersonId, a.IsClosed }).ToListAsync(ct);
        foreach (var objective in objectives)
        {
            nodes[new ThreadNode(ThreadLevel.Appraisal, objective.Id)] =
                new NodeFacts(null, objective.Text, null, Name(objective.PersonId), ThreadRating.For(objective.Status), objective.PersonId, objective.IsClosed);
        }

        // The strategy levels have no status of their own: they take the roll-up of what serves them.
        foreach (var level in new[] { ThreadLevel.CorporateStrategy, ThreadLevel.CommunityStrategy })
        {
            foreach (var (node, facts) in nodes.Where(n => n.Key.Level == level).ToList())
            {
                nodes[node] = facts with { Rag = ThreadRating.RollUp(graph.ChildrenOf(node).Select(c => nodes.TryGetValue(c, out var f) ? f.Rag : Rag.NotRated)) };
            }
        }

        return new ThreadModel(
            today, year, calendar, graph, nodes,
            people.ToDictionary(p => p.Id, p => p.LineManagerId),
            people.ToDictionary(p => p.Id, p => (p.UnitId, p.IsCouncillor)),
            units);
    }
}

/// <summary>
/// An item's facts before masking. <see cref="SubjectPersonId"/> is set for a staff objective:
/// whose it is; <see cref="ChallengeId"/> for a corporate priority: the strategic challenge it answers.
/// </summary>
internal sealed record NodeFacts(ThreadItemKind? Kind, string Title, string? Context, string? Owner, Rag Rag, int? SubjectPersonId, bool AppraisalClosed, int? ChallengeId = null);
