using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Portal.Tests.Load;

/// <summary>
/// The load benchmark's CPU sampler checked on work whose place is known: a loop in this class
/// (the driver's namespace), sampled in this process; and the bucket order on stacks written out
/// by hand, where a wrong order would put a frame in the wrong bucket.
/// Alone, like the benchmarks: the sampler sees every thread of this process (another test's
/// queries or renders would land in its buckets) and stops the runtime at every round.
/// </summary>
[Collection(Portal.Tests.Benchmarks.BenchmarkCollection.Name)]
public sealed class CpuSamplerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A busy loop in this namespace lands in the driver's bucket, the frames are named, and the trace
    /// goes. (A query busy in SQLite's engine was sampled as reads when this class ran alone, but
    /// after the rest of the suite in the same process its samples carried no SQLitePCL frame among
    /// the deepest three, unexplained; so native SQLite samples are checked on stacks written out by
    /// hand below, and the benchmark's reads may count SQLite's engine short.)
    /// </summary>
    [Fact]
    public async Task A_busy_loop_lands_in_its_bucket_and_the_trace_is_deleted()
    {
        string tracePath;
        CpuProfile profile;
        await using (var sampler = await CpuSampler.StartAsync(Ct))
        {
            tracePath = sampler.TracePath;
            await sampler.MeasureAsync(async () =>
            {
                using var done = new CancellationTokenSource();
                var spin = Task.Factory.StartNew(() => Spinner.Spin(done.Token), Ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                try
                {
                    await Task.Delay(600, Ct);
                }
                finally
                {
                    // Even when cancelled: the loop must not keep a core for the rest of the run.
                    await done.CancelAsync();
                }

                return await spin;
            });
            profile = await sampler.StopAsync();
            Assert.True(File.Exists(tracePath));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(profile.Describe(1, "in all"));
        Assert.False(Directory.Exists(Path.GetDirectoryName(tracePath)), "the sampler leaves its trace behind");
        Assert.True(profile.NamedFrames > 0.5, $"only {profile.NamedFrames:P0} of the frames were named");
        Assert.True(profile.Rounds >= 50, $"only {profile.Rounds} sampling rounds in {profile.WindowMs:F0} ms");

        // The loop was busy through the window and sampled in many of its rounds (about half: the
        // runtime stops a tight loop for a sample less often); a wrong bucket would leave it near
        // empty, and it is most of what was busy.
        var busy = profile.Count(SampleBuckets.Driver);
        Assert.True(busy >= profile.Rounds / 5, $"the loop: {busy} driver samples of {profile.Rounds} rounds");
        Assert.True(busy > (profile.CountedSamples - profile.Count(SampleBuckets.Waits)) / 2, $"the busy loop has {busy} of {profile.CountedSamples} samples");

        // Weighed by their share of the cores, the samples never add up to more than the cores could run.
        Assert.InRange(profile.TotalMs(SampleBuckets.Driver), profile.WindowMs / 10, Environment.ProcessorCount * profile.WindowMs * 1.05);
    }

    [Fact]
    public void The_deepest_frame_decides_except_for_the_driver_and_the_shared_drawing()
    {
        string[] root = ["Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost.DispatchEvent", "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher.Invoke", "System.Threading.ThreadPoolWorkQueue.Dispatch"];
        string[] renderQueue = ["Microsoft.AspNetCore.Components.RenderTree.Renderer.ProcessRenderQueue", .. root];

        Assert.Equal(SampleBuckets.Render, SampleBuckets.Classify([
            "System.Collections.Generic.List`1.Add", "Portal.Features.Plans.Dashboard.RagCountTable.BuildRenderTree",
            "Microsoft.AspNetCore.Components.ComponentBase.SetParametersAsync", "Microsoft.AspNetCore.Components.RenderTree.RenderTreeDiffBuilder.InitializeNewComponentFrame", .. renderQueue]));
        Assert.Equal(SampleBuckets.Diff, SampleBuckets.Classify([
            "Microsoft.AspNetCore.Components.RenderTree.ArrayBuilder`1.Append", "Microsoft.AspNetCore.Components.RenderTree.RenderTreeDiffBuilder.AppendDiffEntriesForRange", .. renderQueue]));
        Assert.Equal(SampleBuckets.Send, SampleBuckets.Classify([
            "System.IO.BinaryWriter.Write", "Microsoft.AspNetCore.Components.Server.Circuits.RenderBatchWriter.Write",
            "Microsoft.AspNetCore.Components.Server.Circuits.RemoteRenderer.UpdateDisplayAsync", .. renderQueue]));
        Assert.Equal(SampleBuckets.Reads, SampleBuckets.Classify([
            "SQLitePCL.raw.sqlite3_step", "Microsoft.Data.Sqlite.SqliteDataReader.NextResult", "Microsoft.EntityFrameworkCore.Query.Internal.SingleQueryingEnumerable`1.MoveNext",
            "Portal.Features.Plans.Dashboard.DashboardService.GetAsync", "Portal.Features.Plans.Dashboard.DashboardPage.OnParametersSetAsync", .. renderQueue]));
        Assert.Equal(SampleBuckets.Cache, SampleBuckets.Classify([
            "System.String.Concat", "Portal.Features.Plans.Dashboard.DashboardPicturesBuilder.Burnup", "Portal.Features.Plans.Dashboard.DashboardCache.GetAsync", .. root]));
        Assert.Equal(SampleBuckets.Cache, SampleBuckets.Classify([
            "Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder.AddContent", "Portal.Features.Plans.Dashboard.BurnUpChart.BuildRenderTree",
            "Microsoft.AspNetCore.Components.RenderTree.Renderer.ProcessRenderQueue", "Microsoft.AspNetCore.Components.Web.HtmlRenderer.RenderComponentAsync",
            "Portal.Features.Plans.Dashboard.DashboardPictureMarkup.DrawAsync"]));
        Assert.Equal(SampleBuckets.Waits, SampleBuckets.Classify(["System.Threading.LowLevelSpinWaiter.Wait", "System.Threading.LowLevelLifoSemaphore.Wait", "System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart"]));
        Assert.Equal(SampleBuckets.Other, SampleBuckets.Classify(["System.Text.StringBuilder.Append", .. root]));
        Assert.Equal("Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost", SampleBuckets.OtherKey(["System.Text.StringBuilder.Append", .. root]));
        Assert.Equal(SampleBuckets.Driver, SampleBuckets.Classify([
            "MessagePack.MessagePackReader.ReadString", "Portal.Tests.Load.RenderBatchReader.Read", "Microsoft.AspNetCore.SignalR.Client.HubConnection.ReceiveLoop"]));
        Assert.Equal(SampleBuckets.Driver, SampleBuckets.Classify(["System.Net.WebSockets.ManagedWebSocket.ReceiveAsync", "Microsoft.AspNetCore.Http.Connections.Client.Internal.WebSocketsTransport.StartReceiving"]));
        Assert.Equal(SampleBuckets.Sampler, SampleBuckets.Classify(["System.IO.Stream.CopyToAsync", "Portal.Tests.Load.CpuSampler+<>c__DisplayClass.<StartAsync>b__0"]));
        Assert.Equal(SampleBuckets.Send, SampleBuckets.Classify([
            "Microsoft.AspNetCore.Components.Server.Circuits.ArrayBuilder`1.Append", "Microsoft.AspNetCore.Components.Server.Circuits.RenderBatchWriter.Write", .. renderQueue]));
        Assert.True(SampleBuckets.NativeWork(["ILStubClass.IL_STUB_PInvoke", "SQLitePCL.SQLite3Provider_e_sqlite3.sqlite3_step"]));
        Assert.False(SampleBuckets.NativeWork(["System.Threading.LowLevelLifoSemaphore.WaitForSignal", "System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart"]));
    }

    [Fact]
    public void The_idle_rate_is_taken_off_each_bucket()
    {
        // 1 s measured, a round a millisecond: 300 render samples weighing 200, 19 other weighing 20;
        // 2 s idle, a round every 2 ms: 20 other weighing 20 (40 ms, so 20 ms a second).
        var profile = new CpuProfile(
            new Dictionary<string, int> { [SampleBuckets.Render] = 300, [SampleBuckets.Other] = 19 },
            new Dictionary<string, double> { [SampleBuckets.Render] = 200, [SampleBuckets.Other] = 20 },
            new Dictionary<string, int>(), IntervalMs: 1, WindowMs: 1000, Rounds: 1000, ProcessCpuMs: 500, GcPauseMs: 0, NamedFrames: 1,
            new Dictionary<string, double> { [SampleBuckets.Other] = 20 }, IdleWindowMs: 2000, IdleIntervalMs: 2);

        Assert.Equal(200, profile.TotalMs(SampleBuckets.Render), 6);
        Assert.Equal(0, profile.TotalMs(SampleBuckets.Other), 6);
        Assert.Equal(20, profile.Ms(SampleBuckets.Render, 10), 6);
        Assert.Equal(20, profile.ServerMs(10), 6);
        Assert.Contains("other 19 samples (too few to say, about 0.00 ms)", profile.Describe(10, "each"), StringComparison.Ordinal);
        Assert.Contains("render 20.0 ms (100%, 300)", profile.Describe(10, "each"), StringComparison.Ordinal);
    }

    /// <summary>How many rows the counting query walks to keep SQLite busy for about 600 ms.</summary>
    private static class Spinner
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static long Spin(CancellationToken done)
        {
            long sum = 0;
            while (!done.IsCancellationRequested)
            {
                for (var i = 0; i < 10_000; i++)
                {
                    sum += i ^ (sum >> 3);
                }
            }

            return sum;
        }
    }
}
