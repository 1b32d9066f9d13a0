using System.Globalization;

namespace Portal.Tests.Load;

/// <summary>
/// What <see cref="CpuSampler"/> found in its windows: samples per bucket as taken, and weighed
/// by their share of the cores in their round (<see cref="Cpu"/>, in samples), where the other
/// bucket's were, the sampling interval, and beside them the process's own clock (its processor
/// time and the garbage collector's pauses in the same windows). When an idle window was sampled
/// too (the process with nothing asked of it: keep-alives, timers), its rate is taken off each
/// bucket.
/// </summary>
public sealed record CpuProfile(
    IReadOnlyDictionary<string, int> Samples,
    IReadOnlyDictionary<string, double> Cpu,
    IReadOnlyDictionary<string, int> OtherWhere,
    double IntervalMs,
    double WindowMs,
    int Rounds,
    double ProcessCpuMs,
    double GcPauseMs,
    double NamedFrames,
    IReadOnlyDictionary<string, double> IdleCpu,
    double IdleWindowMs,
    double IdleIntervalMs)
{
    /// <summary>Below this many samples a bucket's figure is said to be too few to go by.</summary>
    public const int TooFew = 20;

    /// <summary>The samples in <paramref name="bucket"/>, as taken.</summary>
    public int Count(string bucket) => Samples.GetValueOrDefault(bucket);

    /// <summary>Every sample counted as processor time, the driver's and the waiting threads' included, as taken.</summary>
    public int CountedSamples => Samples.Values.Sum();

    public int ServerSamples => SampleBuckets.Server.Sum(Count);

    /// <summary>Milliseconds of processor time in <paramref name="bucket"/> in all the windows, less the idle window's rate over their length.</summary>
    public double TotalMs(string bucket) =>
        Math.Max(0, (Cpu.GetValueOrDefault(bucket) * IntervalMs) - (IdleWindowMs <= 0 ? 0 : IdleCpu.GetValueOrDefault(bucket) * IdleIntervalMs * WindowMs / IdleWindowMs));

    /// <summary>Milliseconds of processor time in <paramref name="bucket"/>, each of <paramref name="operations"/>.</summary>
    public double Ms(string bucket, int operations) => TotalMs(bucket) / Math.Max(1, operations);

    /// <summary>The server's milliseconds (its buckets, without the driver, the waits or the sampler), each of <paramref name="operations"/>.</summary>
    public double ServerMs(int operations) => SampleBuckets.Server.Sum(b => Ms(b, operations));

    /// <summary>One sentence: the server's sampled time per operation, bucket by bucket, then the driver's, the collector's and the process's clock.</summary>
    public string Describe(int operations, string each)
    {
        var server = ServerMs(operations);
        var buckets = SampleBuckets.Server.Select(b => Bucket(b, operations, server));
        var where = OtherWhere.OrderByDescending(p => p.Value).Take(4)
            .Select(p => F($"{p.Key} {p.Value * 100.0 / Math.Max(1, Count(SampleBuckets.Other)):F0}%"));
        var idle = IdleWindowMs <= 0 ? "no idle rate taken off" : F($"the idle process's rate taken off ({IdleCpu.Values.Sum() * IdleIntervalMs:F0} ms in {IdleWindowMs:F0} ms idle)");
        return F($"{Ms2(server)} ms of the server's processor time {each} ({ServerSamples} samples over {operations}): ")
            + string.Join(", ", buckets)
            + F($" [other was mostly in: {string.Join(", ", where)}]; taken off: the driver's own {Ms2(Ms(SampleBuckets.Driver, operations))} ms ({Count(SampleBuckets.Driver)} samples),")
            + F($" threads spinning or about to wait {Ms2(Ms(SampleBuckets.Waits, operations))} ms ({Count(SampleBuckets.Waits)}), the sampler's stream {Ms2(Ms(SampleBuckets.Sampler, operations))} ms;")
            + F($" garbage collection paused the process {Ms2(GcPauseMs / Math.Max(1, operations))} ms (not sampled); the process's own clock gave {Ms2(ProcessCpuMs / Math.Max(1, operations))} ms (with the sampler's own cost, the JIT and the collector);")
            + F($" {CountedSamples} samples each weighed by its share of the {Environment.ProcessorCount} cores in its round, a round every {IntervalMs:F2} ms ({Rounds} in {WindowMs:F0} ms), {idle}, {NamedFrames * 100:F0}% of frames named");
    }

    private string Bucket(string bucket, int operations, double server)
    {
        var n = Count(bucket);
        return n < TooFew
            ? F($"{bucket} {n} samples (too few to say, about {Ms2(Ms(bucket, operations))} ms)")
            : F($"{bucket} {Ms2(Ms(bucket, operations))} ms ({Ms(bucket, operations) * 100 / Math.Max(1e-9, server):F0}%, {n})");
    }

    private static string Ms2(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
