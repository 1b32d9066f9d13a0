using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Portal.Components.Layout;

/// <summary>
/// A page's title and its feeds, written as <c>&lt;DocumentTitle&gt;… – Governance Portal&lt;/DocumentTitle&gt;</c>.
/// Served, it is Blazor's <see cref="PageTitle"/> (and <see cref="HeadContent"/> for the feeds'
/// alternate links) in the static <see cref="HeadOutlet"/>; live, it renders nothing and sets
/// <c>document.title</c> and the feeds' links when they change. Blazor's own live title
/// takes an interactive <see cref="HeadOutlet"/>, its two section outlets and their content renderers,
/// and a <see cref="PageTitle"/> with its section content: seven components, each keeping two
/// render trees in every circuit of every page (about 13 KB a circuit). The text is kept, not the fragment.
/// </summary>
public sealed class DocumentTitle : ComponentBase
{
    private string _text = string.Empty;

    // The title and feeds as one string, to tell when they change; and the last sent to the page.
    private string _head = string.Empty;
    private string? _shown;

    // The script runtime is looked up when there is something to set, not injected: a page drawn
    // to HTML outside a circuit (a benchmark's renderer) has none.
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>The title: text and expressions only (no elements).</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>The page's Atom feeds, advertised as alternate links in the head; none, the page has none (a live navigation takes the last page's away).</summary>
    [Parameter]
    public IReadOnlyList<FeedLink>? Feeds { get; set; }

    protected override void OnParametersSet()
    {
        _text = TextOf(ChildContent);
        _head = Feeds is { Count: > 0 } feeds ? _text + "\n" + string.Join('\n', feeds) : _text;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!RendererInfo.IsInteractive)
        {
            builder.OpenComponent<PageTitle>(0);
            builder.AddComponentParameter(1, nameof(PageTitle.ChildContent), (RenderFragment)(title => title.AddContent(0, _text)));
            builder.CloseComponent();
            if (Feeds is { Count: > 0 } feeds)
            {
                builder.OpenComponent<HeadContent>(2);
                builder.AddComponentParameter(3, nameof(HeadContent.ChildContent), (RenderFragment)(head =>
                {
                    foreach (var feed in feeds)
                    {
                        head.OpenElement(4, "link");
                        head.AddAttribute(5, "rel", "alternate");
                        head.AddAttribute(6, "type", "application/atom+xml");
                        head.AddAttribute(7, "title", feed.Title);
                        head.AddAttribute(8, "href", feed.Href);
                        head.CloseElement();
                    }
                }));
                builder.CloseComponent();
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive || _shown == _head)
        {
            return;
        }

        _shown = _head;
        if (Services.GetService<IJSRuntime>() is not { } js)
        {
            return;
        }

        try
        {
            await js.InvokeVoidAsync("portal.setHead", _text, Feeds ?? []);
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

/// <summary>An Atom feed a page advertises: its title and address.</summary>
public sealed record FeedLink(string Title, string Href)
{
    public override string ToString() => $"{Title} {Href}";
}
