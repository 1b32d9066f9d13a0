namespace Portal.Tests.Load;

/// <summary>
/// Says where one CPU sample's processor time went, from its managed call stack (leaf first,
/// each frame a full method name such as <c>Namespace.Type.Method(args)</c>, or a module name
/// when the method did not resolve). The order, which decides a stack that crosses several
/// buckets:
/// <list type="number">
/// <item><b>sampler</b>, then <b>waits</b>, then <b>driver</b>: the sampler's own stream
/// (<see cref="CpuSampler"/>, Microsoft.Diagnostics.*) and the load driver (Portal.Tests.Load.*
/// and the SignalR client, Microsoft.AspNetCore.SignalR.Client.* and
/// Microsoft.AspNetCore.Http.Connections.Client.*). Whatever the driver's code calls (the client
/// side of WebSockets, MessagePack, its decoding of render batches) is the driver's, to be taken
/// off; the server's stacks never hold a driver frame, since the two only meet over a socket.
/// The sampler and the driver are found anywhere in the stack. <b>Waits</b>: a thread spinning
/// or about to block (a wait, a sleep or a lock
/// of System.Threading among the three deepest frames, or a thread-pool worker between work
/// items), the thread pool's most of all: it serves the server and the driver alike, and a thread
/// seen there was often not running at all.</item>
/// <item>Then the deepest frame (nearest the leaf) that belongs to a bucket:
/// <b>reads</b> (Microsoft.EntityFrameworkCore.*, Microsoft.Data.Sqlite.*, SQLitePCL.*);
/// <b>render</b> for a component's own methods by name (BuildRenderTree and the lambdas in it,
/// the lifecycle methods) whatever its namespace, and for the renderer and component base
/// (Microsoft.AspNetCore.Components.ComponentBase, .Rendering.*, .RenderTree.Renderer,
/// .Forms.*, .Routing.*, MudBlazor.*, Portal.Components.*, the baseline's Counter);
/// <b>diff</b> (Microsoft.AspNetCore.Components.RenderTree.RenderTreeDiffBuilder); <b>send</b>
/// (RenderBatchWriter, BlazorPack, the server's SignalR and HTTP connections, MessagePack,
/// WebSockets, Kestrel, sockets, pipelines: also the transport's receiving of events, which it
/// shares the code of); <b>cache</b> (the dashboard's own code that is not a component method,
/// Portal.Features.Plans.Dashboard.*, and Portal.Infrastructure.LiveUpdates.*); and <b>other</b>
/// for Blazor's circuit plumbing (the circuit host, its hub and registry, the dispatcher,
/// event callbacks), so that it does not fall through to the transport below it. A child
/// component rendered while its parent is diffed is render, not diff, because its frames are
/// deeper; the batch written after the diff is send.</item>
/// <item>Render, diff or send work done under the shared dashboard's drawing (DashboardCache,
/// DashboardPictureMarkup, DashboardPicturesBuilder, the HtmlRenderer they draw with) anywhere in
/// the stack is <b>cache</b>: it is done once for every dashboard, not per circuit. Its reads stay
/// reads.</item>
/// <item>A stack with none of these is <b>other</b>; <see cref="OtherKey"/> names where it was
/// (the deepest frame outside System.*), so that other is not a black box.</item>
/// </list>
/// </summary>
public static class SampleBuckets
{
    public const string Sampler = "sampler";
    public const string Driver = "driver";
    public const string Waits = "waits";
    public const string Reads = "reads";
    public const string Cache = "cache";
    public const string Render = "render";
    public const string Diff = "diff";
    public const string Send = "send";
    public const string Other = "other";

    /// <summary>The server's buckets, in the order they are printed.</summary>
    public static readonly IReadOnlyList<string> Server = [Reads, Cache, Render, Diff, Send, Other];

    private static readonly string[] SamplerFrames = ["Portal.Tests.Load.CpuSampler.", "Portal.Tests.Load.CpuSampler+", "Microsoft.Diagnostics."];

    private static readonly string[] WaitFrames =
    [
        "System.Threading.LowLevelSpinWaiter", "System.Threading.LowLevelLifoSemaphore", "System.Threading.LowLevelMonitor", "System.Threading.WaitHandle",
        "System.Threading.WaitSubsystem", "System.Threading.Thread.Sleep", "System.Threading.Thread.SpinWait", "System.Threading.Thread.Yield",
        "System.Threading.SpinWait", "System.Threading.Monitor", "System.Threading.Lock", "System.Threading.ManualResetEventSlim", "System.Threading.SemaphoreSlim.Wait",
    ];

    private static readonly string[] DriverFrames = ["Portal.Tests.Load.", "Microsoft.AspNetCore.SignalR.Client.", "Microsoft.AspNetCore.Http.Connections.Client."];

    private static readonly string[] SharedDrawing =
    [
        "Portal.Features.Plans.Dashboard.DashboardCache", "Portal.Features.Plans.Dashboard.DashboardPictureMarkup",
        "Portal.Features.Plans.Dashboard.DashboardPicturesBuilder", "Microsoft.AspNetCore.Components.HtmlRendering.",
        "Microsoft.AspNetCore.Components.Web.HtmlRenderer",
    ];

