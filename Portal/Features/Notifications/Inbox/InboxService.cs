using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Outbox;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Notifications.Inbox;

/// <summary>A person's own notifications in the portal: the list, the unread count in the top bar, and opening one (which marks it read). Nobody reads another's.</summary>
public sealed class InboxService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ChangeFeed changes, TimeProvider clock)
{
    public const int ListSize = 100;

    /// <summary>The caller's person, or null for a visitor or a sign-in with no person.</summary>
    internal async Task<int?> MeAsync()
    {
        var principal = await currentUser.GetPrincipalAsync();
        return int.TryParse(principal.FindFirstValue(PortalClaims.PersonId), out var id) ? id : null;
    }

    public async Task<IReadOnlyList<NotificationRow>> ListAsync(CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        if (await MeAsync() is not int me)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.PersonId == me && n.Kind != NotificationKind.Digest)
            .OrderByDescending(n => n.Id).Take(ListSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Subject, n.Date, n.Detail, n.CreatedUtc, n.ReadUtc != null, n.State))
            .ToListAsync(ct);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct)
    {
        if (await MeAsync() is not int me)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.PersonId == me && n.ReadUtc == null && n.Kind != NotificationKind.Digest, ct);
    }

    /// <summary>Marks the caller's notification read and returns the page it links to; null when it is not the caller's.</summary>
    public async Task<string?> OpenAsync(long id, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        if (await MeAsync() is not int me)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.PersonId == me, ct);
        if (notification is null)
        {
            return null;
        }

        if (notification.ReadUtc is null)
        {
            notification.MarkRead(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            changes.Publish(new NotificationsChanged(new HashSet<int> { me }));
        }

        return "/" + notification.Link;
    }
}

public sealed record NotificationRow(long Id, NotificationKind Kind, string Subject, DateOnly? Date, string? Detail, DateTime CreatedUtc, bool IsRead, DeliveryState State);
