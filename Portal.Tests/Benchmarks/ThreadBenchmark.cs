using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Thread;
using Portal.Features.Thread.Coverage;
using Portal.Features.Thread.Tracing;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// The golden thread on a generated council of 10,000 staff and 50,000 objectives (see
/// <see cref="LargeThread"/>): tracing one objective to the top (target p95 under 5 ms), the
/// whole-council coverage report (under 500 ms) and expanding a node with 500 children (under
/// 100 ms), each through the real service as a director (so privacy masking is included), each
/// beside a raw recursive SQL query over the same tables as the floor.
/// Opt-in with the plans benchmark: set PORTAL_BENCHMARK_LARGE=1.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class ThreadBenchmark(ITestOutputHelper output)
{
    private const int Runs = 40;

    [Fact(SkipUnless = nameof(PlanBenchmark.Enabled), SkipType = typeof(PlanBenchmark), Skip = "Opt-in: set PORTAL_BENCHMARK_LARGE=1 to generate the large council and run it.")]
    public async Task MeasuresTracingCoverageAndExpandingOnALargeCouncil()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = await ServiceHarness.StartAsync(demo: "none");
        var year = DateTime.UtcNow.Month >= 4 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;
        portal.Clock.SetUtcNow(new DateTimeOffset(year, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var generating = Stopwatch.StartNew();
        var generated = await LargeThread.GenerateAsync(portal.Db, year, ct);
        output.WriteLine($"Generated {generated.Staff} staff and {generated.Objectives} objectives in {generating.Elapsed.TotalSeconds:F1} s");
        await portal.AddPersonWithSignInAsync("bench.director@example.test", "Bench Director", Roles.Director, "Directorate 01");
        await using var director = await portal.SignedInAsAsync("bench.director@example.test");
        var tracingService = director.Get<ThreadTracingService>();
        var coverageService = director.Get<ThreadCoverageService>();

        var cold = Stopwatch.StartNew();
        var trace = await tracingService.TraceAsync(new ThreadNode(ThreadLevel.Appraisal, generated.ObjectiveId), ct);
        output.WriteLine($"First trace, building the shared thread model: {cold.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(ThreadLevel.CommunityStrategy, trace!.Paths[0][^1].Level);
        Assert.True(trace.Item.IsPrivate);

        await using var db = await portal.Db.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();

        var objective = new ThreadNode(ThreadLevel.Appraisal, generated.ObjectiveId);
        var traceTimes = await BenchmarkReport.MeasureAsync(Runs, async () => Assert.NotEmpty((await tracingService.TraceAsync(objective, ct))!.Paths));
        var traceFloor = await BenchmarkReport.MeasureAsync(Runs, () => CountAsync(connection, TraceSql, ct, ("$id", generated.ObjectiveId)));
        output.WriteLine(BenchmarkReport.Format("trace one objective to the top (10,000 staff, 50,000 objectives)", traceTimes, traceFloor, "recursive SQL up the links", targetMs: 5));

        var coverageTimes = await BenchmarkReport.MeasureAsync(10, async () => Assert.NotEmpty((await coverageService.GetCoverageAsync(ct)).Directorates));
        var coverageFloor = await BenchmarkReport.MeasureAsync(10, () => CountAsync(connection, CoverageSql, ct));
        output.WriteLine(BenchmarkReport.Format("whole-council coverage report", coverageTimes, coverageFloor, "SQL for orphans, broken threads and linked staff", targetMs: 500));

        var big = new ThreadNode(ThreadLevel.ServicePlan, generated.BigServiceObjectiveId);
        var expandTimes = await BenchmarkReport.MeasureAsync(Runs, async () => Assert.True((await coverageService.ExpandAsync(big, ct)).Count >= 500));
        var expandFloor = await BenchmarkReport.MeasureAsync(Runs, () => CountAsync(connection, ExpandSql, ct, ("$id", generated.BigServiceObjectiveId)));
        output.WriteLine(BenchmarkReport.Format("expand a node with 500 children", expandTimes, expandFloor, "SQL for the children with their titles", targetMs: 100));
    }

    private const string TraceSql = """
        WITH RECURSIVE up(Level, Id) AS (
            SELECT 'Appraisal', $id
            UNION
            SELECT l.ParentLevel, l.ParentId FROM ThreadLinks l JOIN up ON l.ChildLevel = up.Level AND l.ChildId = up.Id)
        SELECT COUNT(*) FROM up
        """;

    /// <summary>The same questions as the coverage report, each a plain aggregate the indexes answer directly.</summary>
    private const string CoverageSql = """
        SELECT
            (SELECT COUNT(*) FROM ThreadItems i LEFT JOIN ThreadLinks l ON l.ParentLevel = 'CorporateStrategy' AND l.ParentId = i.Id
                WHERE i.Kind = 'CorporatePriority' AND l.Id IS NULL)
          + (SELECT COUNT(*) FROM ThreadItems i LEFT JOIN ThreadLinks l ON l.ChildLevel = 'ServicePlan' AND l.ChildId = i.Id
                WHERE i.Kind = 'ServiceObjective' AND l.Id IS NULL)
          + (SELECT COUNT(*) FROM ThreadItems i LEFT JOIN ThreadLinks l ON l.ChildLevel = 'TeamWorkplan' AND l.ChildId = i.Id
                WHERE i.Kind = 'TeamItem' AND l.Id IS NULL)
          + (SELECT COUNT(*) FROM AppraisalObjectives o LEFT JOIN ThreadLinks l ON l.ChildLevel = 'Appraisal' AND l.ChildId = o.Id
                WHERE l.Id IS NULL)
          + (SELECT COUNT(DISTINCT a.PersonId) FROM Appraisals a JOIN AppraisalObjectives o ON o.AppraisalId = a.Id
                JOIN ThreadLinks l ON l.ChildLevel = 'Appraisal' AND l.ChildId = o.Id)
          + (SELECT COUNT(*) FROM (
                WITH RECURSIVE tree(UnitId, DirectorateId) AS (
                    SELECT Id, Id FROM OrganisationUnits WHERE Kind = 'Directorate'
                    UNION ALL
                    SELECT u.Id, tree.DirectorateId FROM OrganisationUnits u JOIN tree ON u.ParentId = tree.UnitId)
                SELECT tree.DirectorateId, COUNT(*) FROM People p JOIN tree ON tree.UnitId = p.UnitId GROUP BY tree.DirectorateId))
        """;

    private const string ExpandSql = """
        SELECT COUNT(*) FROM ThreadLinks l JOIN ThreadItems i ON i.Id = l.ChildId
        WHERE l.ParentLevel = 'ServicePlan' AND l.ParentId = $id AND l.ChildLevel = 'TeamWorkplan'
        """;

    private static async Task CountAsync(DbConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        Assert.True(Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }
}
