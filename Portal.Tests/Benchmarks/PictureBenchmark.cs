using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Thread;
using Portal.Features.Plans.Actions;
using Portal.Features.Plans.Dashboard;
using Portal.Features.Plans.Indicators;
using Portal.Features.Thread.Coverage;
using Portal.Features.Thread.Map;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// What the pictures cost. The director's dashboard rendered with its pictures beside the same
/// dashboard without them, in the same run (the demo plan; target: at most 10% more time and
/// render allocations), the pictures being the markup drawn once and shared, as the page shows
/// them (what open circuits keep is <see cref="DashboardCircuitBenchmark"/>'s); and, opt-in with
/// PORTAL_BENCHMARK_LARGE=1, the thread map on the generated council of 10,000 staff and 50,000
/// objectives: the top three levels (target p95 100 ms) beside the explorer's first level, and a
/// branch of 500 (target p95 50 ms) beside the explorer opening the same node. Each figure is the
/// service call and the server render of the picture and its table.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class PictureBenchmark(ITestOutputHelper output)
{
    private const int Runs = 40;

    [Fact]
    public async Task MeasuresTheDashboardWithItsPicturesBesideWithoutThem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = await ServiceHarness.StartAsync();
        await using var director = await portal.SignedInAsAsync(DemoUsers.Director);
        var dashboard = (await director.Get<DashboardService>().GetDashboardAsync(1, new DashboardFilter(), ct))!;
        await using var renderer = Renderer();

        async Task<int> WithoutAsync() =>
            await RenderAsync<RagCountTable>(renderer, new() { ["Priorities"] = dashboard.Priorities, ["PriorityHref"] = (Func<int, string>)(id => $"/p/{id}") })
            + await RenderAsync<ActionTable>(renderer, new() { ["Actions"] = dashboard.OverdueActions, ["Caption"] = "Overdue" })
            + await RenderAsync<IndicatorTable>(renderer, new() { ["Indicators"] = dashboard.IndicatorsOffTarget, ["Caption"] = "Off target" })
            + await RenderAsync<RisksAboveAppetite>(renderer, new() { ["Risks"] = dashboard.RisksAboveAppetite, ["Appetite"] = dashboard.RiskAppetite })
            + await RenderAsync<DueSoonList>(renderer, new() { ["Items"] = dashboard.DueSoon });
        // What a circuit renders now: the tables, and the pictures as the markup drawn once for
        // everyone reading this dashboard in this language (see DashboardPictureMarkup).
        var markup = director.Get<DashboardPictureMarkup>();
        var drawingBefore = GC.GetTotalAllocatedBytes(precise: true);
        var drawn = await markup.GetAsync(dashboard);
        var drawing = GC.GetTotalAllocatedBytes(precise: true) - drawingBefore;
        async Task<int> WithAsync() =>
            await RenderAsync<RagCountTable>(renderer, new() { ["Priorities"] = dashboard.Priorities, ["PriorityHref"] = (Func<int, string>)(id => $"/p/{id}") })
            + await RenderAsync<ActionTable>(renderer, new() { ["Actions"] = dashboard.OverdueActions, ["Caption"] = "Overdue" })
            + await RenderAsync<IndicatorTable>(renderer, new() { ["Indicators"] = dashboard.IndicatorsOffTarget, ["Caption"] = "Off target", ["TrendPictures"] = (await markup.GetAsync(dashboard)).Trends })
            + await RenderAsync<RisksAboveAppetite>(renderer, new() { ["Risks"] = dashboard.RisksAboveAppetite, ["Appetite"] = dashboard.RiskAppetite })
            + await RenderAsync<DueSoonList>(renderer, new() { ["Items"] = dashboard.DueSoon })
            + await RenderAsync<SharedMarkup>(renderer, new() { ["Value"] = drawn.Glance })
            + await RenderAsync<SharedMarkup>(renderer, new() { ["Value"] = drawn.BurnUp })
            + await RenderAsync<SharedMarkup>(renderer, new() { ["Value"] = drawn.RiskGrid });
        output.WriteLine(FormattableString.Invariant($"BENCHMARK dashboard pictures drawn once per dashboard and language: {drawing / 1024.0:F0} KB allocated, {drawn.Length / 1024.0:F1} K characters of markup"));

        for (var i = 0; i < 10; i++)
        {
            await WithoutAsync();
            await WithAsync();
        }

        var (withoutBytes, withoutHtml) = await AllocatedAsync(WithoutAsync);
        var (withBytes, withHtml) = await AllocatedAsync(WithAsync);
        var without = await BenchmarkReport.MeasureAsync(Runs, WithoutAsync);
        var with = await BenchmarkReport.MeasureAsync(Runs, WithAsync);
        var withoutMedian = BenchmarkReport.Percentile(without, 0.5);
        output.WriteLine(BenchmarkReport.Format("director's dashboard rendered with its pictures (demo plan)", with, without, "the same dashboard without them", targetMs: withoutMedian * 1.1));
        var line = FormattableString.Invariant(
            $"BENCHMARK dashboard prerender allocations (writing the HTML) with pictures: {withBytes / 1024.0:F0} KB and {withHtml / 1024.0:F1} KB of HTML, without: {withoutBytes / 1024.0:F0} KB and {withoutHtml / 1024.0:F1} KB, ratio {(double)withBytes / withoutBytes:F2}x (most of it the HTML itself, which a prerender must write; a circuit's render allocations and what it keeps are DashboardCircuitBenchmark's)");
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "benchmark-results.txt"), line + Environment.NewLine);
        output.WriteLine(line);
    }

    [Fact(SkipUnless = nameof(PlanBenchmark.Enabled), SkipType = typeof(PlanBenchmark), Skip = "Opt-in: set PORTAL_BENCHMARK_LARGE=1 to generate the large council and run it.")]
    public async Task MeasuresTheThreadMapOnALargeCouncil()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = await ServiceHarness.StartAsync(demo: "none");
        var year = DateTime.UtcNow.Month >= 4 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;
        portal.Clock.SetUtcNow(new DateTimeOffset(year, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var generated = await LargeThread.GenerateAsync(portal.Db, year, ct);
        output.WriteLine($"Generated {generated.Staff} staff and {generated.Objectives} objectives");
        await portal.AddPersonWithSignInAsync("bench.director@example.test", "Bench Director", Roles.Director, "Directorate 01");
        await using var director = await portal.SignedInAsAsync("bench.director@example.test");
        var maps = director.Get<ThreadMapService>();
        var explorer = director.Get<ThreadCoverageService>();
        await using var renderer = Renderer();
        var cold = Stopwatch.StartNew();
        await explorer.GetExplorerRootAsync(ct);
        output.WriteLine($"First read, building the shared thread model: {cold.Elapsed.TotalMilliseconds:F0} ms");

        async Task<int> MapAsync(ThreadNode? at)
        {
            var map = (await maps.GetMapAsync(at, null, ct))!;
            return await RenderAsync<MapPicture>(renderer, new() { ["Map"] = map })
                + await RenderAsync<MapTable>(renderer, new() { ["Map"] = map })
                + await RenderAsync<MapSummary>(renderer, new() { ["Map"] = map });
        }

        var first = Stopwatch.StartNew();
        await MapAsync(null);
        output.WriteLine($"The map's first render on this model, counting what lies beneath every node once: {first.Elapsed.TotalMilliseconds:F0} ms");
        var top = await BenchmarkReport.MeasureAsync(Runs, () => MapAsync(null));
        var topFloor = await BenchmarkReport.MeasureAsync(Runs, async () => Assert.NotEmpty(await explorer.GetExplorerRootAsync(ct)));
        output.WriteLine(BenchmarkReport.Format("thread map, top three levels, service and render (10,000 staff, 50,000 objectives)", top, topFloor, "the explorer's first level (today's list view)", targetMs: 100));

        var big = new ThreadNode(ThreadLevel.ServicePlan, generated.BigServiceObjectiveId);
        var branch = await BenchmarkReport.MeasureAsync(Runs, () => MapAsync(big));
        var branchFloor = await BenchmarkReport.MeasureAsync(Runs, async () => Assert.True((await explorer.ExpandAsync(big, ct)).Count >= 500));
        output.WriteLine(BenchmarkReport.Format("thread map zoomed into a branch of 500, service and render", branch, branchFloor, "the explorer opening the same node", targetMs: 50));
    }

    /// <summary>Markup already drawn, as the page writes it: one frame.</summary>
    private sealed class SharedMarkup : IComponent
    {
        private RenderHandle _handle;

        public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

        public Task SetParametersAsync(ParameterView parameters)
        {
            var value = parameters.GetValueOrDefault<MarkupString>("Value");
            _handle.Render(builder => builder.AddContent(0, value));
            return Task.CompletedTask;
        }
    }

    private static HtmlRenderer Renderer()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
    }

    /// <summary>Renders a component to HTML on the renderer's dispatcher, as a prerender does; returns the HTML's length.</summary>
    private static Task<int> RenderAsync<T>(HtmlRenderer renderer, Dictionary<string, object?> parameters)
        where T : IComponent =>
        renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString().Length);

    private static async Task<(long Bytes, int Html)> AllocatedAsync(Func<Task<int>> render)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var html = 0;
        for (var i = 0; i < 10; i++)
        {
            html = await render();
        }

        return ((GC.GetTotalAllocatedBytes(precise: true) - before) / 10, html);
    }
}
