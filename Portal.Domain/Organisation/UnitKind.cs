namespace Portal.Domain.Organisation;

/// <summary>The levels of a council's structure, from the council itself down to a team.</summary>
public enum UnitKind
{
    Council = 0,
    Directorate = 1,
    Service = 2,
    Team = 3,
}

public static class UnitKindRules
{
    /// <summary>The kind a unit's parent must be, or null for the council, which has none.</summary>
    public static UnitKind? ParentKindOf(UnitKind kind) => kind switch
    {
        UnitKind.Council => null,
        UnitKind.Directorate => UnitKind.Council,
        UnitKind.Service => UnitKind.Directorate,
        UnitKind.Team => UnitKind.Service,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
