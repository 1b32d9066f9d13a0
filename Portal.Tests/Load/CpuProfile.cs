using System.Globalization;

namespace Portal.Tests.Load;

/// <summary>
/// What <see cref="CpuSampler"/> found in its windows: processor-time samples per bucket, where
/// the other bucket's were, the sampling interval, and beside them the process's own clock (its
/// processor time and the garbage collector's pauses in the same windows) to compare against.
/// </summary>
public sealed record CpuProfile(
    IReadOnlyDictionary<string, int> Samples,
    IReadOnlyDictionary<string, int> OtherWhere,
    double IntervalMs,
    double WindowMs,
    int Rounds,
    int AllSamples,
    double ProcessCpuMs,
    double GcPauseMs,
    double NamedFrames)
{
    /// <summary>Below this many samples a bucket's figure is said to be too few to go by.</summary>
    public const int TooFew = 20;

    public int Count(string bucket) => Samples.GetValueOrDefault(bucket);

    public int ServerSamples => SampleBuckets.Server.Sum(Count);

    /// <summary>Every sample counted as processor time, the driver's and the waiting threads' included.</summary>
    public int CountedSamples => Samples.Values.Sum();

    /// <summary>What one sample stands for: the process's processor time in the windows over the samples counted (see <see cref="CpuSampler"/>).</summary>
    public double SampleMs => CountedSamples == 0 ? 0 : ProcessCpuMs / CountedSamples;

    /// <summary>Milliseconds of processor time in <paramref name="bucket"/>, each of <paramref name="operations"/>.</summary>
    public double Ms(string bucket, int operations) => Count(bucket) * SampleMs / Math.Max(1, operations);

    /// <summary>The server's milliseconds (its buckets, without the driver, the waits or the sampler), each of <paramref name="operations"/>.</summary>
    public double ServerMs(int operations) => ServerSamples * SampleMs / Math.Max(1, operations);

    /// <summary>One sentence: the server's sampled time per operation, bucket by bucket, then the driver's, the collector's and the process's clock.</summary>
    public string Describe(int operations, string each)
    {
        var server = ServerSamples;
        var buckets = SampleBuckets.Server.Select(b => Bucket(b, operations, server));
        var where = OtherWhere.OrderByDescending(p => p.Value).Take(4)
            .Select(p => F($"{p.Key} {p.Value * 100.0 / Math.Max(1, Count(SampleBuckets.Other)):F0}%"));
        return F($"{Ms2(ServerMs(operations))} ms of the server's processor time {each} ({server} samples over {operations}): ")
            + string.Join(", ", buckets)
            + F($" [other was mostly in: {string.Join(", ", where)}]; taken off: the driver's own {Ms2(Ms(SampleBuckets.Driver, operations))} ms ({Count(SampleBuckets.Driver)} samples),")
            + F($" threads spinning or about to wait {Ms2(Ms(SampleBuckets.Waits, operations))} ms ({Count(SampleBuckets.Waits)}), the sampler's stream {Ms2(Ms(SampleBuckets.Sampler, operations))} ms;")
            + F($" garbage collection paused the process {Ms2(GcPauseMs / Math.Max(1, operations))} ms (its threads are not sampled; their time is in the clock the samples share);")
            + F($" the process's clock {Ms2(ProcessCpuMs / Math.Max(1, operations))} ms in all over {CountedSamples} samples, a round of samples every {IntervalMs:F2} ms ({Rounds} in {WindowMs:F0} ms), {NamedFrames * 100:F0}% of frames named");
    }

    private string Bucket(string bucket, int operations, int server)
    {
        var n = Count(bucket);
        return n < TooFew
            ? F($"{bucket} {n} samples (too few to say, about {Ms2(Ms(bucket, operations))} ms)")
            : F($"{bucket} {Ms2(Ms(bucket, operations))} ms ({n * 100.0 / Math.Max(1, server):F0}%, {n})");
    }

    private static string Ms2(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
