using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Portal.Components.Shared.Svg;

/// <summary>Numbers as SVG wants them (invariant, one decimal at most), and text written straight into the render tree.</summary>
public static class SvgMath
{
    /// <summary>
    /// An SVG <c>text</c> element as plain markup, not a component: a picture of thousands of
    /// nodes keeps no component per label in the circuit.
    /// </summary>
    public static RenderFragment Text(double x, double y, string text, string? cssClass = null, string anchor = "start") => builder =>
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", F(x));
        builder.AddAttribute(2, "y", F(y));
        builder.AddAttribute(3, "text-anchor", anchor);
        builder.AddAttribute(4, "class", cssClass);
        builder.AddContent(5, text);
        builder.CloseElement();
    };

    /// <summary>A label cut to about <paramref name="characters"/>, with an ellipsis when cut.</summary>
    public static string Fit(string? text, int characters) =>
        text is null ? string.Empty : text.Length <= characters ? text : characters < 2 ? string.Empty : string.Concat(text.AsSpan(0, characters - 1).TrimEnd(), "…");

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A polyline's <c>d</c> from points, skipping gaps (a missing figure starts a new line).</summary>
    public static string Path(IEnumerable<(double X, double? Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var builder = new System.Text.StringBuilder();
        var move = true;
        foreach (var (x, y) in points)
        {
            if (y is not double value)
            {
                move = true;
                continue;
            }

            builder.Append(move ? 'M' : 'L').Append(F(x)).Append(',').Append(F(value)).Append(' ');
            move = false;
        }

        return builder.ToString().TrimEnd();
    }
}
