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

    /// <summary>
    /// The directorate a unit sits in (itself, if it is one), walking up through
    /// <paramref name="unitOf"/>; null above or outside any directorate. Plan rights and the golden
    /// thread's coverage both answer "whose directorate is this?" with it.
    /// </summary>
    public static int? DirectorateOf(int unitId, Func<int, (UnitKind Kind, int? ParentId)?> unitOf)
    {
        ArgumentNullException.ThrowIfNull(unitOf);
        int? current = unitId;
        for (var depth = 0; current is int id && depth < 10 && unitOf(id) is { } unit; depth++)
        {
            if (unit.Kind == UnitKind.Directorate)
            {
                return id;
            }

            current = unit.ParentId;
        }

        return null;
    }
}
