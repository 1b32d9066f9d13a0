using Portal.Domain.Thread;

namespace Portal.Features.Thread.Editing;

/// <summary>What the reader may change about an item on the thread: its status (where it has one) and what it contributes to.</summary>
public sealed record ThreadEditing(bool CanEdit, bool HasStatus, ThreadStatus Status, IReadOnlyList<(ThreadNodeView Parent, bool IsPrimary)> Parents);
