using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Portal.Domain.Plans;
using Portal.Domain.Thread;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread.Map;

/// <summary>
/// The golden thread as a map (<c>/thread/map</c>): from the community strategy, or from any
/// branch zoomed into, three levels down, each node sized by the work beneath it and coloured by
/// its roll-up, with the path from the reader's own objectives marked, broken threads marked and
/// orphans counted. Privacy as on every thread page: it reads through <see cref="ThreadSnapshot"/>,
/// so a staff objective the reader may not read reaches the map only as a count.
/// </summary>
public sealed class ThreadMapService(ICurrentUser currentUser, ThreadCache cache)
{
    /// <summary>How many levels one view of the map draws.</summary>
    public const int LevelsDrawn = 3;

    // What lies beneath each node and the orphans per level are the same for every reader (they
    // are counts), so they are worked out once per shared model and kept beside it.
    private static readonly ConditionalWeakTable<ThreadModel, MapFacts> Facts = [];

    /// <summary>
    /// The map from <paramref name="at"/> (the top when none) down <see cref="LevelsDrawn"/> levels,
    /// with <paramref name="item"/> marked as the one the reader came to see. Null when
    /// <paramref name="at"/> is not on the thread this year.
    /// </summary>
    public async Task<ThreadMap?> GetMapAsync(ThreadNode? at, ThreadNode? item, CancellationToken ct)
    {
        var viewer = await currentUser.DemandAsync(Policies.SignedIn);
        var snapshot = await cache.SnapshotAsync(viewer, ct);
        var model = snapshot.Model;
        if (at is ThreadNode focus && !model.Nodes.ContainsKey(focus))
        {
            return null;
        }

        var facts = Facts.GetValue(model, m => new MapFacts(m));
        var viewerId = ThreadViewer.PersonId(viewer);
        var own = viewerId is int me ? model.Nodes.Where(n => n.Value.SubjectPersonId == me).Select(n => n.Key).ToList() : [];
        var mine = own.SelectMany(o => snapshot.Graph.TraceUp(o).SelectMany(p => p)).ToHashSet();
        var builder = new Builder(snapshot, facts, mine);

        IReadOnlyList<ThreadNode> roots = at is ThreadNode root ? [root]
            : snapshot.Views.Where(v => v.Level == ThreadLevel.CommunityStrategy).OrderBy(v => v.Node.Id).Select(v => v.Node).ToList();
        var drawn = roots.Select(r => builder.Build(r, LevelsDrawn - 1)).ToList();
        var above = at is ThreadNode a ? (snapshot.TraceUp(a).FirstOrDefault() ?? []).Skip(1).Reverse().ToList() : [];
        var first = at?.Level ?? ThreadLevel.CommunityStrategy;
        var levels = Enum.GetValues<ThreadLevel>().Where(l => l >= first).Take(LevelsDrawn).ToList();
        return new ThreadMap(at is null ? null : drawn[0], above, drawn, levels, facts.Orphans, item, own.Count > 0);
    }

    private sealed class Builder(ThreadSnapshot snapshot, MapFacts facts, HashSet<ThreadNode> mine)
    {
        public MapNode Build(ThreadNode node, int depth)
        {
            var view = snapshot.View(node);
            var (items, objectives) = facts.Below(node);
            var children = snapshot.Graph.ChildrenOf(node);
            var visible = children.Select(snapshot.View).Where(c => !c.IsPrivate).ToList();
            var rollUp = children.Count == 0 ? view.Rag : ThreadRating.RollUp(visible.Select(c => c.Rag));
            var broken = children.Count == 0 && (node.Level == ThreadLevel.DirectoratePlan || snapshot.Model.Nodes.GetValueOrDefault(node)?.Kind == ThreadItemKind.CorporatePriority);
            if (depth == 0 || children.Count == 0)
            {
                return new MapNode(view, items, objectives, rollUp, mine.Contains(node), broken, 0, [], children.Count);
            }

            var drawn = visible.OrderByDescending(c => facts.Weight(c.Node)).ThenBy(c => c.Title, StringComparer.CurrentCulture)
                .Select(c => Build(c.Node, depth - 1)).ToList();
            var hidden = children.Count - visible.Count;
            if (hidden > 0)
            {
                drawn.Add(new MapNode(new ThreadNodeView(new ThreadNode(ThreadLevel.Appraisal, 0), null, null, null, Rag.NotRated, true), 0, 0, Rag.NotRated, false, false, hidden, [], 0));
            }

            return new MapNode(view, items, objectives, rollUp, mine.Contains(node), broken, 0, drawn, 0);
        }
    }

    /// <summary>Counts that are the same for every reader of one model: what lies beneath each node, and the orphans on each level.</summary>
    private sealed class MapFacts
    {
        private readonly ThreadModel _model;
        private readonly ConcurrentDictionary<ThreadNode, (int Items, int Objectives)> _below = new();

        public MapFacts(ThreadModel model)
        {
            _model = model;
            var corporate = model.Nodes.Where(n => n.Value.Kind == ThreadItemKind.CorporatePriority).Select(n => n.Key).ToHashSet();
            Orphans = model.Nodes.Keys
                .Where(n => n.Level != ThreadLevel.CommunityStrategy && !model.Graph.HasParent(n))
                .Where(n => n.Level != ThreadLevel.CorporateStrategy || corporate.Contains(n))
                .GroupBy(n => n.Level).ToDictionary(g => g.Key, g => g.Count());
        }

        public IReadOnlyDictionary<ThreadLevel, int> Orphans { get; }

        public int Weight(ThreadNode node)
        {
            var (items, objectives) = Below(node);
            return 1 + items + objectives;
        }

        /// <summary>Items and staff objectives beneath a node, counted along each link (an item under two parents counts under both).</summary>
        public (int Items, int Objectives) Below(ThreadNode node)
        {
            if (_below.TryGetValue(node, out var known))
            {
                return known;
            }

            var (items, objectives) = (0, 0);
            foreach (var child in _model.Graph.ChildrenOf(node))
            {
                var (i, o) = Below(child);
                items += i + (child.Level == ThreadLevel.Appraisal ? 0 : 1);
                objectives += o + (child.Level == ThreadLevel.Appraisal ? 1 : 0);
            }

            _below[node] = (items, objectives);
            return (items, objectives);
        }
    }
}
