using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Portal.Tests.Load;

/// <summary>
/// Samples this process's own managed call stacks while it runs (an EventPipe session on itself:
/// the runtime's sample profiler, every managed thread about every millisecond, and the JIT and
/// loader events plus the rundown at the end that name the methods), keeps the samples taken
/// inside the windows marked with <see cref="MeasureAsync"/> (less the rate of an idle window,
/// <see cref="IdleAsync"/>, when there is one: see <see cref="CpuProfile"/>), and sorts them into
/// <see cref="SampleBuckets"/>. The stream goes to a .nettrace file in a temporary folder, read
/// back with TraceEvent's <c>TraceLog</c> once the session has stopped and deleted with its folder.
/// </summary>
/// <remarks>
/// A sample counts as processor time when its thread was running managed code, or was in known
/// native work (SQLite's engine, a socket send: <see cref="SampleBuckets.NativeWork"/>); a thread
/// that waits, or is in the JIT or the garbage collector, is not. The collector's own threads run
/// no managed code and are not sampled: what the windows spent paused for it is taken from
/// <see cref="GC.GetTotalPauseDuration"/> instead. The profiler sees a thread as running when it
/// is only ready to run, so on a busy machine samples times the interval would overstate the
/// time: a sample's weight is instead the process's processor time in the windows (its own clock)
/// over the samples counted, and the interval (the windows' length over the rounds the profiler
/// made in them) is reported beside it. One session of this
/// class runs at a time in the process (a second waits): sessions are costly and their samples
/// would mix.
/// </remarks>
public sealed class CpuSampler : IAsyncDisposable
{
    private static readonly SemaphoreSlim One = new(1, 1);
    private readonly DirectoryInfo _folder;
    private readonly EventPipeSession _session;
    private readonly Task _copying;
    private readonly List<(long From, long To, bool Idle)> _windows = [];
    private double _processCpuMs;
    private double _idleProcessCpuMs;
    private double _gcPauseMs;
    private bool _stopped;

    private CpuSampler(DirectoryInfo folder, EventPipeSession session, Task copying)
    {
        _folder = folder;
        _session = session;
        _copying = copying;
    }

    public string TracePath => Path.Combine(_folder.FullName, "samples.nettrace");

