using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Portal.Features.Plans.Indicators;

/// <summary>An SVG <c>text</c> element: Razor reserves the <c>&lt;text&gt;</c> tag, so charts write their labels through this.</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter]
    public double X { get; set; }

    [Parameter]
    public double Y { get; set; }

    [Parameter]
    public string Anchor { get; set; } = "start";

    [Parameter, EditorRequired]
    public string Text { get; set; } = string.Empty;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        builder.AddAttribute(2, "y", Y.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        builder.AddAttribute(3, "text-anchor", Anchor);
        builder.AddContent(4, Text);
        builder.CloseElement();
    }
}
