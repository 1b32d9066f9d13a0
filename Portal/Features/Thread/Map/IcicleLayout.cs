namespace Portal.Features.Thread.Map;

/// <summary>
/// Where each node of the map goes: one column per level, each node as tall as its share of the
/// work beneath its parent. Children too small to see are drawn as one box, "N more", that zooms
/// into their parent; so a branch of thousands draws a few dozen boxes.
/// </summary>
public static class IcicleLayout
{
    /// <summary>The smallest box drawn on its own, in SVG units.</summary>
    public const double MinHeight = 4;

    public static IReadOnlyList<MapBox> Lay(IReadOnlyList<MapNode> roots, double height)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var boxes = new List<MapBox>();
        Place(roots, null, 0, 0, height, boxes);
        return boxes;
    }

    /// <summary>The mark drawn at a box's right edge: an arrow for the item asked for, a triangle for a broken thread, else a diamond (the reader's own path).</summary>
    public static string MarkPath(bool item, bool broken, double x, double y) =>
        item ? FormattableString.Invariant($"M{x - 5:0.#},{y - 6:0.#} L{x + 5:0.#},{y:0.#} L{x - 5:0.#},{y + 6:0.#} Z")
        : broken ? FormattableString.Invariant($"M{x:0.#},{y - 6:0.#} L{x + 6:0.#},{y + 5:0.#} L{x - 6:0.#},{y + 5:0.#} Z")
        : FormattableString.Invariant($"M{x:0.#},{y - 6:0.#} L{x + 6:0.#},{y:0.#} L{x:0.#},{y + 6:0.#} L{x - 6:0.#},{y:0.#} Z");

    private static void Place(IReadOnlyList<MapNode> nodes, MapNode? parent, int column, double top, double height, List<MapBox> boxes)
    {
        var total = nodes.Sum(n => (double)n.Weight);
        if (total <= 0)
        {
            return;
        }

        var y = top;
        var ordered = nodes.OrderByDescending(n => n.Weight).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var node = ordered[i];
            var h = node.Weight / total * height;
            if (h < MinHeight && ordered.Count - i > 1)
            {
                var rest = ordered.Skip(i).ToList();
                boxes.Add(new MapBox(null, parent, column, y, top + height - y, rest.Count));
                return;
            }

            boxes.Add(new MapBox(node, parent, column, y, h, 0));
            if (node.Children.Count > 0)
            {
                Place(node.Children, node, column + 1, y, h, boxes);
            }

            y += h;
        }
    }
}

/// <summary>One box of the map: a node, or (with no node) a group of <see cref="More"/> small ones beneath <see cref="Parent"/>.</summary>
public sealed record MapBox(MapNode? Node, MapNode? Parent, int Column, double Y, double Height, int More);
