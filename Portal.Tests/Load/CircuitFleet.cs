using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

namespace Portal.Tests.Load;

/// <summary>
/// N driver circuits on one page of one host, grown in steps: at each step it measures the
/// server memory per circuit (the managed heap after a full, compacting collection, and the
/// working set, less what the process held before the first circuit) and times an interaction
/// made by one circuit in ten at once. Every tenth circuit keeps its page to interact with; the
/// others only receive, stamp and acknowledge their batches, so that the driver's copies of the
/// page are not counted as the server's (what the kept ones hold is measured at the end and taken
/// off: see <see cref="TreeBytesAsync"/>).
/// </summary>
public sealed class CircuitFleet(HttpClient http, CookieContainer cookies, string path, Func<PageTree, bool> ready, CircuitFleet.Interaction interact) : IAsyncDisposable
{
    /// <summary>One interaction: the <paramref name="step"/>th by this circuit; returns the event sent.</summary>
    public delegate Task<BlazorCircuit.Sent> Interaction(BlazorCircuit circuit, int step, CancellationToken ct);

    private const int InteractionsEach = 4; // even: a filter ends where it began
    private const int SampledInteractions = 800;
    private const int SampledPassesAtMost = 8;
    private (long Heap, long WorkingSet) _before;

    public List<BlazorCircuit> Circuits { get; } = [];

    /// <summary>
    /// The first circuit, opened by <see cref="WarmAsync"/> and not counted: what the first
    /// circuit sets up once (caches, compiled queries, the shared dashboard) is not per circuit.
    /// </summary>
    public BlazorCircuit? Warm { get; private set; }

    public async Task WarmAsync(CancellationToken ct)
    {
        Warm = await BlazorCircuit.OpenAsync(http, cookies, path, ready, ct);
        await Task.Delay(500, ct);
        _before = MemoryNow();
    }

    /// <summary>Opens circuits until there are <paramref name="n"/>, ten at a time, and measures.</summary>
    public async Task<Level> GrowAsync(int n, CancellationToken ct)
    {
        if (Warm is null)
        {
            await WarmAsync(ct);
        }

        var watch = Stopwatch.StartNew();
        while (Circuits.Count < n)
        {
            var first = Circuits.Count;
            var opened = await Task.WhenAll(Enumerable.Range(first, Math.Min(10, n - first)).Select(async i =>
            {
                var circuit = await BlazorCircuit.OpenAsync(http, cookies, path, ready, ct);
                circuit.KeepTree = i % 10 == 0;
                return circuit;
            }));
            Circuits.AddRange(opened);
        }

        var opening = watch.Elapsed;
        await Task.Delay(500, ct);
        var (heap, workingSet) = MemoryNow();
        var kept = Circuits.Count(c => c.KeepTree);

        // What the process spends with nothing asked of it (keep-alive pings, timers), taken off below.
        await Task.Delay(1000, ct);
        var idle = Process.GetCurrentProcess().TotalProcessorTime;
        var idleWatch = Stopwatch.StartNew();
        await Task.Delay(2000, ct);
        var idleRate = (Process.GetCurrentProcess().TotalProcessorTime - idle).TotalMilliseconds / idleWatch.Elapsed.TotalMilliseconds;

        using var handled = new EventsHandled();
        using var spent = new ServerTime();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var busy = Stopwatch.StartNew();
        var times = await InteractAsync(ct);
        var cpuMs = ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds - (idleRate * busy.Elapsed.TotalMilliseconds)) / times.Count;
        var inHandler = handled.Durations();
        var whereItGoes = spent.PerOperation(times.Count);

        // Where the time goes, from the process's own call stacks, in a second pass of the same
        // interactions (the sampler's cost stays out of the figures above), repeated until it
        // holds enough of them for the buckets to rest on; the idle process's rate taken off.
        await using var sampler = await CpuSampler.StartAsync(ct);
        await sampler.IdleAsync(TimeSpan.FromSeconds(2), ct);
        var sampled = 0;
        for (var pass = 0; pass < SampledPassesAtMost && sampled < SampledInteractions; pass++)
        {
            sampled += (await sampler.MeasureAsync(() => InteractAsync(ct))).Count;
        }

