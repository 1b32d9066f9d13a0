using System.Globalization;

namespace Portal.Tests.Load;

/// <summary>
/// What <see cref="CpuSampler"/> found in its windows: processor-time samples per bucket, where
/// the other bucket's were, the sampling interval, and beside them the process's own clock (its
/// processor time and the garbage collector's pauses in the same windows) to compare against.
/// When an idle window was sampled too (the process with nothing asked of it: keep-alives,
/// timers), its samples' rate is taken off each bucket, and its processor time per sampling round
/// (the sampler's own cost, mostly: the runtime stopped and every thread's stack walked each
/// round, in native code that no sample sees) times the rounds is taken off the clock.
/// </summary>
public sealed record CpuProfile(
    IReadOnlyDictionary<string, int> Samples,
    IReadOnlyDictionary<string, int> OtherWhere,
    double IntervalMs,
    double WindowMs,
    int Rounds,
    double ProcessCpuMs,
    double GcPauseMs,
    double NamedFrames,
    IReadOnlyDictionary<string, int> IdleSamples,
    double IdleWindowMs,
    double IdleProcessCpuMs,
    int IdleRounds)
{
    /// <summary>Below this many samples a bucket's figure is said to be too few to go by.</summary>
    public const int TooFew = 20;

    private static readonly string[] AllBuckets = [.. SampleBuckets.Server, SampleBuckets.Driver, SampleBuckets.Waits, SampleBuckets.Sampler];

    /// <summary>The samples in <paramref name="bucket"/>, as taken.</summary>
    public int Count(string bucket) => Samples.GetValueOrDefault(bucket);

    /// <summary>Every sample counted as processor time, the driver's and the waiting threads' included, as taken.</summary>
    public int CountedSamples => Samples.Values.Sum();

    /// <summary>The samples in <paramref name="bucket"/> less the idle window's rate over the windows' length.</summary>
    public double Net(string bucket) => Math.Max(0, Count(bucket) - (IdleSamples.GetValueOrDefault(bucket) * IdleShare));

    public double ServerSamples => SampleBuckets.Server.Sum(Net);

    /// <summary>What a sampling round costs the idle process: the sampler's own cost, mostly.</summary>
    public double RoundMs => IdleRounds <= 0 ? 0 : IdleProcessCpuMs / IdleRounds;

    /// <summary>The process's processor time in the windows, less <see cref="RoundMs"/> for each round in them.</summary>
    public double NetProcessCpuMs => Math.Max(0, ProcessCpuMs - (Rounds * RoundMs));

    /// <summary>What one sample stands for: the process's processor time over the samples counted, both less the idle rate (see <see cref="CpuSampler"/>).</summary>
    public double SampleMs
    {
        get
        {
            var counted = AllBuckets.Sum(Net);
            return counted <= 0 ? 0 : NetProcessCpuMs / counted;
        }
    }

    private double IdleShare => IdleWindowMs <= 0 ? 0 : WindowMs / IdleWindowMs;

    /// <summary>Milliseconds of processor time in <paramref name="bucket"/>, each of <paramref name="operations"/>.</summary>
    public double Ms(string bucket, int operations) => Net(bucket) * SampleMs / Math.Max(1, operations);

    /// <summary>The server's milliseconds (its buckets, without the driver, the waits or the sampler), each of <paramref name="operations"/>.</summary>
    public double ServerMs(int operations) => ServerSamples * SampleMs / Math.Max(1, operations);

    /// <summary>One sentence: the server's sampled time per operation, bucket by bucket, then the driver's, the collector's and the process's clock.</summary>
    public string Describe(int operations, string each)
    {
        var server = ServerSamples;
        var buckets = SampleBuckets.Server.Select(b => Bucket(b, operations, server));
        var where = OtherWhere.OrderByDescending(p => p.Value).Take(4)
            .Select(p => F($"{p.Key} {p.Value * 100.0 / Math.Max(1, Count(SampleBuckets.Other)):F0}%"));
        var idle = IdleWindowMs <= 0 ? "no idle rate taken off" : F($"the idle process's taken off ({IdleSamples.Values.Sum()} samples in {IdleWindowMs:F0} ms idle, and its processor time, {RoundMs:F3} ms a sampling round, {Ms2(Rounds * RoundMs / Math.Max(1, operations))} ms {each})");
        return F($"{Ms2(ServerMs(operations))} ms of the server's processor time {each} ({server:F0} samples net over {operations}): ")
            + string.Join(", ", buckets)
            + F($" [other was mostly in: {string.Join(", ", where)}]; taken off: the driver's own {Ms2(Ms(SampleBuckets.Driver, operations))} ms ({Net(SampleBuckets.Driver):F0} samples),")
            + F($" threads spinning or about to wait {Ms2(Ms(SampleBuckets.Waits, operations))} ms ({Net(SampleBuckets.Waits):F0}), the sampler's stream {Ms2(Ms(SampleBuckets.Sampler, operations))} ms;")
            + F($" garbage collection paused the process {Ms2(GcPauseMs / Math.Max(1, operations))} ms (its threads are not sampled; their time is in the clock the samples share);")
            + F($" the process's clock {Ms2(NetProcessCpuMs / Math.Max(1, operations))} ms in all ({Ms2(ProcessCpuMs / Math.Max(1, operations))} before the idle's) over {CountedSamples} samples, {idle}, a round of samples every {IntervalMs:F2} ms ({Rounds} in {WindowMs:F0} ms), {NamedFrames * 100:F0}% of frames named");
    }

    private string Bucket(string bucket, int operations, double server)
    {
        var n = Net(bucket);
        return n < TooFew
            ? F($"{bucket} {n:F0} samples (too few to say, about {Ms2(Ms(bucket, operations))} ms)")
            : F($"{bucket} {Ms2(Ms(bucket, operations))} ms ({n * 100.0 / Math.Max(1, server):F0}%, {n:F0})");
    }

    private static string Ms2(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
