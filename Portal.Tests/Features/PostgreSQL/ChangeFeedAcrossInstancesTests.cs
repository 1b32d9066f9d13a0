using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Features.Plans;
using Portal.Features.Plans.Actions;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Benchmarks;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.PostgreSQL;

/// <summary>
/// Two instances of the portal's services on one PostgreSQL database, each with its own change
/// feed and its own <see cref="PostgresChangeRelay"/>: a save on A reaches B's subscribers (with
/// what the feed carries) and moves B's feed version, which B's caches key on; after B's
/// listening connection is cut by the server, B listens again, tells its pages to reload once, and
/// the next save reaches it. Times a save on A to B's subscriber beside the same save to A's own.
/// </summary>
public sealed class ChangeFeedAcrossInstancesTests
{
    private const string Action = "Publish the refreshed corporate strategy";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASaveOnOneInstanceReachesTheOtherAndTheOtherCatchesUpAfterItsConnectionDrops()
    {
        await using var a = await ServiceHarness.StartAsync(provider: DatabaseProvider.PostgreSQL);
        await using var b = ServiceHarness.Build(a.ConnectionString, "en", out _, provider: DatabaseProvider.PostgreSQL);
        var relayA = a.Root.GetRequiredService<PostgresChangeRelay>();
        var relayB = b.GetRequiredService<PostgresChangeRelay>();
        await relayA.StartAsync(Ct);
        await relayB.StartAsync(Ct);
        try
        {
            await Task.WhenAll(relayA.Listening, relayB.Listening).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            var feedA = a.Root.GetRequiredService<ChangeFeed>();
            var feedB = b.GetRequiredService<ChangeFeed>();
            var onA = Channel.CreateUnbounded<(PlanChanged Change, long At)>();
            var onB = Channel.CreateUnbounded<(PlanChanged Change, long At)>();
            var missed = Channel.CreateUnbounded<ChangesMayHaveBeenMissed>();
            using var subscriptionA = feedA.Subscribe<PlanChanged>(c => onA.Writer.TryWrite((c, Stopwatch.GetTimestamp())));
            using var subscriptionB = feedB.Subscribe<PlanChanged>(c => onB.Writer.TryWrite((c, Stopwatch.GetTimestamp())));
            using var missedB = feedB.Subscribe<ChangesMayHaveBeenMissed>(m => missed.Writer.TryWrite(m));

            var id = await ActionIdAsync(a);
            var versionBefore = feedB.Version;
            var remote = new List<double>();
            var local = new List<double>();
            await using var director = await a.SignedInAsAsync(DemoUsers.Director);
            var actions = director.Get<ActionService>();
            for (var run = 0; run < 20; run++)
            {
                var started = Stopwatch.GetTimestamp();
                await SaveAsync(actions, id, run);
                var (here, hereAt) = await onA.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
                var (there, thereAt) = await onB.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
                Assert.Equal(here, there);
                Assert.Equal(PlanItemKind.Action, there.Kind);
                Assert.Equal(id, there.ItemId);
                local.Add(Stopwatch.GetElapsedTime(started, hereAt).TotalMilliseconds);
                remote.Add(Stopwatch.GetElapsedTime(started, thereAt).TotalMilliseconds);
            }

            Assert.True(feedB.Version >= versionBefore + 20, "Each change from A moves B's feed version, which B's caches key on.");
            Assert.False(onB.Reader.TryRead(out _), "B's own subscribers hear each change once, and never an echo.");
            TestContext.Current.TestOutputHelper?.WriteLine(BenchmarkReport.Format(
                "Save on instance A to a subscriber on instance B (PostgreSQL LISTEN/NOTIFY)", remote, local, "the same save to A's own subscriber", targetMs: 250));

            // The server cuts every listening connection: each instance listens again and B's pages reload once.
            await using (var connection = new NpgsqlConnection(a.ConnectionString))
            {
                await connection.OpenAsync(Ct);
                await using var cut = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'portal-change-feed' AND query LIKE 'LISTEN%'", connection);
                Assert.Equal(2L, await cut.ExecuteScalarAsync(Ct));
            }

            await missed.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.Equal(1, relayB.Reconnects);
            await SaveAsync(actions, id, 20);
            var (afterDrop, _) = await onB.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.Equal(id, afterDrop.ItemId);
        }
        finally
        {
            await relayA.StopAsync(CancellationToken.None);
            await relayB.StopAsync(CancellationToken.None);
        }
    }

    private static async Task SaveAsync(ActionService actions, int id, int run)
    {
        var current = await actions.GetActionAsync(id, Ct);
        await actions.RecordProgressAsync(id, new ProgressEdit(run % 2 == 0 ? ActionStatus.AtRisk : ActionStatus.OnTrack, 50 + run, $"Update {run}.", current!.Version), Ct);
    }

    private static async Task<int> ActionIdAsync(ServiceHarness portal)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var openYear = await db.Plans.Select(p => p.OpenYear).SingleAsync(Ct);
        return await db.Actions.Where(a => a.Title == Action && a.Year == openYear).Select(a => a.Id).SingleAsync(Ct);
    }
}
