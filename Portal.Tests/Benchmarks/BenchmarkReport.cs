using System.Diagnostics;
using System.Globalization;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// Times an operation, and a baseline measured in the same run, and prints median, p95, the
/// target and the ratio. It never fails on time: a benchmark informs, a slow machine is not a bug.
/// </summary>
public static class BenchmarkReport
{
    public static async Task<IReadOnlyList<double>> MeasureAsync(int runs, Func<Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var timings = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await operation();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        return timings;
    }

    public static string Format(string name, IReadOnlyList<double> timings, IReadOnlyList<double> baseline, string baselineName, double targetMs)
    {
        var median = Percentile(timings, 0.5);
        var p95 = Percentile(timings, 0.95);
        var baselineMedian = Percentile(baseline, 0.5);
        var line = string.Format(
            CultureInfo.InvariantCulture,
            "BENCHMARK {0}: median {1} ms, p95 {2} ms, target {3:F0} ms ({4}), baseline [{5}] median {6} ms, ratio {7:F2}x, runs {8}",
            name, Ms(median), Ms(p95), targetMs, p95 <= targetMs ? "met" : "NOT met", baselineName, Ms(baselineMedian), median / baselineMedian, timings.Count);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "benchmark-results.txt"), line + Environment.NewLine);
        return line;
    }

    /// <summary>Milliseconds with the precision a figure needs: 0.043 ms, 4.3 ms, 43 ms.</summary>
    private static string Ms(double ms) => ms.ToString(ms < 1 ? "F3" : "F1", CultureInfo.InvariantCulture);

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(percentile * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
