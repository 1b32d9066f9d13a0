namespace Portal.Features.Notifications.Outbox;

/// <summary>On the change feed: these people's notifications changed (one arrived, or was read), so their unread count and list reload.</summary>
public sealed record NotificationsChanged(IReadOnlySet<int> PersonIds);
