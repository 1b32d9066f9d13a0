using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Admin.Outbox;

/// <summary>The outbox for administrators: mails by state with the reason for each failure, and trying a failed or waiting one again now.</summary>
public sealed class OutboxAdminService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ChangeFeed changes, TimeProvider clock)
{
    public const int PageSize = 200;

    public async Task<OutboxView> ListAsync(DeliveryState? state, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Notifications.GroupBy(n => n.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var query = db.Notifications.AsNoTracking();
        if (state is DeliveryState only)
        {
            query = query.Where(n => n.State == only);
        }

        var rows = await query.OrderByDescending(n => n.Id).Take(PageSize)
            .Select(n => new OutboxRow(n.Id, n.Kind, n.Email, n.Subject, n.CreatedUtc, n.State, n.Attempts, n.NextAttemptUtc, n.SentUtc, n.LastError))
            .ToListAsync(ct);
        return new OutboxView(counts, rows);
    }

    public async Task RetryAsync(long id, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw new KeyNotFoundException($"No notification {id}.");
        notification.Retry(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        changes.Publish(new OutboxChanged(id));
    }
}

public sealed record OutboxRow(
    long Id, NotificationKind Kind, string? Email, string Subject, DateTime CreatedUtc, DeliveryState State, int Attempts, DateTime? NextAttemptUtc, DateTime? SentUtc, string? LastError);

public sealed record OutboxView(IReadOnlyDictionary<DeliveryState, int> Counts, IReadOnlyList<OutboxRow> Rows);

/// <summary>On the change feed: an administrator retried a mail (which also wakes the sender).</summary>
public sealed record OutboxChanged(long Id);
