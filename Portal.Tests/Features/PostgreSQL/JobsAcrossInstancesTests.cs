using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Chasers;
using Portal.Features.Notifications.Outbox;
using Portal.Infrastructure.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.PostgreSQL;

/// <summary>
/// The scheduled round on two instances of the portal's services over one PostgreSQL database,
/// mailing through a real SMTP server on loopback: run at the same moment on both, every chaser is
/// written once and every mail sent once. Each safeguard is tried on its own too: the job lock
/// (one holder at a time, given back when released), the outbox's claims (two senders with no
/// lock between them still send each mail once) and the chasers' unique index (a second row for
/// one person, item and date is refused).
/// </summary>
public sealed class JobsAcrossInstancesTests : IAsyncLifetime
{
    private const string Site = "https://portal.example/";
    private LoopbackSmtp _smtp = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _smtp = await LoopbackSmtp.StartAsync();

    public async ValueTask DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task RoundsOnTwoInstancesAtOnceWriteEachChaserOnceAndSendEachMailOnce()
    {
        await using var a = await ServiceHarness.StartAsync(settings: Settings(), provider: DatabaseProvider.PostgreSQL);
        await using var b = ServiceHarness.Build(a.ConnectionString, "en", out _, settings: Settings(), provider: DatabaseProvider.PostgreSQL);
        await ClearAsync(a);
        var senderA = a.Root.GetRequiredService<OutboxSender>();
        var senderB = b.GetRequiredService<OutboxSender>();

        // Both instances' rounds at once, several times over, as two timers would.
        var rounds = Enumerable.Range(0, 4).SelectMany(_ => new[] { senderA.RunRoundAsync(true, Ct), senderB.RunRoundAsync(true, Ct) }).ToList();
        var ran = await Task.WhenAll(rounds);
        Assert.Contains(true, ran);

        // One more round each, one after the other, sends anything the skipped rounds left.
        Assert.True(await senderA.RunRoundAsync(true, Ct));
        Assert.True(await senderB.RunRoundAsync(true, Ct));

        await using var db = await a.Db.CreateDbContextAsync(Ct);
        var chasers = await db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.ActionDue || n.Kind == NotificationKind.ActionOverdue || n.Kind == NotificationKind.IndicatorDue || n.Kind == NotificationKind.IndicatorOverdue)
            .ToListAsync(Ct);
        Assert.NotEmpty(chasers);
        Assert.All(chasers.GroupBy(n => (n.Kind, n.PersonId, n.Link, n.Date)), group => Assert.Single(group));
        var sent = await db.Notifications.AsNoTracking().Where(n => n.State == DeliveryState.Sent).Select(n => n.Id).ToListAsync(Ct);
        Assert.NotEmpty(sent);
        Assert.False(await db.Notifications.AnyAsync(n => n.State == DeliveryState.Pending || n.State == DeliveryState.Sending, Ct), "Every mail due was sent.");
        AssertEachSentOnce(sent);
    }

    [Fact]
    public async Task TheLockHasOneHolderAtATimeAndClaimsAndTheUniqueIndexHoldWithoutIt()
    {
        await using var a = await ServiceHarness.StartAsync(settings: Settings(), provider: DatabaseProvider.PostgreSQL);
        await using var b = ServiceHarness.Build(a.ConnectionString, "en", out _, settings: Settings(), provider: DatabaseProvider.PostgreSQL);
        await ClearAsync(a);

        // The lock: B cannot take what A holds, and can once A gives it back; other jobs are not held up.
        var lockA = a.Root.GetRequiredService<IJobLock>();
        var lockB = b.GetRequiredService<IJobLock>();
        Assert.IsType<PostgresJobLock>(lockB);
        await using (var held = await lockA.TryTakeAsync(OutboxSender.Job, Ct))
        {
            Assert.NotNull(held);
            Assert.Null(await lockB.TryTakeAsync(OutboxSender.Job, Ct));
            Assert.False(await b.GetRequiredService<OutboxSender>().RunRoundAsync(true, Ct));
            await using var other = await lockB.TryTakeAsync("meeting-calendar", Ct);
            Assert.NotNull(other);
        }

        await using (var again = await lockB.TryTakeAsync(OutboxSender.Job, Ct))
        {
            Assert.NotNull(again);
        }

        // The claims: two senders with no lock between them, each taking batches at once, send each mail once.
        await using (var db = await a.Db.CreateDbContextAsync(Ct))
        {
            var person = await db.People.Where(p => p.Email != null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            var now = a.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 240; i++)
            {
                db.Notifications.Add(Notification.Create(
                    NotificationKind.ReportPublished, person, $"reader{i}@example.org", "en-GB", $"Report {i}", null, null, "reports", null, DeliveryState.Pending, now));
            }

            await db.SaveChangesAsync(Ct);
        }

        var senderA = a.Root.GetRequiredService<OutboxSender>();
        var senderB = b.GetRequiredService<OutboxSender>();
        var counts = await Task.WhenAll(senderA.SendDueAsync(Ct), senderB.SendDueAsync(Ct), senderA.SendDueAsync(Ct), senderB.SendDueAsync(Ct));
        Assert.Equal(240, counts.Sum());
        await using (var db = await a.Db.CreateDbContextAsync(Ct))
        {
            var sent = await db.Notifications.AsNoTracking().Where(n => n.State == DeliveryState.Sent).Select(n => n.Id).ToListAsync(Ct);
            Assert.Equal(240, sent.Count);
            AssertEachSentOnce(sent);
        }

        // The unique index: chasers written by both instances at once leave one row each, and a second row is refused outright.
        await Task.WhenAll(ChaseQuietlyAsync(a.Root), ChaseQuietlyAsync(b));
        await using (var db = await a.Db.CreateDbContextAsync(Ct))
        {
            var chasers = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.ActionDue || n.Kind == NotificationKind.ActionOverdue).ToListAsync(Ct);
            Assert.NotEmpty(chasers);
            Assert.All(chasers.GroupBy(n => (n.Kind, n.PersonId, n.Link, n.Date)), group => Assert.Single(group));
            var first = chasers.OrderBy(n => n.Id).First();
            db.Notifications.Add(Notification.Create(first.Kind, first.PersonId, first.Email, first.Culture, first.Subject, first.Date, null, first.Link, null, DeliveryState.Pending, first.CreatedUtc));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }
    }

    private static async Task ChaseQuietlyAsync(IServiceProvider instance)
    {
        await using var scope = instance.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ActionChaser>().ChaseAsync(Ct);
        }
        catch (DbUpdateException)
        {
            // The other instance wrote one of them first: the index refused the second.
        }
    }

    private void AssertEachSentOnce(IReadOnlyCollection<long> sent)
    {
        var ids = _smtp.Messages.Select(m => m.Message.MessageId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(sent.Select(id => $"notification-{id}@portal.example").Order(), ids.Order());
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Portal:PublicUrl"] = Site,
        ["Portal:Mail:Host"] = "127.0.0.1",
        ["Portal:Mail:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Portal:Mail:TlsMode"] = "None",
    };

    private static async Task ClearAsync(ServiceHarness portal)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        await db.Notifications.ExecuteDeleteAsync(Ct);
    }
}
