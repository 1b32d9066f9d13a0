using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>People's and units' names by id, for the services that show who and where beside what.</summary>
internal static class Names
{
    public static Task<Dictionary<int, string>> PeopleNamesAsync(this PortalDbContext db, CancellationToken ct) =>
        db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);

    public static Task<Dictionary<int, string>> UnitNamesAsync(this PortalDbContext db, CancellationToken ct) =>
        db.OrganisationUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
}
