using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Portal.Components.Shared;

/// <summary>
/// A Material icon as an inline SVG that is only decoration (hidden from assistive technology;
/// the control beside it carries the words). MudBlazor gives its icons as SVG markup; this reads
/// that markup as XML and writes its shapes again, leaving out the invisible bounding box.
/// </summary>
/// <remarks>
/// The layout, in every live page, shows a dozen icons: it uses <see cref="Markup"/>, one markup
/// string per icon shared by every circuit (written here from the parsed XML, never a reader's
/// text), so a circuit keeps a frame for each icon instead of a component with its own render
/// trees (about 3 KB a circuit each, measured by the load driver).
/// </remarks>
public sealed class Icon : ComponentBase
{
    private static readonly ConcurrentDictionary<string, XElement> Parsed = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, MarkupString> Drawn = new(StringComparer.Ordinal);

    /// <summary>One of MudBlazor's <c>Icons.Material</c> values.</summary>
    [Parameter, EditorRequired]
    public string Svg { get; set; } = string.Empty;

    /// <summary>The icon given as one of MudBlazor's <c>Icons.Material</c> values, as markup shared by every page that shows it.</summary>
    public static MarkupString Markup(string svg) => Drawn.GetOrAdd(svg, value =>
    {
        var shapes = new XElement(Parsed.GetOrAdd(value, Parse));
        shapes.Descendants().Where(e => (string?)e.Attribute("fill") == "none").ToList().Remove();
        return new MarkupString($"<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">{string.Concat(shapes.Elements().Select(e => e.ToString(SaveOptions.DisableFormatting)))}</svg>");
    });

    private static XElement Parse(string svg) => XElement.Parse($"<svg>{svg}</svg>");

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "viewBox", "0 0 24 24");
        builder.AddAttribute(2, "aria-hidden", "true");
        builder.AddAttribute(3, "focusable", "false");
        foreach (var shape in Parsed.GetOrAdd(Svg, Parse).Elements())
        {
            Write(builder, shape);
        }

        builder.CloseElement();
    }

    private static void Write(RenderTreeBuilder builder, XElement shape)
    {
        if ((string?)shape.Attribute("fill") == "none")
        {
            // The 24x24 bounding box Material icons carry, drawn in no colour.
            return;
        }

        builder.OpenElement(10, shape.Name.LocalName);
        foreach (var attribute in shape.Attributes())
        {
            builder.AddAttribute(11, attribute.Name.LocalName, attribute.Value);
        }

        foreach (var part in shape.Elements())
        {
            Write(builder, part);
        }

        builder.CloseElement();
    }
}
