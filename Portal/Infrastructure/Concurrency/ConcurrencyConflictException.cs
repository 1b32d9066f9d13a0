namespace Portal.Infrastructure.Concurrency;

/// <summary>
/// A save made against an item someone else has changed since it was opened. Nothing was
/// written; <see cref="Changes"/> says what the other person changed, so the editor can decide.
/// </summary>
public sealed class ConcurrencyConflictException(string entityType, string entityId, IReadOnlyList<ChangeMade> changes)
    : Exception($"{entityType} {entityId} was changed by someone else while it was being edited.")
{
    public string EntityType { get; } = entityType;

    public string EntityId { get; } = entityId;

    public IReadOnlyList<ChangeMade> Changes { get; } = changes;
}

/// <summary>
/// One property someone changed: who, when (UTC), and from what to what. <see cref="Subject"/>
/// names the part of the item it belongs to (a milestone, a quarter) when that is not the item itself.
/// </summary>
public sealed record ChangeMade(string ActorName, DateTime OccurredUtc, string Property, string? Before, string? After, string? Subject = null);
