using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Mail;
using Portal.Infrastructure.Hosting;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Notifications.Outbox;

/// <summary>
/// The one sender: wakes after any change (the change feed) or every few seconds, claims the due
/// mails, sends them on one connection, and marks each sent, or waiting again with the reason and
/// an exponential back-off, or failed when refused for good or out of attempts. A claim is a lease:
/// a mail the process died while sending goes again once its lease runs out, with the same
/// Message-Id. It also tells open pages of new notifications, chases owners of actions and indicator figures due or overdue,
/// writes the directors' weekly summaries, and makes the daily digests. <see cref="Chasers.ChaserOptions.SenderStartDelay"/> holds back its first mail (not its writing).
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, ConfiguredMail mail, ChangeFeed changes, TimeProvider clock, ILogger<OutboxSender> logger,
    Microsoft.Extensions.Options.IOptions<Chasers.ChaserOptions> chasers, IJobLock jobs) : BackgroundService
{
    /// <summary>The name of the round's <see cref="IJobLock"/>.</summary>
    public const string Job = "notifications";

    private const int BatchSize = 100;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _lastSeen = -1;

    /// <summary>Sends what is due now and returns how many were sent; the loop calls it, and so may a test.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (mail.Transport is not IMailTransport transport)
        {
            return 0;
        }

        var sent = 0;
        while (true)
        {
            var claimed = await ClaimAsync(ct);
            if (claimed.Count == 0)
            {
                return sent;
            }

            sent += await SendAsync(transport, claimed, ct);
        }
    }

    /// <summary>
    /// One round: the chasers, reminders, summaries and digests written, then (when <paramref name="send"/>)
    /// what is due sent. On several instances only the one holding the round's <see cref="IJobLock"/>
    /// does it (false: another instance is); the claims in <see cref="SendDueAsync"/> and the
    /// reminders' unique index keep a round that lost its lock from sending or writing twice.
    /// </summary>
    public async Task<bool> RunRoundAsync(bool send, CancellationToken ct)
    {
        await using var held = await jobs.TryTakeAsync(Job, ct);
        if (held is null)
        {
            return false;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Chasers.ActionChaser>().ChaseAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Members.Register.InterestReminder>().RemindAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Chasers.IndicatorChaser>().ChaseAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Chasers.DirectorSummary>().WriteDueAsync(ct);
            await scope.ServiceProvider.GetRequiredService<DigestWriter>().WriteDueAsync(ct);
        }

        if (send)
        {
            await SendDueAsync(ct);
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sendFrom = clock.GetUtcNow() + chasers.Value.SenderStartDelay;
        using var subscription = changes.Subscribe<object>(change =>
        {
            if (change is not NotificationsChanged)
            {
                Wake();
            }
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await AnnounceNewAsync(stoppingToken);
                await RunRoundAsync(clock.GetUtcNow() >= sendFrom, stoppingToken);
                await AnnounceNewAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox sender failed a round; it tries again");
            }

            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(Math.Max(0.05, mail.Options.PollSeconds)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private async Task<List<Notification>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // A lease run out: the process died while sending. The mail may have gone; it goes again with the same Message-Id.
        await db.Notifications.Where(n => n.State == DeliveryState.Sending && n.LeaseUntilUtc < now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, DeliveryState.Pending).SetProperty(n => n.NextAttemptUtc, now)
                .SetProperty(n => n.LastError, "Interrupted while sending (the portal stopped); sent again."), ct);
        var due = await db.Notifications.AsNoTracking()
            .Where(n => n.State == DeliveryState.Pending && n.NextAttemptUtc <= now)
            .OrderBy(n => n.Id).Select(n => n.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return [];
        }

        // Each row goes from waiting to sending once, with this claim's own token: a sender on another instance that
        // chose the same rows updates none of them (its update finds them sending), so it never sends them too.
        var lease = now.AddSeconds(mail.Options.LeaseSeconds);
        var claim = Guid.NewGuid();
        await db.Notifications.Where(n => due.Contains(n.Id) && n.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, DeliveryState.Sending).SetProperty(n => n.LeaseUntilUtc, lease)
                .SetProperty(n => n.ClaimId, claim).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
        return await db.Notifications.AsNoTracking().Where(n => due.Contains(n.Id) && n.State == DeliveryState.Sending && n.ClaimId == claim)
            .OrderBy(n => n.Id).ToListAsync(ct);
    }

    private async Task<int> SendAsync(IMailTransport transport, List<Notification> claimed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var composer = scope.ServiceProvider.GetRequiredService<MailComposer>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        IMailConnection connection;
        try
        {
            connection = await transport.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("The mail server could not be reached: {Reason}", ex.Message);
            foreach (var n in claimed)
            {
                await WaitAgainAsync(db, n, Reason(ex), ct);
            }

            return 0;
        }

        var sent = 0;
        await using (connection)
        {
            for (var i = 0; i < claimed.Count; i++)
            {
                var n = claimed[i];
                try
                {
                    var message = await composer.ComposeAsync(n, ct);
                    await connection.SendAsync(message, ct);
                }
                catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
                {
                    // Refused for good (no such mailbox, a bad address): trying again would not help.
                    await MarkAsync(db, n, DeliveryState.Failed, Reason(ex), ct);
                    continue;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The server or the network failed: this one and the rest wait for the next attempt.
                    foreach (var rest in claimed.Skip(i))
                    {
                        await WaitAgainAsync(db, rest, Reason(ex), ct);
                    }

                    return sent;
                }

                await MarkAsync(db, n, DeliveryState.Sent, null, ct);
                sent++;
            }
        }

        return sent;
    }

    // Both writes are the claim's own: a claim whose lease ran out and was claimed again leaves the row to the later claim.
    private async Task MarkAsync(PortalDbContext db, Notification claimed, DeliveryState state, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Id == claimed.Id && n.ClaimId == claimed.ClaimId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, state).SetProperty(n => n.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(n => n.SentUtc, state == DeliveryState.Sent ? now : null).SetProperty(n => n.LastError, reason), CancellationToken.None);
        ct.ThrowIfCancellationRequested();
    }

    private async Task WaitAgainAsync(PortalDbContext db, Notification n, string reason, CancellationToken ct)
    {
        if (n.Attempts >= mail.Options.MaxAttempts)
        {
            await MarkAsync(db, n, DeliveryState.Failed, reason, ct);
            return;
        }

        var next = clock.GetUtcNow().UtcDateTime.AddSeconds(mail.Options.RetrySeconds * Math.Pow(2, Math.Max(0, n.Attempts - 1)));
        await db.Notifications.Where(x => x.Id == n.Id && x.ClaimId == n.ClaimId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, DeliveryState.Pending).SetProperty(x => x.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(x => x.NextAttemptUtc, next).SetProperty(x => x.LastError, reason), CancellationToken.None);
    }

    /// <summary>Publishes who has new notifications since the last look, so their unread counts move.</summary>
    private async Task AnnounceNewAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        if (_lastSeen < 0)
        {
            _lastSeen = await db.Notifications.MaxAsync(n => (long?)n.Id, ct) ?? 0;
            return;
        }

        var fresh = await db.Notifications.AsNoTracking().Where(n => n.Id > _lastSeen)
            .Select(n => new { n.Id, n.PersonId }).ToListAsync(ct);
        if (fresh.Count == 0)
        {
            return;
        }

        _lastSeen = fresh.Max(n => n.Id);
        var people = fresh.Select(n => n.PersonId).OfType<int>().ToHashSet();
        if (people.Count > 0)
        {
            changes.Publish(new NotificationsChanged(people));
        }
    }

    private static string Reason(Exception ex)
    {
        var reason = ex is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message}" : ex.Message;
        return reason.Length <= Notification.ErrorMaxLength ? reason : reason[..Notification.ErrorMaxLength];
    }
}