    private static readonly string[] ComponentMethods =
    [
        ".BuildRenderTree", "<BuildRenderTree>", ".OnInitialized", ".OnParametersSet", ".SetParametersAsync", ".OnAfterRender", ".ShouldRender",
    ];

    private static readonly (string Bucket, string[] Prefixes)[] Frames =
    [
        (Reads, ["Microsoft.EntityFrameworkCore.", "Microsoft.Data.Sqlite.", "SQLitePCL."]),
        (Diff, ["Microsoft.AspNetCore.Components.RenderTree.RenderTreeDiffBuilder"]),
        (Send, [
            "Microsoft.AspNetCore.Components.Server.Circuits.RenderBatchWriter", "Microsoft.AspNetCore.Components.Server.BlazorPack.",
            "Microsoft.AspNetCore.SignalR.", "Microsoft.AspNetCore.Http.Connections.", "MessagePack.", "System.Net.WebSockets.",
            "Microsoft.AspNetCore.WebSockets.", "Microsoft.AspNetCore.Server.Kestrel.", "System.Net.Sockets.", "System.IO.Pipelines.", "Interop+Sys.Send",
        ]),
        (Render, ["Microsoft.AspNetCore.Components.Server.Circuits.RemoteRenderer"]),
        (Other, [
            "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost", "Microsoft.AspNetCore.Components.Server.ComponentHub",
            "Microsoft.AspNetCore.Components.Server.Circuits.CircuitRegistry", "Microsoft.AspNetCore.Components.Dispatcher",
            "Microsoft.AspNetCore.Components.EventCallback", "Microsoft.AspNetCore.Components.Rendering.RendererSynchronizationContext",
        ]),
        (Render, [
            "Microsoft.AspNetCore.Components.ComponentBase", "Microsoft.AspNetCore.Components.Rendering.", "Microsoft.AspNetCore.Components.RenderTree.Renderer",
            "Microsoft.AspNetCore.Components.Forms.", "Microsoft.AspNetCore.Components.Routing.", "MudBlazor.", "Portal.Components.", "Portal.Tests.Benchmarks.Baseline.",
        ]),
        (Cache, ["Portal.Features.Plans.Dashboard.", "Portal.Infrastructure.LiveUpdates."]),
    ];

    /// <summary>The bucket of a stack of frames, leaf first.</summary>
    public static string Classify(IReadOnlyList<string> frames)
    {
        if (frames.Any(f => StartsWithAny(f, SamplerFrames)))
        {
            return Sampler;
        }

        if (frames.Take(3).Any(f => StartsWithAny(f, WaitFrames)) || (frames.Count > 0 && frames[0].StartsWith("System.Threading.PortableThreadPool+WorkerThread", StringComparison.Ordinal)))
        {
            return Waits;
        }

        if (frames.Any(f => StartsWithAny(f, DriverFrames)))
        {
            return Driver;
        }

        var found = Other;
        foreach (var frame in frames)
        {
            var bucket = OfFrame(frame);
            if (bucket is not null)
            {
                found = bucket;
                break;
            }
        }

        return found is Render or Diff or Send && frames.Any(f => StartsWithAny(f, SharedDrawing)) ? Cache : found;
    }

    /// <summary>Where a stack in <see cref="Other"/> was: the type of its deepest frame outside System.*, or if all are, the leaf's method.</summary>
    public static string OtherKey(IReadOnlyList<string> frames)
    {
        var outside = frames.FirstOrDefault(f => !f.StartsWith("System.", StringComparison.Ordinal) && !f.StartsWith("Interop", StringComparison.Ordinal));
        var frame = outside ?? frames.FirstOrDefault() ?? "(no managed frame)";
        var call = frame.IndexOf('(', StringComparison.Ordinal);
        var name = call < 0 ? frame : frame[..call];
        var dot = name.LastIndexOf('.');
        return outside is null || dot <= 0 ? name : name[..dot];
    }

    /// <summary>
    /// Whether a sample taken while its thread was outside managed code (a wait, the JIT, a
    /// native call) is processor time: only when the native code is known work, SQLite's engine
    /// or a socket send, called from the few deepest frames.
    /// </summary>
    public static bool NativeWork(IReadOnlyList<string> frames) =>
        frames.Take(3).Any(f => f.StartsWith("SQLitePCL.", StringComparison.Ordinal) || f.StartsWith("Interop+Sys.Send", StringComparison.Ordinal));

    private static string? OfFrame(string frame)
    {
        if (ComponentMethods.Any(m => frame.Contains(m, StringComparison.Ordinal)) && !frame.StartsWith("System.", StringComparison.Ordinal))
        {
            return Render;
        }

        foreach (var (bucket, prefixes) in Frames)
        {
            if (StartsWithAny(frame, prefixes))
            {
                return bucket;
            }
        }

        return null;
    }

    private static bool StartsWithAny(string frame, string[] prefixes) => prefixes.Any(p => frame.StartsWith(p, StringComparison.Ordinal));
}
