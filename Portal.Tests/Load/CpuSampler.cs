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
/// that waits, or is in the JIT or the garbage collector, is not. The profiler sees a thread as
/// running when it is only ready to run, so a round's samples share the machine's cores: each
/// stands for one sampling interval (the windows' length over the rounds in them) times its share,
/// at most one. The collector's own threads run no managed code and are not sampled: what the
/// windows spent paused for it is taken from <see cref="GC.GetTotalPauseDuration"/> instead, and
/// the process's own processor-time clock is given beside the samples (it also holds the
/// sampler's cost: the runtime stopped and every thread's stack walked each round, in native
/// code). One session of this class runs at a time in the process (a second waits): sessions are
/// costly and their samples would mix.
/// </remarks>
public sealed class CpuSampler : IAsyncDisposable
{
    private static readonly SemaphoreSlim One = new(1, 1);
    private readonly DirectoryInfo _folder;
    private readonly EventPipeSession _session;
    private readonly Task _copying;
    private readonly List<(long From, long To, bool Idle)> _windows = [];
    private double _processCpuMs;
    private double _gcPauseMs;
    private int _disposed;
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
            FileStream file;
            try
            {
                file = File.Create(Path.Combine(folder.FullName, "samples.nettrace"));
            }
            catch
            {
                // No file to stream to: stop sampling rather than leave the session running for the life of the process.
                await session.StopAsync(CancellationToken.None);
                session.Dispose();
                throw;
            }

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

    /// <summary>Samples the process for <paramref name="time"/> with nothing asked of it: a rate taken off the other windows' samples.</summary>
    public async Task IdleAsync(TimeSpan time, CancellationToken ct)
    {
        var from = Stopwatch.GetTimestamp();
        await Task.Delay(time, ct);
        _windows.Add((from, Stopwatch.GetTimestamp(), true));
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
        // Once: a second dispose must not let a second sampler in beside another's session.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

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
        var taken = new List<(long At, bool Idle, string? Bucket)>();
        var other = new Dictionary<string, int>();
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

                var counts = data.Type == ClrThreadSampleType.Managed || stack.NativeWork;
                taken.Add((at, idle, counts ? stack.Bucket : null));
                if (counts && !idle && stack.Bucket == SampleBuckets.Other)
                {
                    other[stack.OtherKey] = other.GetValueOrDefault(stack.OtherKey) + 1;
                }
            };
            source.Process();
        }

        var (samples, cpu, rounds) = Weigh(taken.Where(t => !t.Idle));
        var (_, idleCpu, idleRounds) = Weigh(taken.Where(t => t.Idle));
        var windowMs = _windows.Where(w => !w.Idle).Sum(w => Stopwatch.GetElapsedTime(w.From, w.To).TotalMilliseconds);
        var idleMs = _windows.Where(w => w.Idle).Sum(w => Stopwatch.GetElapsedTime(w.From, w.To).TotalMilliseconds);
        return new CpuProfile(samples, cpu, other, rounds == 0 ? 1 : windowMs / rounds, windowMs, rounds, _processCpuMs, _gcPauseMs, frames == 0 ? 0 : resolved / (double)frames,
            idleCpu, idleMs, idleRounds == 0 ? 1 : idleMs / idleRounds);
    }

    /// <summary>
    /// Groups the samples into the profiler's rounds (all threads at one moment: a gap of more
    /// than a quarter of a millisecond starts the next) and weighs each sample counted by its
    /// share of the machine's cores in its round: a thread that was only ready to run looks
    /// running to the profiler, but no more threads than cores run at once.
    /// </summary>
    private static (Dictionary<string, int> Samples, Dictionary<string, double> Cpu, int Rounds) Weigh(IEnumerable<(long At, bool Idle, string? Bucket)> taken)
    {
        var samples = new Dictionary<string, int>();
        var cpu = new Dictionary<string, double>();
        var rounds = new List<List<string>>();
        var gap = Stopwatch.Frequency / 4000;
        long? last = null;
        foreach (var (at, _, bucket) in taken.OrderBy(t => t.At))
        {
            if (last is null || at - last > gap)
            {
                rounds.Add([]);
            }

            last = at;
            if (bucket is not null)
            {
                rounds[^1].Add(bucket);
            }
        }

        foreach (var round in rounds)
        {
            foreach (var bucket in round)
            {
                samples[bucket] = samples.GetValueOrDefault(bucket) + 1;
                cpu[bucket] = cpu.GetValueOrDefault(bucket) + Math.Min(1.0, Environment.ProcessorCount / (double)round.Count);
            }
        }

        return (samples, cpu, rounds.Count);
    }
}
