// The renderer itself is what is measured here, so its types are used as the framework uses them.
#pragma warning disable BL0006

using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.Logging.Abstractions;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// What a Blazor Server circuit keeps on the server for one page, without the wire: the real
/// renderer (components, their render trees, their subscriptions) over one signed-in caller's
/// services, holding the page it rendered until disposed. The browser's side is not here, so
/// what a number of these retain after a full collection is what that many open pages cost.
/// </summary>
public sealed class HeldCircuit : Renderer
{
    private readonly ServiceHarness.Session _session;

    private HeldCircuit(ServiceHarness.Session session, IServiceProvider services)
        : base(services, NullLoggerFactory.Instance) => _session = session;

    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    /// <summary>Interactive, as a circuit's renderer is: pages render what they keep while live.</summary>
    protected override RendererInfo RendererInfo { get; } = new("Server", isInteractive: true);

    /// <summary>Opens <typeparamref name="TPage"/> for <paramref name="session"/> and waits until it has loaded and rendered.</summary>
    public static async Task<HeldCircuit> OpenAsync<TPage>(ServiceHarness.Session session, string uri, Dictionary<string, object?> parameters)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(session);
        var circuit = new HeldCircuit(session, new CircuitServices(session, uri));
        await circuit.Dispatcher.InvokeAsync(async () =>
        {
            var page = circuit.InstantiateComponent(typeof(TPage));
            await circuit.RenderRootComponentAsync(circuit.AssignRootComponentId(page), ParameterView.FromDictionary(parameters));
        });
        return circuit;
    }

    /// <summary>The frames every live component of the page holds now, in component order.</summary>
    public IReadOnlyList<RenderTreeFrame> Frames()
    {
        var frames = new List<RenderTreeFrame>();
        for (var id = 0; id < 2000; id++)
        {
            try
            {
                var tree = GetCurrentRenderTreeFrames(id);
                frames.AddRange(tree.Array.Take(tree.Count));
            }
            catch (ArgumentException)
            {
                // a component that was disposed (the loading text's title, replaced by the page's)
            }
        }

        return frames;
    }

    protected override void HandleException(Exception exception) => ExceptionDispatchInfo.Capture(exception).Throw();

    // The browser's side: nothing to send the batch to.
    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _session.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The caller's services, and the address the circuit is on.</summary>
    private sealed class CircuitServices(ServiceHarness.Session session, string uri) : IServiceProvider
    {
        private readonly HeldNavigation _navigation = new(uri);

        public object? GetService(Type serviceType) =>
            serviceType == typeof(NavigationManager) ? _navigation : session.TryGet(serviceType);
    }

    private sealed class HeldNavigation : NavigationManager
    {
        public HeldNavigation(string uri) => Initialize("http://portal.test/", new Uri(new Uri("http://portal.test/"), uri).ToString());

        protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
    }
}
