// The renderer itself is what is measured here, so its types are used as the framework uses them.
#pragma warning disable BL0006

using System.Diagnostics;
using System.Globalization;
using Portal.Features.Plans.Dashboard;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// What the dashboard's pictures cost the server to keep: <see cref="Circuits"/> directors' open
/// dashboards (the real page on the real renderer, each over its own signed-in services, as a
/// circuit holds them) with the pictures, beside the same page without them and beside the same
/// circuits with no page at all, in the same run, rounds interleaved. Each round measures what
/// the circuits retain after a full collection, per dashboard; median and p95 over the rounds.
/// The pictures' markup is drawn once per dashboard and language and shared; it is counted too,
/// shared by the round's circuits. Target: the circuit with pictures at most 10% more than without.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class DashboardCircuitBenchmark(ITestOutputHelper output)
{
    private const int Circuits = 100;
    private const int Rounds = 7;

    private enum Kind
    {
        Empty = 0,
        Without = 1,
        With = 2,
    }

    [Fact]
    public async Task MeasuresWhatOpenDashboardsKeepWithTheirPicturesBesideWithoutThem()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        await using var portal = await ServiceHarness.StartAsync();
        var markup = (await (await portal.SignedInAsAsync(DemoUsers.Director)).Get<DashboardService>().GetDashboardAsync(1, new DashboardFilter(), TestContext.Current.CancellationToken))!;
        var drawn = await ((DashboardPictureMarkup)portal.Root.GetService(typeof(DashboardPictureMarkup))!).GetAsync(markup);
        var sharedBytes = (drawn.Length * 2.0) + 1024; // UTF-16 characters and the few objects that hold them

        var retained = new Dictionary<Kind, List<double>> { [Kind.Empty] = [], [Kind.Without] = [], [Kind.With] = [] };
        var allocated = new Dictionary<Kind, List<double>> { [Kind.Empty] = [], [Kind.Without] = [], [Kind.With] = [] };
        var render = new Dictionary<Kind, List<double>> { [Kind.Empty] = [], [Kind.Without] = [], [Kind.With] = [] };
        await RoundAsync(portal, Kind.Without, 10, null);
        await RoundAsync(portal, Kind.With, 10, null);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var kind in new[] { Kind.Empty, Kind.Without, Kind.With })
            {
                var (kept, made) = await RoundAsync(portal, kind, Circuits, render[kind]);
                retained[kind].Add(kind == Kind.With ? kept + (sharedBytes / Circuits) : kept);
                allocated[kind].Add(made);
            }
        }

        double Median(Kind kind) => BenchmarkReport.Percentile(retained[kind], 0.5);
        double P95(Kind kind) => BenchmarkReport.Percentile(retained[kind], 0.95);
        var ratio = Median(Kind.With) / Median(Kind.Without);
        var pageRatio = (Median(Kind.With) - Median(Kind.Empty)) / (Median(Kind.Without) - Median(Kind.Empty));
        var lines = new[]
        {
            FormattableString.Invariant(
                $"BENCHMARK dashboard circuit retained memory with pictures ({Circuits} circuits x {Rounds} rounds, demo plan): median {Median(Kind.With) / 1024:F1} KB, p95 {P95(Kind.With) / 1024:F1} KB per dashboard; without: median {Median(Kind.Without) / 1024:F1} KB, p95 {P95(Kind.Without) / 1024:F1} KB; ratio {ratio:F3}x (target 1.10x: {(ratio <= 1.1 ? "met" : "NOT met")})"),
            FormattableString.Invariant(
                $"BENCHMARK dashboard page alone (circuit minus the same circuit with no page, median {Median(Kind.Empty) / 1024:F1} KB): with pictures {(Median(Kind.With) - Median(Kind.Empty)) / 1024:F1} KB, without {(Median(Kind.Without) - Median(Kind.Empty)) / 1024:F1} KB, ratio {pageRatio:F3}x; the shared drawing {sharedBytes / 1024:F1} KB once ({sharedBytes / Circuits / 1024:F2} KB a dashboard at {Circuits})"),
            FormattableString.Invariant(
                $"BENCHMARK dashboard circuit allocations to open: with pictures {BenchmarkReport.Percentile(allocated[Kind.With], 0.5) / 1024:F0} KB, without {BenchmarkReport.Percentile(allocated[Kind.Without], 0.5) / 1024:F0} KB, ratio {BenchmarkReport.Percentile(allocated[Kind.With], 0.5) / BenchmarkReport.Percentile(allocated[Kind.Without], 0.5):F2}x"),
            BenchmarkReport.Format("dashboard page opened and rendered on a circuit, with pictures", render[Kind.With], render[Kind.Without], "the same page without them", targetMs: BenchmarkReport.Percentile(render[Kind.Without], 0.95) * 1.1),
        };
        foreach (var line in lines.Take(3))
        {
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "benchmark-results.txt"), line + Environment.NewLine);
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        Assert.True(ratio > 0.9, "The circuits with pictures cannot keep less than the same without them; the measurement is wrong.");
    }

    /// <summary>Opens <paramref name="count"/> circuits of one kind (each its caller's services and its page) and holds them; returns what they retain and what opening their pages allocated, per circuit.</summary>
    private static async Task<(double Retained, double Allocated)> RoundAsync(ServiceHarness portal, Kind kind, int count, List<double>? renders)
    {
        var before = Settled();
        var sessions = new List<ServiceHarness.Session>(count);
        for (var i = 0; i < count; i++)
        {
            sessions.Add(await portal.SignedInAsAsync(DemoUsers.Director));
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var circuits = new List<HeldCircuit>(count);
        foreach (var session in sessions)
        {
            if (kind == Kind.Empty)
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            circuits.Add(await HeldCircuit.OpenAsync<DashboardPage>(session, "/plans/1/dashboard", new() { ["Id"] = 1, ["Pictures"] = kind == Kind.With }));
            renders?.Add(watch.Elapsed.TotalMilliseconds);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var after = Settled();
        GC.KeepAlive(circuits);
        GC.KeepAlive(sessions);
        foreach (var circuit in circuits)
        {
            circuit.Dispose();
        }

        foreach (var session in sessions.Skip(circuits.Count))
        {
            await session.DisposeAsync();
        }

        return ((double)(after - before) / count, (double)allocated / count);
    }

    private static long Settled()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
