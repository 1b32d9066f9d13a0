namespace Portal.Features.Establishment.Chart;

/// <summary>
/// Where each post of the chart picture goes: the post at the top, the posts reporting to it in
/// a row beneath, and theirs stacked under each (as org charts print them), joined by elbow
/// lines. A stack longer than <see cref="MaxStack"/> ends in one box, "N more", that opens that
/// branch; a post whose own posts are not drawn says how many lie beneath it.
/// </summary>
public static class StructureLayout
{
    public const double BoxWidth = 236;
    public const double BoxHeight = 86;
    public const double Margin = 8;
    private const double GapX = 18;
    private const double GapY = 40;
    private const double Indent = 22;
    private const double StackGap = 12;
    public const int MaxStack = 8;

    public static StructureDrawing Lay(ChartNode? top, IReadOnlyList<ChartNode> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var boxes = new List<StructureBox>();
        var lines = new List<string>();
        var columnWidth = BoxWidth + Indent + GapX;
        var rowWidth = Math.Max(BoxWidth, (row.Count * columnWidth) - GapX);
        var rowY = Margin;
        if (top is not null)
        {
            var topX = Margin + ((rowWidth - BoxWidth) / 2);
            boxes.Add(new StructureBox(top, topX, Margin, 0, 0));
            rowY = Margin + BoxHeight + GapY;
            if (row.Count > 0)
            {
                var busY = Margin + BoxHeight + (GapY / 2);
                lines.Add(Line(topX + (BoxWidth / 2), Margin + BoxHeight, topX + (BoxWidth / 2), busY));
                lines.Add(Line(Margin + (BoxWidth / 2), busY, Margin + ((row.Count - 1) * columnWidth) + (BoxWidth / 2), busY));
                lines.AddRange(row.Select((_, i) => Line(Margin + (i * columnWidth) + (BoxWidth / 2), busY, Margin + (i * columnWidth) + (BoxWidth / 2), rowY)));
            }
        }

        var bottom = rowY + BoxHeight;
        for (var i = 0; i < row.Count; i++)
        {
            var post = row[i];
            var x = Margin + (i * columnWidth);
            var stack = post.Children.Count > MaxStack ? post.Children.Take(MaxStack - 1).ToList() : post.Children.ToList();
            boxes.Add(new StructureBox(post, x, rowY, 1, stack.Count == 0 ? post.Children.Count : 0));
            var y = rowY + BoxHeight + StackGap;
            foreach (var child in stack)
            {
                lines.Add(Line(x + (Indent / 2), y - StackGap, x + (Indent / 2), y + (BoxHeight / 2)) + " " + Line(x + (Indent / 2), y + (BoxHeight / 2), x + Indent, y + (BoxHeight / 2)));
                boxes.Add(new StructureBox(child, x + Indent, y, 2, child.Children.Count));
                y += BoxHeight + StackGap;
            }

            if (stack.Count < post.Children.Count)
            {
                lines.Add(Line(x + (Indent / 2), y - StackGap, x + (Indent / 2), y + 20) + " " + Line(x + (Indent / 2), y + 20, x + Indent, y + 20));
                boxes.Add(new StructureBox(post, x + Indent, y, 2, post.Children.Count - stack.Count, IsMore: true));
                y += 40 + StackGap;
            }

            bottom = Math.Max(bottom, y);
        }

        return new StructureDrawing(boxes, lines, rowWidth + (2 * Margin), bottom + Margin);
    }

    private static string Line(double x1, double y1, double x2, double y2) =>
        FormattableString.Invariant($"M{x1:0.#},{y1:0.#} L{x2:0.#},{y2:0.#}");
}

/// <summary>The picture's boxes and lines (as SVG path data), and its size.</summary>
public sealed record StructureDrawing(IReadOnlyList<StructureBox> Boxes, IReadOnlyList<string> Lines, double Width, double Height);

/// <summary>
/// One box: a post at a depth (0 the top), how many posts lie beneath it undrawn; or, when
/// <see cref="IsMore"/>, the <see cref="Beneath"/> further posts reporting to <see cref="Post"/>.
/// </summary>
public sealed record StructureBox(ChartNode Post, double X, double Y, int Depth, int Beneath, bool IsMore = false);
