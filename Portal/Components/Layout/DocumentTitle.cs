using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Portal.Components.Layout;

/// <summary>
/// A page's title, written as <c>&lt;DocumentTitle&gt;… – Governance Portal&lt;/DocumentTitle&gt;</c>.
/// Served, it is Blazor's <see cref="PageTitle"/> in the static <see cref="HeadOutlet"/>; live, it
/// renders nothing and sets <c>document.title</c> when the text changes. Blazor's own live title
/// takes an interactive <see cref="HeadOutlet"/>, its two section outlets and their content renderers,
/// and a <see cref="PageTitle"/> with its section content: seven components, each keeping two
/// render trees in every circuit of every page (about 13 KB a circuit). The text is kept, not the fragment.
/// </summary>
public sealed class DocumentTitle : ComponentBase
{
    private string _text = string.Empty;
    private string? _shown;

    // Not injected: a page drawn to HTML outside a circuit (a benchmark's renderer) has no script to call.
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>The title: text and expressions only (no elements).</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void OnParametersSet() => _text = TextOf(ChildContent);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!RendererInfo.IsInteractive)
        {
            builder.OpenComponent<PageTitle>(0);
            builder.AddComponentParameter(1, nameof(PageTitle.ChildContent), (RenderFragment)(title => title.AddContent(0, _text)));
            builder.CloseComponent();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive || _shown == _text)
        {
            return;
        }

        _shown = _text;
        if (Services.GetService<IJSRuntime>() is not { } js)
        {
            return;
        }

        try
        {
            await js.InvokeVoidAsync("portal.setTitle", _text);
        }
        catch (JSDisconnectedException)
        {
            // The page closed; there is no title left to set.
        }
    }

    /// <summary>The text a title fragment writes, read from a builder that is let go at once.</summary>
    internal static string TextOf(RenderFragment? fragment)
    {
        if (fragment is null)
        {
            return string.Empty;
        }

        using var builder = new RenderTreeBuilder();
        fragment(builder);
        var text = new StringBuilder();
#pragma warning disable BL0006 // Reading the frames a title fragment wrote: only its text and markup are used.
        var frames = builder.GetFrames();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Array[i];
            text.Append(frame.FrameType switch
            {
                Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType.Text => frame.TextContent,
                Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType.Markup => System.Net.WebUtility.HtmlDecode(frame.MarkupContent),
                _ => null,
            });
        }
#pragma warning restore BL0006

        return text.ToString().Trim();
    }
}
