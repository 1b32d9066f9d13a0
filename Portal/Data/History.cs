using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Concurrency;

namespace Portal.Data;

/// <summary>An item's recorded changes, read from the audit trail for the history beside it.</summary>
internal static class History
{
    /// <summary>Bookkeeping columns a reader does not need in a history: who entered a figure is said by name, when by the entry itself.</summary>
    private static readonly HashSet<string> Unremarkable = new(StringComparer.Ordinal) { "EnteredById", "EnteredUtc", "ApprovedUtc", "RecordedUtc", "DoneOn" };

    /// <summary>Recorded changes to an item, newest first, from the audit trail.</summary>
    public static Task<List<ChangeMade>> HistoryAsync(this PortalDbContext db, string entityType, IEnumerable<int> ids, CancellationToken ct) =>
        db.HistoryAsync(entityType, ids.ToDictionary(id => id, _ => (string?)null), includeCreated: true, ct);

    /// <summary>
    /// Recorded changes to the parts of an item (its milestones, its quarters), each change naming
    /// its part by <paramref name="subjects"/>. A part being created is left out unless asked for:
    /// a quarter's empty row appearing is not news.
    /// </summary>
    public static async Task<List<ChangeMade>> HistoryAsync(
        this PortalDbContext db, string entityType, IReadOnlyDictionary<int, string?> subjects, bool includeCreated, CancellationToken ct)
    {
        var keys = subjects.Keys.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && keys.Contains(a.EntityId))
            .OrderByDescending(a => a.Id)
            .Take(200)
            .ToListAsync(ct);
        return entries
            .SelectMany(e => AuditChanges.Expand(e).Select(c => c with
            {
                Subject = subjects.GetValueOrDefault(int.Parse(e.EntityId, CultureInfo.InvariantCulture)),
            }))
            .Where(c => includeCreated || c.Property != AuditChanges.Created)
            .Where(c => !Unremarkable.Contains(c.Property))
            .ToList();
    }
}
