using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Tests.Load;

/// <summary>
/// One Blazor Server circuit opened the way <c>blazor.web.js</c> opens it, without a browser:
/// the page fetched with the reader's cookie, its prerendered component markers read, a SignalR
/// connection to <c>/_blazor</c> over WebSockets in the "blazorpack" protocol, <c>StartCircuit</c>,
/// the renderer's interop object taken from <c>attachWebRendererInterop</c>, the root components
/// added with <c>UpdateRootComponents</c>. Every render batch is acknowledged with
/// <c>OnRenderCompleted</c> (unacknowledged, the server stops sending), and applied to a
/// <see cref="PageTree"/> while <see cref="KeepTree"/> is set. Calls the server makes into the
/// page's script are answered as the portal's script would answer them; a navigation it asks for
/// is reported back with <c>OnLocationChanged</c>, as the browser's router does. Each batch's
/// arrival is stamped with <see cref="Stopwatch"/>, the clock the server's own timings use.
/// </summary>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly string _operations;
    private readonly string _state;
    private readonly Lock _gate = new();
    private readonly List<long> _batches = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _calls = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _interop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _interopObject;
    private long _nextCall;

    private BlazorCircuit(HubConnection connection, Uri page, string operations, string state)
    {
        _connection = connection;
        Location = page;
        _operations = operations;
        _state = state;
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnInvokeJSAsync);
        _connection.On<string, bool, string>("JS.EndInvokeDotNet", OnDotNetCallEnded);
        _connection.On<int, string>("JS.AttachComponent", (componentId, _) =>
        {
            lock (_gate)
            {
                Tree?.Attach(componentId);
            }
        });
        _connection.On<string>("JS.Error", error => Error = error);
    }

    /// <summary>The page as the batches so far have built it; null once <see cref="KeepTree"/> is cleared.</summary>
    public PageTree? Tree { get; private set; } = new();

    /// <summary>
    /// Whether batches are applied to <see cref="Tree"/>. A benchmark clears it for circuits that
    /// only watch, so that the driver's copy of the page is not counted as the server's memory;
    /// their batches are still received, stamped and acknowledged.
    /// </summary>
    public bool KeepTree
    {
        get => Tree is not null;
        set
        {
            lock (_gate)
            {
                Tree = value ? Tree ?? new PageTree() : null;
            }
        }
    }

    /// <summary>The page's address, as the browser's address bar would show it after the navigations the server asked for.</summary>
    public Uri Location { get; private set; }

    /// <summary>The circuit's error, if the server sent one (<c>JS.Error</c>).</summary>
    public string? Error { get; private set; }

    public int Batches
    {
        get
        {
            lock (_gate)
            {
                return _batches.Count;
            }
        }
    }

    /// <summary>Opens a circuit on <paramref name="path"/> as the holder of <paramref name="cookies"/>, and waits until the page is interactive (<paramref name="ready"/> holds).</summary>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, CookieContainer cookies, string path, Func<PageTree, bool> ready, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var page = new Uri(http.BaseAddress!, path);
        var html = await http.GetStringAsync(page, ct);
        var operations = RootComponentOperations(html, page);
        var state = ServerState().Match(html) is { Success: true } found ? found.Groups[1].Value : string.Empty;

        var builder = new HubConnectionBuilder().WithUrl(new Uri(http.BaseAddress!, "_blazor"), HttpTransportType.WebSockets, options => options.Cookies = cookies);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var circuit = new BlazorCircuit(builder.Build(), page, operations, state);
        try
        {
            await circuit.StartAsync(new Uri(http.BaseAddress!, "/"), ct);
            await circuit.WaitForAsync(ready, TimeSpan.FromSeconds(60), ct);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds of the page (checked after each batch).</summary>
    public async Task WaitForAsync(Func<PageTree, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (Tree is not null && condition(Tree))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{Location} did not reach the state waited for within {timeout.TotalSeconds:F0} s ({Batches} batches{(Error is null ? string.Empty : ", error: " + Error)}).");
            }
        }
    }

    /// <summary>Reads the page under the driver's lock (batches may be arriving).</summary>
    public T Read<T>(Func<PageTree, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(Tree ?? throw new InvalidOperationException("This circuit does not keep its page."));
        }
    }

    /// <summary>
    /// Dispatches a browser event to the handler <paramref name="element"/> has for it, as
    /// <c>blazor.web.js</c> does (<c>DispatchEventAsync</c> on the renderer's interop object), and
    /// returns when it was sent (a <see cref="Stopwatch"/> timestamp) and how many batches had
    /// arrived before it.
    /// </summary>
    /// <param name="fieldValue">For a change on a form field: its new value, sent as the event's field information as the browser sends it.</param>
    public Task<Sent> DispatchAsync(string elementId, string eventName, object eventArgs, string? fieldValue, CancellationToken ct) =>
        DispatchAsync(tree => tree.ById(elementId), eventName, eventArgs, fieldValue, ct);

    /// <inheritdoc cref="DispatchAsync(string, string, object, string?, CancellationToken)"/>
    public async Task<Sent> DispatchAsync(Func<PageTree, ElementNode?> find, string eventName, object eventArgs, string? fieldValue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(find);
        var (handler, componentId) = Read(tree =>
        {
            var element = find(tree) ?? throw new InvalidOperationException($"The element to {eventName} is not on {Location}.");
            return (element.Handlers.TryGetValue(eventName, out var id) ? id : throw new InvalidOperationException($"<{element.Name} id={element.Id}> has no {eventName} handler."), element.ComponentId);
        });
        var descriptor = new JsonObject
        {
            ["eventHandlerId"] = handler,
            ["eventName"] = eventName,
            ["eventFieldInfo"] = fieldValue is null ? null : new JsonObject { ["componentId"] = componentId, ["fieldValue"] = fieldValue },
        };
        var args = new JsonArray(descriptor, JsonSerializer.SerializeToNode(eventArgs));
        var callId = Interlocked.Increment(ref _nextCall).ToString(CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[callId] = done;
        var before = Batches;
        var sent = Stopwatch.GetTimestamp();
        await _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", _interopObject, args.ToJsonString(), ct);
        return new Sent(sent, before, done.Task);
    }

    /// <summary>When (a <see cref="Stopwatch"/> timestamp) the first batch after the <paramref name="index"/>th arrived (waits up to a minute).</summary>
    public async Task<long> BatchAsync(int index, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_batches.Count > index)
                {
                    return _batches[index];
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(limit.Token);
        }
    }

    /// <summary>When the first batch at or after <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) arrived (waits up to a minute).</summary>
    public async Task<long> FirstBatchAfterAsync(long since, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var index = _batches.FindIndex(t => t >= since);
                if (index >= 0)
                {
                    return _batches[index];
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(limit.Token);
        }
    }

    /// <summary>Waits until an event's call has ended and no batch has come for <paramref name="quiet"/>: the page has settled.</summary>
    public async Task SettleAsync(Sent sent, TimeSpan quiet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        await sent.Handled.WaitAsync(TimeSpan.FromSeconds(60), ct);
        var seen = -1;
        while (seen != Batches)
        {
            seen = Batches;
            await Task.Delay(quiet, ct);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private async Task StartAsync(Uri baseUri, CancellationToken ct)
    {
        await _connection.StartAsync(ct);
        var secret = await _connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), Location.ToString(), "[]", _state, ct);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"The server refused the circuit for {Location}: {Error}");
        }

        // The browser adds its root components once the renderer's interop is attached.
        _interopObject = await _interop.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        await _connection.SendAsync("UpdateRootComponents", _operations, _state, ct);
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var now = Stopwatch.GetTimestamp();
        TaskCompletionSource changed;
        lock (_gate)
        {
            Tree?.Apply(RenderBatchReader.Read(data));
            _batches.Add(now);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
        await _connection.SendAsync("OnRenderCompleted", batchId, null);
    }

    private void OnDotNetCallEnded(string callId, bool succeeded, string result)
    {
        if (_calls.TryRemove(callId, out var call))
        {
            call.SetResult(succeeded);
        }
    }

    /// <summary>Answers the server's calls into the page's script as the portal's script and Blazor's would.</summary>
    private async Task OnInvokeJSAsync(long taskId, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        var args = JsonNode.Parse(string.IsNullOrEmpty(argsJson) ? "[]" : argsJson) as JsonArray ?? [];
        JsonNode? result = identifier switch
        {
            "portal.markInteractive" => true,
            "portal.darkThemeShown" => false,
            "portal.navigationState" => new JsonObject { ["shown"] = true, ["narrow"] = false },
            _ => null,
        };
        if (taskId != 0)
        {
            await _connection.SendAsync("EndInvokeJSFromDotNet", taskId, true, new JsonArray(taskId, true, result).ToJsonString());
        }

        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            var reference = args.OfType<JsonObject>().Select(o => o["__dotNetObject"]).First(o => o is not null)!;
            _interop.TrySetResult(reference.GetValue<long>());
        }
        else if (identifier == "Blazor._internal.navigationManager.navigateTo")
        {
            Location = new Uri(Location, args[0]!.GetValue<string>());
            await _connection.SendAsync("OnLocationChanged", Location.ToString(), null, false);
        }
    }

    /// <summary>The operations <c>blazor.web.js</c> sends to add the page's prerendered server components, in their sequence.</summary>
    private static string RootComponentOperations(string html, Uri page)
    {
        var markers = Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server")
            .OrderBy(m => (int)m["sequence"]!)
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{page} has no interactive server component (signed out, or not a Blazor page?).");
        }

        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            markers[i]["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = markers[i] });
        }

        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex ServerState();

    /// <summary>An event sent: when (a <see cref="Stopwatch"/> timestamp), the batches that had arrived before it, and its call's end.</summary>
    public sealed record Sent(long At, int BatchesBefore, Task<bool> Handled);
}