    /// <summary>Opens the session (waiting for one of another caller to close first).</summary>
    public static async Task<CpuSampler> StartAsync(CancellationToken ct)
    {
        await One.WaitAsync(ct);
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("portal-cpu-");
            var providers = new[]
            {
                new EventPipeProvider(SampleProfilerTraceEventParser.ProviderName, EventLevel.Informational),
                new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational,
                    (long)(ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.NGen)),
            };
            var session = await new DiagnosticsClient(Environment.ProcessId).StartEventPipeSessionAsync(providers, requestRundown: true, circularBufferMB: 256, ct);
            var file = File.Create(Path.Combine(folder.FullName, "samples.nettrace"));
            var copying = Task.Run(async () =>
            {
                await using (file)
                {
                    await session.EventStream.CopyToAsync(file, CancellationToken.None);
                }
            }, CancellationToken.None);
            return new CpuSampler(folder, session, copying);
        }
        catch
        {
            folder?.Delete(recursive: true);
            One.Release();
            throw;
        }
    }

    /// <summary>Samples the process for <paramref name="time"/> with nothing asked of it: a rate taken off the other windows' samples and processor time.</summary>
    public async Task IdleAsync(TimeSpan time, CancellationToken ct)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var from = Stopwatch.GetTimestamp();
        await Task.Delay(time, ct);
        _windows.Add((from, Stopwatch.GetTimestamp(), true));
        _idleProcessCpuMs += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    }

    /// <summary>Runs <paramref name="work"/> inside a window whose samples count.</summary>
    public async Task<T> MeasureAsync<T>(Func<Task<T>> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gc = GC.GetTotalPauseDuration();
        var from = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            _windows.Add((from, Stopwatch.GetTimestamp(), false));
            _processCpuMs += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            _gcPauseMs += (GC.GetTotalPauseDuration() - gc).TotalMilliseconds;
        }
    }

    /// <summary>Stops the session and sorts the windows' samples.</summary>
    public async Task<CpuProfile> StopAsync()
    {
        await StopSessionAsync();
        return await Task.Run(Read);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopSessionAsync();
        }
        finally
        {
            try
            {
                _folder.Delete(recursive: true);
            }
            finally
            {
                One.Release();
            }
        }
    }

    private async Task StopSessionAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        try
        {
            await Task.Run(_session.Stop);
            await _copying.WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            _session.Dispose();
        }
    }

    private CpuProfile Read()
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(TracePath, Path.Combine(_folder.FullName, "samples.etlx"));
        var samples = new Dictionary<string, int>();
        var idleSamples = new Dictionary<string, int>();
        var other = new Dictionary<string, int>();
        var perThread = new Dictionary<int, int>();
        var idlePerThread = new Dictionary<int, int>();
        var stacks = new Dictionary<CallStackIndex, (string Bucket, string OtherKey, bool NativeWork)>();
        int frames = 0, resolved = 0;
        using (var log = new TraceLog(etlx))
        {
            var source = log.Events.GetSource();
            var windows = _windows.OrderBy(w => w.From).ToArray();
            new SampleProfilerTraceEventParser(source).ThreadSample += data =>
            {
                // The trace's clock is the one Stopwatch reads (QueryPerformanceCounter, or CLOCK_MONOTONIC on Linux).
#pragma warning disable CS0618 // "discouraged", not obsolete: the relative time would need the session's start on the Stopwatch's clock
                var at = data.TimeStampQPC;
#pragma warning restore CS0618
                var window = Array.FindIndex(windows, w => at >= w.From && at <= w.To);
                if (window < 0)
                {
                    return;
                }

                var idle = windows[window].Idle;
                var threads = idle ? idlePerThread : perThread;
                threads[data.ThreadID] = threads.GetValueOrDefault(data.ThreadID) + 1;

                var index = data.CallStackIndex();
                if (!stacks.TryGetValue(index, out var stack))
                {
                    var names = new List<string>();
                    for (var frame = data.CallStack(); frame is not null; frame = frame.Caller)
                    {
                        var method = frame.CodeAddress.FullMethodName;
                        names.Add(string.IsNullOrEmpty(method) ? frame.CodeAddress.ModuleName + "!?" : method);
                        frames++;
                        resolved += string.IsNullOrEmpty(method) ? 0 : 1;
                    }

                    stack = (SampleBuckets.Classify(names), SampleBuckets.OtherKey(names), SampleBuckets.NativeWork(names));
                    stacks[index] = stack;
                }

                if (data.Type != ClrThreadSampleType.Managed && !stack.NativeWork)
                {
                    return;
                }

                var into = idle ? idleSamples : samples;
                into[stack.Bucket] = into.GetValueOrDefault(stack.Bucket) + 1;
                if (!idle && stack.Bucket == SampleBuckets.Other)
                {
                    other[stack.OtherKey] = other.GetValueOrDefault(stack.OtherKey) + 1;
                }
            };
            source.Process();
        }

        var windowMs = _windows.Where(w => !w.Idle).Sum(w => Stopwatch.GetElapsedTime(w.From, w.To).TotalMilliseconds);
        var idleMs = _windows.Where(w => w.Idle).Sum(w => Stopwatch.GetElapsedTime(w.From, w.To).TotalMilliseconds);
        var rounds = perThread.Count == 0 ? 0 : perThread.Values.Max();
        return new CpuProfile(samples, other, rounds == 0 ? 1 : windowMs / rounds, windowMs, rounds, _processCpuMs, _gcPauseMs, frames == 0 ? 0 : resolved / (double)frames,
            idleSamples, idleMs, _idleProcessCpuMs, idlePerThread.Count == 0 ? 0 : idlePerThread.Values.Max());
    }
}
