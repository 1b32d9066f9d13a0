namespace Portal.Domain.Plans;

/// <summary>
/// The red/amber/green rating every plan item gets. It is always shown in words beside its
/// colour ("Off track", not only red), because colour alone fails people who cannot see it.
/// </summary>
public enum Rag
{
    /// <summary>Nothing to rate yet (no target or no actual), or the item was cancelled.</summary>
    NotRated = 0,
    Red = 1,
    Amber = 2,
    Green = 3,

    /// <summary>An action that is done; shown apart from green so finished work does not flatter the live picture.</summary>
    Completed = 4,
}
