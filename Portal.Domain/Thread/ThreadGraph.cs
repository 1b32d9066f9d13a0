using Portal.Domain.Plans;

namespace Portal.Domain.Thread;

/// <summary>
/// The thread as an in-memory graph of links, for tracing up ("what does my work serve?") and
/// counting down ("who is doing anything about this?"). Built once from the links; every query
/// is a walk over dictionaries, so tracing one item costs microseconds, not a query per level.
/// </summary>
public sealed class ThreadGraph
{
    /// <summary>More paths than this from one item are not listed: the reader is told there are more.</summary>
    public const int MaxPaths = 50;

    private readonly Dictionary<ThreadNode, List<ThreadNode>> _parents = [];
    private readonly Dictionary<ThreadNode, List<ThreadNode>> _children = [];

    public ThreadGraph(IEnumerable<(ThreadNode Child, ThreadNode Parent, bool IsPrimary)> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        foreach (var (child, parent, primary) in links.OrderByDescending(l => l.IsPrimary))
        {
            Add(_parents, child, parent);
            Add(_children, parent, child);
        }
    }

    public IReadOnlyList<ThreadNode> ParentsOf(ThreadNode node) => _parents.TryGetValue(node, out var list) ? list : [];

    public IReadOnlyList<ThreadNode> ChildrenOf(ThreadNode node) => _children.TryGetValue(node, out var list) ? list : [];

    public bool HasParent(ThreadNode node) => _parents.ContainsKey(node);

    public bool HasChildren(ThreadNode node) => _children.ContainsKey(node);

    /// <summary>
    /// Every path from <paramref name="start"/> up to the top, primary links first. Each path
    /// starts with <paramref name="start"/>; a path that stops below the community strategy is a
    /// broken thread.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ThreadNode>> TraceUp(ThreadNode start)
    {
        var paths = new List<IReadOnlyList<ThreadNode>>();
        var path = new List<ThreadNode> { start };
        Walk(start);
        return paths;

        void Walk(ThreadNode node)
        {
            if (paths.Count >= MaxPaths)
            {
                return;
            }

            var parents = ParentsOf(node);
            if (parents.Count == 0)
            {
                paths.Add(path.ToArray());
                return;
            }

            foreach (var parent in parents)
            {
                if (path.Contains(parent))
                {
                    continue;
                }

                path.Add(parent);
                Walk(parent);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    /// <summary>How many distinct items on each level below contribute to <paramref name="node"/>, directly or further down.</summary>
    public IReadOnlyDictionary<ThreadLevel, int> CountBelow(ThreadNode node)
    {
        var seen = new HashSet<ThreadNode>();
        var queue = new Queue<ThreadNode>([node]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var child in ChildrenOf(current))
            {
                if (seen.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return seen.GroupBy(n => n.Level).ToDictionary(g => g.Key, g => g.Count());
    }

    private static void Add(Dictionary<ThreadNode, List<ThreadNode>> map, ThreadNode key, ThreadNode value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}

/// <summary>The documented rules that turn thread statuses into RAG ratings, and roll them up.</summary>
public static class ThreadRating
{
    public static Rag For(ThreadStatus status) => status switch
    {
        ThreadStatus.OnTrack => Rag.Green,
        ThreadStatus.AtRisk => Rag.Amber,
        ThreadStatus.OffTrack => Rag.Red,
        ThreadStatus.Achieved => Rag.Completed,
        _ => Rag.NotRated,
    };

    /// <summary>
    /// The roll-up of the items beneath a node. Unrated items are left out; completed count as
    /// green. None rated: not rated. All completed: completed. A third or more red: red. Any red,
    /// or a third or more amber: amber. Otherwise green. So one late team item does not turn a
    /// whole corporate priority red, but it never leaves it green either.
    /// </summary>
    public static Rag RollUp(IEnumerable<Rag> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var rated = ratings.Where(r => r != Rag.NotRated).ToList();
        if (rated.Count == 0)
        {
            return Rag.NotRated;
        }

        if (rated.All(r => r == Rag.Completed))
        {
            return Rag.Completed;
        }

        var red = rated.Count(r => r == Rag.Red);
        var amber = rated.Count(r => r == Rag.Amber);
        if (red * 3 >= rated.Count)
        {
            return Rag.Red;
        }

        return red > 0 || amber * 3 >= rated.Count ? Rag.Amber : Rag.Green;
    }
}
