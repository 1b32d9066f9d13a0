using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Portal.Components.Shared;

/// <summary>
/// A heading whose level depends on where it is shown (a report's sections are h2 on its own
/// page and h3 inside an agenda pack). Markup cannot name an element by a variable; this does,
/// and nothing more.
/// </summary>
public sealed class Heading : ComponentBase
{
    /// <summary>1 to 6; deeper levels are shown as h6.</summary>
    [Parameter, EditorRequired]
    public int Level { get; set; }

    [Parameter]
    public string? Class { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, $"h{Math.Clamp(Level, 1, 6)}");
        builder.AddAttribute(1, "class", Class);
        builder.AddMultipleAttributes(2, Attributes);
        builder.AddContent(3, ChildContent);
        builder.CloseElement();
    }
}
