using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Organisation;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Plans;

/// <summary>
/// Which directorate each person works in, read once and shared. Every plan service asks who is
/// calling before it reads or writes, and the answer needs the person's unit and the unit tree
/// above it: read for every call, that was two queries (one of them the whole tree) per page per
/// change, and a progress update that reloads a hundred open dashboards asked a hundred times.
/// </summary>
/// <remarks>
/// A <see cref="SharedRead{T}"/>, like each of <see cref="Dashboard.DashboardCache"/>'s dashboards: kept while
/// nothing has been published on the <see cref="ChangeFeed"/> since it was read (moving a person
/// or a unit is published there) and for <see cref="MaxAge"/> at most. It holds
/// where people sit, not what they may do: roles come from the caller's own sign-in every time.
/// </remarks>
public sealed class DirectorateMap(ChangeFeed changes, TimeProvider clock, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private SharedRead<IReadOnlyDictionary<int, int?>>? _current;

    /// <summary>The directorate <paramref name="personId"/> works in, or null if they are in none (or are not a person here).</summary>
    public async Task<int?> OfPersonAsync(int personId, CancellationToken ct)
    {
        var directorates = await CurrentAsync(fresh: false).WaitAsync(ct);
        if (!directorates.ContainsKey(personId))
        {
            // Someone added since it was read, outside the change feed (set-up makes the first administrator): read again.
            directorates = await CurrentAsync(fresh: true).WaitAsync(ct);
        }

        return directorates.TryGetValue(personId, out var directorate) ? directorate : null;
    }

    private Task<IReadOnlyDictionary<int, int?>> CurrentAsync(bool fresh)
    {
        SharedRead<IReadOnlyDictionary<int, int?>> current;
        lock (_gate)
        {
            if (fresh || _current is null || !_current.IsGood)
            {
                _current = new SharedRead<IReadOnlyDictionary<int, int?>>(changes, clock, MaxAge, ReadAsync);
            }

            current = _current;
        }

        return current.Value;
    }

    private async Task<IReadOnlyDictionary<int, int?>> ReadAsync()
    {
        await Task.Yield(); // off the first caller's renderer
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var units = await db.OrganisationUnits.AsNoTracking().Select(u => new { u.Id, u.Kind, u.ParentId }).ToDictionaryAsync(u => u.Id);
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.UnitId }).ToListAsync();
        var byUnit = new Dictionary<int, int?>();
        int? DirectorateOf(int unitId)
        {
            if (!byUnit.TryGetValue(unitId, out var directorate))
            {
                directorate = UnitKindRules.DirectorateOf(unitId, id => units.TryGetValue(id, out var u) ? (u.Kind, u.ParentId) : null);
                byUnit[unitId] = directorate;
            }

            return directorate;
        }

        return people.ToDictionary(p => p.Id, p => DirectorateOf(p.UnitId));
    }
}
