using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Organisation;

/// <summary>
/// The council's structure and its people. Anyone signed in reads it; administrators keep it
/// right. Each write checks the caller, refuses a stale version, leaves an audit entry (through
/// the context) and tells open pages through the change feed.
/// </summary>
public sealed class OrganisationService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ChangeFeed changes)
{
    public async Task<IReadOnlyList<UnitSummary>> GetStructureAsync(CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.People.AsNoTracking()
            .GroupBy(p => p.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
        var units = await db.OrganisationUnits.AsNoTracking()
            .OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.ShortName, u.Kind, u.ParentId })
            .ToListAsync(ct);
        return units.Select(u => new UnitSummary(u.Id, u.Name, u.ShortName, u.Kind, u.ParentId, counts.GetValueOrDefault(u.Id))).ToList();
    }

    public async Task<UnitDetails?> GetUnitAsync(int id, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.OrganisationUnits.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return null;
        }

        var children = await db.OrganisationUnits.AsNoTracking()
            .Where(u => u.ParentId == id).OrderBy(u => u.Name)
            .Select(u => new UnitLink(u.Id, u.Name, u.Kind)).ToListAsync(ct);
        var people = await (
            from p in db.People.AsNoTracking()
            where p.UnitId == id
            join m in db.People.AsNoTracking() on p.LineManagerId equals m.Id into managers
            from m in managers.DefaultIfEmpty()
            orderby p.DisplayName
            select new PersonSummary(p.Id, p.DisplayName, p.JobTitle, p.Email, m == null ? null : m.DisplayName, p.IsCouncillor)).ToListAsync(ct);
        return new UnitDetails(
            unit.Id, unit.Name, unit.ShortName, unit.Description, unit.Kind, unit.Version,
            unit.Parent is null ? null : new UnitLink(unit.Parent.Id, unit.Parent.Name, unit.Parent.Kind),
            children, people);
    }

    /// <summary>Renames a unit. Refused for anyone but an administrator, and for a stale <see cref="UnitEdit.Version"/>.</summary>
    public async Task<int> UpdateUnitAsync(int id, UnitEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new KeyNotFoundException($"No organisation unit {id}.");
        await db.ExpectVersionAsync(unit, edit.Version, ct);
        unit.Rename(edit.Name, edit.ShortName, edit.Description);
        await db.SaveChangesAsync(ct);
        changes.Publish(new UnitChanged(unit.Id));
        return unit.Version;
    }

    /// <summary>Every recorded change to a unit, newest first, from the audit trail.</summary>
    public async Task<IReadOnlyList<ChangeMade>> GetUnitHistoryAsync(int id, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(OrganisationUnit) && a.EntityId == key)
            .OrderByDescending(a => a.Id)
            .Take(100)
            .ToListAsync(ct);
        return entries.SelectMany(AuditChanges.Expand).ToList();
    }
}

public sealed record UnitSummary(int Id, string Name, string? ShortName, UnitKind Kind, int? ParentId, int PeopleCount);

public sealed record UnitLink(int Id, string Name, UnitKind Kind);

public sealed record PersonSummary(int Id, string Name, string? JobTitle, string? Email, string? LineManager, bool IsCouncillor);

public sealed record UnitDetails(
    int Id, string Name, string? ShortName, string? Description, UnitKind Kind, int Version,
    UnitLink? Parent, IReadOnlyList<UnitLink> Children, IReadOnlyList<PersonSummary> People);

/// <summary>What an editor submits: the new values and the version they started from.</summary>
public sealed record UnitEdit(string Name, string? ShortName, string? Description, int Version);

/// <summary>Published after a unit is saved, so open pages showing it reload.</summary>
public sealed record UnitChanged(int UnitId);
