using Portal.Components.Shared;

namespace Portal.Features.Notifications.Distribution;

/// <summary>One entry on a body's distribution list as its managers see it: a person by name, or an outside address with its display name.</summary>
public sealed record DistributionEntry(int Id, int? PersonId, string Name, string? Email);

/// <summary>A body's distribution list for those who may manage the body, with the people they may add.</summary>
public sealed record DistributionView(int BodyId, IReadOnlyList<DistributionEntry> Entries, IReadOnlyList<NamedItem> People);

