namespace Portal.Domain.Common;

/// <summary>
/// Base for everything the portal keeps. <see cref="Version"/> is the optimistic concurrency
/// token: SQLite has no rowversion, so the app raises it on every save and refuses a save made
/// against an older version, which is how a stale edit is caught instead of silently winning.
/// </summary>
public abstract class Entity
{
    public int Id { get; protected set; }

    /// <summary>Raised by one on every successful save; 1 once first saved.</summary>
    public int Version { get; private set; }
}
