using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Portal.Components.Shared;

/// <summary>
/// A Material icon as an inline SVG that is only decoration (hidden from assistive technology;
/// the control beside it carries the words). MudBlazor gives its icons as SVG markup; this reads
/// that markup as XML and writes its shapes as elements, so no markup string is rendered as HTML
/// (the Markdown renderer stays the only code that does that).
/// </summary>
public sealed class Icon : ComponentBase
{
    private static readonly ConcurrentDictionary<string, XElement> Parsed = new(StringComparer.Ordinal);

    /// <summary>One of MudBlazor's <c>Icons.Material</c> values.</summary>
    [Parameter, EditorRequired]
    public string Svg { get; set; } = string.Empty;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "viewBox", "0 0 24 24");
        builder.AddAttribute(2, "aria-hidden", "true");
        builder.AddAttribute(3, "focusable", "false");
        foreach (var shape in Parsed.GetOrAdd(Svg, svg => XElement.Parse($"<svg>{svg}</svg>")).Elements())
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
