using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Features.Plans;
using Portal.Features.Plans.Actions;
using Portal.Features.Plans.Dashboard;
using Portal.Features.Plans.Indicators;
using Portal.Features.Search;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// PostgreSQL beside SQLite on the same demo data, in the same process (opt-in with
/// PORTAL_BENCHMARK_POSTGRES=1 or PORTAL_BENCHMARK_LARGE=1; needs PostgreSQL's binaries): the
/// director's dashboard computed and rendered (the shared dashboard dropped before each, as a
/// save drops it), search ranked with snippets through the search service, and the live update
/// from a progress update saved on instance A to a dashboard's subscriber on instance B (two
/// service providers on one PostgreSQL, each with its LISTEN/NOTIFY relay) beside the same save
/// to a subscriber on A itself and on one SQLite instance.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class PostgresBenchmark(ITestOutputHelper output)
{
    private const int Runs = 60;
    private const int LiveRuns = 40;
    private const string Action = "Publish the refreshed corporate strategy";
    private static readonly string[] Queries = ["budget", "restructure", "plans direc", "redeployment of an officer"];

    public static bool Enabled =>
        Environment.GetEnvironmentVariable("PORTAL_BENCHMARK_POSTGRES") == "1" || Environment.GetEnvironmentVariable("PORTAL_BENCHMARK_LARGE") == "1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(SkipUnless = nameof(Enabled), Skip = "Opt-in: set PORTAL_BENCHMARK_POSTGRES=1 to compare PostgreSQL with SQLite.")]
    public async Task MeasuresDashboardSearchAndLiveUpdatesOnPostgreSQLBesideSQLite()
    {
        await using var sqlite = await ServiceHarness.StartAsync(provider: DatabaseProvider.Sqlite);
        await using var postgres = await ServiceHarness.StartAsync(provider: DatabaseProvider.PostgreSQL);
        await using var renderer = Renderer();

        var dashboardOnSqlite = await DashboardAsync(sqlite, renderer);
        var dashboardOnPostgres = await DashboardAsync(postgres, renderer);
        Write(BenchmarkReport.Format("director's dashboard computed and rendered on PostgreSQL (demo plan)", dashboardOnPostgres, dashboardOnSqlite, "the same on SQLite", targetMs: 100));

        var searchOnSqlite = await SearchAsync(sqlite);
        var searchOnPostgres = await SearchAsync(postgres);
        Write(BenchmarkReport.Format("search ranked with snippets on PostgreSQL (4 queries, demo)", searchOnPostgres, searchOnSqlite, "the same on SQLite (FTS5)", targetMs: 50));

        var oneSqlite = await LiveAsync(sqlite, null);
        await using var b = ServiceHarness.Build(postgres.ConnectionString, "en", out _, provider: DatabaseProvider.PostgreSQL);
        var relayA = postgres.Root.GetRequiredService<PostgresChangeRelay>();
        var relayB = b.GetRequiredService<PostgresChangeRelay>();
        await relayA.StartAsync(Ct);
        await relayB.StartAsync(Ct);
        try
        {
            await Task.WhenAll(relayA.Listening, relayB.Listening).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            var onePostgres = await LiveAsync(postgres, null);
            var across = await LiveAsync(postgres, b.GetRequiredService<ChangeFeed>());
            Write(BenchmarkReport.Format("live update, save on instance A to a dashboard subscriber on instance B (PostgreSQL, LISTEN/NOTIFY)", across, onePostgres, "the same save to a subscriber on A", targetMs: 250));
            Write(Percentiles("live update, save to a subscriber on the same instance (PostgreSQL)", onePostgres));
            Write(Percentiles("live update, save to a subscriber on the same instance (SQLite)", oneSqlite));
            Write(Percentiles("live update, save on A to a subscriber on B (PostgreSQL)", across));
        }
        finally
        {
            await relayA.StopAsync(CancellationToken.None);
            await relayB.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The director's dashboard, computed afresh (the feed moved on, as after a save) and its tables rendered, as the page does.</summary>
    private static async Task<IReadOnlyList<double>> DashboardAsync(ServiceHarness portal, HtmlRenderer renderer)
    {
        await using var director = await portal.SignedInAsAsync(DemoUsers.Director);
        var dashboards = director.Get<DashboardService>();
        var feed = portal.Root.GetRequiredService<ChangeFeed>();
        async Task RenderAsync()
        {
            feed.Deliver(new ChangesMayHaveBeenMissed(DateTime.UtcNow));
            var dashboard = (await dashboards.GetDashboardAsync(1, new DashboardFilter(), Ct))!;
            await Render<RagCountTable>(renderer, new() { ["Priorities"] = dashboard.Priorities, ["PriorityHref"] = (Func<int, string>)(id => $"/p/{id}") });
            await Render<ActionTable>(renderer, new() { ["Actions"] = dashboard.OverdueActions, ["Caption"] = "Overdue" });
            await Render<IndicatorTable>(renderer, new() { ["Indicators"] = dashboard.IndicatorsOffTarget, ["Caption"] = "Off target" });
            await Render<RisksAboveAppetite>(renderer, new() { ["Risks"] = dashboard.RisksAboveAppetite, ["Appetite"] = dashboard.RiskAppetite });
            await Render<DueSoonList>(renderer, new() { ["Items"] = dashboard.DueSoon });
        }

        for (var i = 0; i < 10; i++)
        {
            await RenderAsync();
        }

        return await BenchmarkReport.MeasureAsync(Runs, RenderAsync);
    }

    private static async Task<IReadOnlyList<double>> SearchAsync(ServiceHarness portal)
    {
        await using var officer = await portal.SignedInAsAsync(DemoUsers.Officer);
        var search = officer.Get<SearchService>();
        async Task FindAsync()
        {
            foreach (var query in Queries)
            {
                Assert.NotEmpty((await search.SearchAsync(query, Ct)).Results);
            }
        }

        for (var i = 0; i < 10; i++)
        {
            await FindAsync();
        }

        return await BenchmarkReport.MeasureAsync(Runs, FindAsync);
    }

    /// <summary>From a progress update saved on <paramref name="portal"/> until a subscriber to plan changes hears of it, on <paramref name="other"/>'s feed or the portal's own.</summary>
    private static async Task<List<double>> LiveAsync(ServiceHarness portal, ChangeFeed? other)
    {
        var feed = other ?? portal.Root.GetRequiredService<ChangeFeed>();
        var heard = Channel.CreateUnbounded<long>();
        using var subscription = feed.Subscribe<PlanChanged>(_ => heard.Writer.TryWrite(Stopwatch.GetTimestamp()));
        await using var director = await portal.SignedInAsAsync(DemoUsers.Director);
        var actions = director.Get<ActionService>();
        int id;
        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            var openYear = await db.Plans.Select(p => p.OpenYear).SingleAsync(Ct);
            id = await db.Actions.Where(a => a.Title == Action && a.Year == openYear).Select(a => a.Id).SingleAsync(Ct);
        }

        var timings = new List<double>();
        var heardInAll = 0;
        for (var run = 0; run < LiveRuns + 5; run++)
        {
            // Whatever else was heard since the last save (a late or second notice of it) is not this save's.
            await Task.Delay(20, Ct);
            while (heard.Reader.TryRead(out _))
            {
                heardInAll++;
            }

            var current = await actions.GetActionAsync(id, Ct);
            var started = Stopwatch.GetTimestamp();
            await actions.RecordProgressAsync(id, new ProgressEdit(run % 2 == 0 ? ActionStatus.AtRisk : ActionStatus.OnTrack, 10 + run, $"Benchmark update {run}.", current!.Version), Ct);
            var at = await heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
            heardInAll++;
            Assert.True(at >= started, "A notice heard before the save began is not the save's.");
            if (run >= 5)
            {
                timings.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"{heardInAll} plan changes heard for {LiveRuns + 5} saves"));
        return timings;
    }

    private static string Percentiles(string name, IReadOnlyList<double> timings)
    {
        var line = FormattableString.Invariant(
            $"BENCHMARK {name}: p50 {BenchmarkReport.Percentile(timings, 0.5):F1} ms, p95 {BenchmarkReport.Percentile(timings, 0.95):F1} ms, runs {timings.Count}");
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "benchmark-results.txt"), line + Environment.NewLine);
        return line;
    }

    private void Write(string line) => output.WriteLine(line);

    private static HtmlRenderer Renderer()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
    }

    private static Task<int> Render<T>(HtmlRenderer renderer, Dictionary<string, object?> parameters)
        where T : IComponent =>
        renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString().Length);
}
