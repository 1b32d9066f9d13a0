using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Establishment;

/// <summary>Reads about posts that other features share: who holds which post on a date.</summary>
public static class EstablishmentQueries
{
    /// <summary>Each post's holder on <paramref name="date"/> (the acting holder where there is one).</summary>
    public static async Task<Dictionary<int, int>> HoldersOnAsync(this PortalDbContext db, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.PostHoldings.AsNoTracking()
            .Where(h => h.From <= date && (h.To == null || h.To > date))
            .Select(h => new { h.PostId, h.PersonId, h.IsActing })
            .ToListAsync(ct);
        return rows.GroupBy(h => h.PostId).ToDictionary(g => g.Key, g => g.OrderByDescending(h => h.IsActing).First().PersonId);
    }

    /// <summary>The posts <paramref name="personId"/> holds on <paramref name="date"/>.</summary>
    public static async Task<HashSet<int>> PostsHeldAsync(this PortalDbContext db, int personId, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.PostHoldings.AsNoTracking()
                .Where(h => h.PersonId == personId && h.From <= date && (h.To == null || h.To > date))
                .Select(h => h.PostId).ToListAsync(ct))
            .ToHashSet();
    }
}
