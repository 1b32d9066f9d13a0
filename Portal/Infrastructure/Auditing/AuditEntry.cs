namespace Portal.Infrastructure.Auditing;

/// <summary>
/// One write to the database, kept for good: who made it, when (UTC), to what, and the values
/// before and after. Entries are written in the same transaction as the change they record and
/// are never updated or deleted (the database refuses both).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        ActorName = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
    }

    public long Id { get; private set; }

    public DateTime OccurredUtc { get; private set; }

    /// <summary>The Identity user id of whoever made the change, or null for the system or an anonymous visitor.</summary>
    public string? ActorId { get; private set; }

    public string ActorName { get; private set; }

    public AuditAction Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>The item's version after the change, so a refused stale edit can list what happened since.</summary>
    public int? EntityVersion { get; private set; }

    /// <summary>The changed properties' values before the change, as a JSON object; null for an insert.</summary>
    public string? Before { get; private set; }

    /// <summary>The changed properties' values after the change, as a JSON object; null for a delete.</summary>
    public string? After { get; private set; }

    public static AuditEntry Record(
        DateTime occurredUtc, string? actorId, string actorName, AuditAction action,
        string entityType, string entityId, int? entityVersion, string? before, string? after) =>
        new()
        {
            OccurredUtc = occurredUtc,
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            EntityVersion = entityVersion,
            Before = before,
            After = after,
        };
}

public enum AuditAction
{
    Added = 0,
    Modified = 1,
    Deleted = 2,
}