        var breakdown = await sampler.StopAsync();
        return new Level(n, heap - _before.Heap, workingSet - _before.WorkingSet, kept, times, cpuMs, inHandler, opening, whereItGoes, breakdown, sampled);
    }

    /// <summary>Every kept circuit makes its interactions, all at once; each timed from the event sent to its result batch.</summary>
    private async Task<IReadOnlyList<double>> InteractAsync(CancellationToken ct)
    {
        var times = new ConcurrentBag<double>();
        await Task.WhenAll(Circuits.Where(c => c.KeepTree).Select(async circuit =>
        {
            for (var step = 0; step < InteractionsEach; step++)
            {
                var sent = await interact(circuit, step, ct);
                var batch = await circuit.BatchAsync(sent.BatchesBefore, ct);
                times.Add(Stopwatch.GetElapsedTime(sent.At, batch).TotalMilliseconds);
                await circuit.SettleAsync(sent, TimeSpan.FromMilliseconds(150), ct);
            }
        }));
        return [.. times];
    }

    /// <summary>What the driver's kept pages take of the heap, each: measured by letting them go.</summary>
    public async Task<double> TreeBytesAsync(CancellationToken ct)
    {
        await Task.Delay(200, ct);
        var kept = Circuits.Where(c => c.KeepTree).ToList();
        var (with, _) = MemoryNow();
        foreach (var circuit in kept)
        {
            circuit.KeepTree = false;
        }

        var (without, _) = MemoryNow();
        return kept.Count == 0 ? 0 : Math.Max(0, with - without) / (double)kept.Count;
    }

    /// <summary>
    /// What a connection costs apart from its circuit, each: the driver's end (its SignalR client
    /// and WebSocket) and the server's (the hub connection, the socket and their buffers). Up to 90
    /// circuits that only watch are closed from the driver's end; the server keeps their circuits,
    /// disconnected (it keeps up to <c>DisconnectedCircuitMaxRetained</c>, 100 by default), so
    /// what the heap gives back is the connections'.
    /// </summary>
    public async Task<double> ConnectionBytesAsync(CancellationToken ct)
    {
        var closing = Circuits.Where(c => !c.KeepTree).Take(90).ToList();
        var (before, _) = MemoryNow();
        foreach (var circuit in closing)
        {
            await circuit.DisposeAsync();
            Circuits.Remove(circuit);
        }

        await Task.Delay(1000, ct);
        var (after, _) = MemoryNow();
        return closing.Count == 0 ? 0 : Math.Max(0, before - after) / (double)closing.Count;
    }

    public async ValueTask DisposeAsync()
    {
        if (Warm is not null)
        {
            await Warm.DisposeAsync();
        }

        foreach (var chunk in Circuits.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    public static (long Heap, long WorkingSet) MemoryNow()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }

    /// <summary>
    /// One step's figures: memory (bytes, all circuits), latencies (ms), processor time per
    /// interaction (ms, this process: the server and the driver), and where it goes, sampled in a
    /// second pass of <paramref name="SampledInteractions"/> interactions.
    /// </summary>
    public sealed record Level(int N, long Heap, long WorkingSet, int KeptTrees, IReadOnlyList<double> Interactions, double CpuMsPerInteraction, IReadOnlyList<double> InHandler, TimeSpan Opening, string WhereItGoes, CpuProfile Breakdown, int SampledInteractions)
    {
        /// <summary>Heap per circuit (KB), the driver's kept pages taken off.</summary>
        public double HeapKb(double treeBytes) => (Heap - (KeptTrees * treeBytes)) / 1024.0 / N;

        public double WorkingSetKb(double treeBytes) => (WorkingSet - (KeptTrees * treeBytes)) / 1024.0 / N;
    }

    /// <summary>
    /// Where the server's time goes, from its own meters: each duration instrument of ASP.NET
    /// Core's components, SignalR and EF Core (event handling, parameters, render and diff, the
    /// database commands), summed while it listens.
    /// </summary>
    public sealed class ServerTime : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, double> _seconds = new();

        public ServerTime()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Unit == "s" && (instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
                    || instrument.Meter.Name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                    || instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal)))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _seconds.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
            _listener.Start();
        }

        /// <summary>Each instrument's total over <paramref name="operations"/>, in milliseconds each, largest first.</summary>
        public string PerOperation(int operations) =>
            _seconds.IsEmpty ? "no duration meters seen" : string.Join("; ", _seconds.OrderByDescending(p => p.Value)
                .Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key} {p.Value * 1000 / Math.Max(1, operations):F3} ms")));

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>
    /// Blazor's own <c>HandleEvent</c> activity for each event (the handler's task, with the reads
    /// and the renders it asks for as it runs): the server's share of an interaction.
    /// </summary>
    private sealed class EventsHandled : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<double> _durations = new();

        public EventsHandled()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    if (activity.OperationName == "Microsoft.AspNetCore.Components.HandleEvent")
                    {
                        _durations.Enqueue(activity.Duration.TotalMilliseconds);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<double> Durations() => [.. _durations];

        public void Dispose() => _listener.Dispose();
    }
}
