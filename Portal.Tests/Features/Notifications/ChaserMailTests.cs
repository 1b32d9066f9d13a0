using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Notifications;
using Portal.Domain.Plans;
using Portal.Features.Notifications.Chasers;
using Portal.Features.Notifications.Outbox;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Notifications;

/// <summary>
/// Indicator chasers and the directors' weekly summary, written on the council's clock and sent
/// through a real SMTP server on loopback: each once however often the job runs.
/// </summary>
public sealed class ChaserMailTests : IAsyncLifetime
{
    private const string Site = "https://portal.example/";
    private LoopbackSmtp _smtp = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _smtp = await LoopbackSmtp.StartAsync();

    public async ValueTask DisposeAsync() => await _smtp.DisposeAsync();

    private async Task<ServiceHarness> StartAsync(string? summaryDay = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:PublicUrl"] = Site,
            ["Portal:Mail:Host"] = "127.0.0.1",
            ["Portal:Mail:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Mail:TlsMode"] = "None",
        };
        if (summaryDay is not null)
        {
            settings["Portal:Notifications:SummaryDay"] = summaryDay;
        }

        var portal = await ServiceHarness.StartAsync(settings: settings);
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        await db.Notifications.ExecuteDeleteAsync(Ct);
        return portal;
    }

    [Fact]
    public async Task AnIndicatorsOwnerIsChasedOnceBeforeThePeriodEndsAndOnceWhenItsFigureIsOverdue()
    {
        await using var portal = await StartAsync();
        PerformanceIndicator indicator;
        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            // A quarterly indicator with no figure yet for October to December 2026 (quarter 3 of 2026/27).
            var withMail = db.People.Where(p => p.Email != null).Select(p => p.Id);
            indicator = await db.Indicators.AsNoTracking()
                .Where(i => i.Frequency == Frequency.Quarterly && withMail.Contains(i.OwnerId) && !i.Values.Any(v => v.Year == 2026 && v.Period == 3 && v.Actual != null))
                .OrderBy(i => i.Id).FirstAsync(Ct);
        }

        var link = $"plans/indicators/{indicator.Id}";
        var periodEnd = new DateOnly(2026, 12, 31);
        await using var scope = portal.Root.CreateAsyncScope();
        var chaser = scope.ServiceProvider.GetRequiredService<IndicatorChaser>();
        var sender = portal.Root.GetRequiredService<OutboxSender>();

        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 23, 9, 0, 0, TimeSpan.Zero));
        await chaser.ChaseAsync(Ct);
        Assert.DoesNotContain(await RowsAsync(portal, NotificationKind.IndicatorDue), r => r.Link == link);

        // Seven days before the quarter ends: chased once, however often the job runs, and mailed once.
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero));
        Assert.True(await chaser.ChaseAsync(Ct) >= 1);
        Assert.Equal(0, await chaser.ChaseAsync(Ct));
        await sender.SendDueAsync(Ct);
        portal.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await chaser.ChaseAsync(Ct));
        await sender.SendDueAsync(Ct);
        var due = Assert.Single(await RowsAsync(portal, NotificationKind.IndicatorDue), r => r.Link == link);
        Assert.Equal((indicator.OwnerId, periodEnd, DeliveryState.Sent), (due.PersonId!.Value, due.Date!.Value, due.State));
        var mail = Assert.Single(_smtp.Messages, m => m.Message.MessageId == $"notification-{due.Id}@portal.example");
        Assert.Equal([due.Email!], mail.To);
        Assert.Equal($"Indicator figure due soon: {indicator.Code} {indicator.Title}", mail.Message.Subject);
        Assert.Contains("for the period ending 31 December 2026 is due", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Site}{link}", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Site}{link}\"", mail.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Null(mail.Message.Headers["List-Unsubscribe"]);

        // The quarter ended with no figure: overdue, once, and the choice of "off" does not apply.
        Assert.Throws<Portal.Domain.Common.DomainRuleException>(() => NotificationPreference.For(indicator.OwnerId).Choose(NotificationKind.IndicatorOverdue, DeliveryMode.Off));
        portal.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 9, 0, 0, TimeSpan.Zero));
        await chaser.ChaseAsync(Ct);
        await chaser.ChaseAsync(Ct);
        await sender.SendDueAsync(Ct);
        portal.Clock.Advance(TimeSpan.FromDays(5));
        await chaser.ChaseAsync(Ct);
        await sender.SendDueAsync(Ct);
        var overdue = Assert.Single(await RowsAsync(portal, NotificationKind.IndicatorOverdue), r => r.Link == link && r.Date == periodEnd);
        var late = Assert.Single(_smtp.Messages, m => m.Message.MessageId == $"notification-{overdue.Id}@portal.example");
        Assert.Equal($"Indicator figure overdue: {indicator.Code} {indicator.Title}", late.Message.Subject);
        Assert.Contains("ended on 31 December 2026 has not been entered", late.Message.TextBody, StringComparison.Ordinal);

        // Every mail that went is a different notification: nothing was sent twice.
        Assert.Equal(_smtp.Messages.Count, _smtp.Messages.Select(m => m.Message.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task EachDirectorGetsOneWeeklySummaryOfTheirPlanOnTheSummaryDayAtTheDigestHour()
    {
        await using var portal = await StartAsync();
        await using var scope = portal.Root.CreateAsyncScope();
        var summaries = scope.ServiceProvider.GetRequiredService<DirectorSummary>();
        var sender = portal.Root.GetRequiredService<OutboxSender>();

        // Wednesday 25 November: not the day. Monday 30 November before seven in London: not yet.
        Assert.Equal(0, await summaries.WriteDueAsync(Ct));
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 6, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await summaries.WriteDueAsync(Ct));
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 1, 0, TimeSpan.Zero));
        Assert.True(await summaries.WriteDueAsync(Ct) >= 1);
        await sender.SendDueAsync(Ct);
        portal.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await summaries.WriteDueAsync(Ct));
        await sender.SendDueAsync(Ct);

        int heather;
        List<(int Id, string Title, DateOnly Due)> actions;
        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            heather = await db.People.Where(p => p.Email == DemoUsers.Director).Select(p => p.Id).SingleAsync(Ct);
        }

        var row = Assert.Single(await RowsAsync(portal, NotificationKind.DirectorSummary), r => r.PersonId == heather);
        Assert.Equal(new DateOnly(2026, 11, 30), row.Date);
        var planId = int.Parse(row.Link["plans/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            var horizon = new DateOnly(2026, 12, 7);
            actions = (await db.Actions.AsNoTracking()
                    .Where(a => a.PlanId == planId && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Cancelled && a.DueDate <= horizon)
                    .Select(a => new { a.Id, a.Title, a.DueDate }).ToListAsync(Ct))
                .Select(a => (a.Id, a.Title, a.DueDate)).ToList();
        }

        Assert.NotEmpty(actions);
        var mail = Assert.Single(_smtp.Messages, m => m.To.Contains(DemoUsers.Director));
        Assert.Equal(DemoUsers.Director, row.Email);
        Assert.StartsWith("Weekly plan summary: ", mail.Message.Subject, StringComparison.Ordinal);
        var overdue = actions.Count(a => a.Due < new DateOnly(2026, 11, 30));
        Assert.Contains($"Actions overdue: {overdue}; due in the next 7 days: {actions.Count - overdue}.", mail.Message.TextBody, StringComparison.Ordinal);
        foreach (var (id, title, _) in actions)
        {
            Assert.Contains(title, mail.Message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"href=\"{Site}plans/actions/{id}\"", mail.Message.HtmlBody, StringComparison.Ordinal);
        }

        Assert.Contains($"{Site}plans/{planId}", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Null(mail.Message.Headers["List-Unsubscribe"]);

        // Tuesday: nothing; the next Monday: the next week's.
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await summaries.WriteDueAsync(Ct));
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        Assert.True(await summaries.WriteDueAsync(Ct) >= 1);
        Assert.Equal(2, (await RowsAsync(portal, NotificationKind.DirectorSummary)).Count(r => r.PersonId == heather));
    }

    [Fact]
    public async Task TheSummaryDayIsASetting()
    {
        await using var portal = await StartAsync(summaryDay: "Thursday");
        await using var scope = portal.Root.CreateAsyncScope();
        var summaries = scope.ServiceProvider.GetRequiredService<DirectorSummary>();
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        Assert.True(await summaries.WriteDueAsync(Ct) >= 1);
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await summaries.WriteDueAsync(Ct));
    }

    private static async Task<List<Notification>> RowsAsync(ServiceHarness portal, NotificationKind kind)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await db.Notifications.Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync(Ct);
    }
}
