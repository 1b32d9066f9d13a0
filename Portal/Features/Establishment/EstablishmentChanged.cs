namespace Portal.Features.Establishment;

/// <summary>Published after any change to posts, holders, reporting lines, designations or settings.</summary>
public sealed record EstablishmentChanged(int PostId);
