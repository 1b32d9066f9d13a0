using Portal.Domain.Plans;
using Portal.Domain.Thread;

namespace Portal.Features.Thread.Map;

/// <summary>
/// The thread as a map: the nodes drawn (from <see cref="Roots"/>, up to three levels deep),
/// the path above the branch zoomed into, the items with nothing above them per level, and which
/// item the reader came to see. Staff objectives the reader may not read are only counted.
/// </summary>
public sealed record ThreadMap(
    MapNode? Focus, IReadOnlyList<ThreadNodeView> Above, IReadOnlyList<MapNode> Roots, IReadOnlyList<ThreadLevel> Levels,
    IReadOnlyDictionary<ThreadLevel, int> Orphans, ThreadNode? Item, bool HasOwnObjectives)
{
    /// <summary>Every node drawn, top first, each after its parent.</summary>
    public IEnumerable<MapNode> Drawn() => Roots.SelectMany(r => r.SelfAndBelow());
}

/// <summary>
/// One node of the map: the item as the reader may see it, how much work lies beneath it (items
/// and staff objectives, counted along each link, so it sizes the node), its roll-up rating,
/// whether it is on the path from the reader's own objectives, whether it is a broken thread,
/// and the nodes drawn beneath it. A group of others' objectives is one node with a
/// <see cref="PrivateCount"/> and no title; <see cref="NotShown"/> counts the children of a node
/// on the last level drawn, which zooming into it shows.
/// </summary>
public sealed record MapNode(
    ThreadNodeView View, int ItemsBelow, int ObjectivesBelow, Rag RollUp, bool IsMine, bool IsBroken, int PrivateCount,
    IReadOnlyList<MapNode> Children, int NotShown)
{
    public bool IsPrivateGroup => PrivateCount > 0;

    /// <summary>How much room the node takes: itself and everything beneath it.</summary>
    public int Weight => IsPrivateGroup ? PrivateCount : 1 + ItemsBelow + ObjectivesBelow;

    public IEnumerable<MapNode> SelfAndBelow() => Children.SelectMany(c => c.SelfAndBelow()).Prepend(this);
}
