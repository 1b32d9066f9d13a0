using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Auditing;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// Created and modified times, and deletions, for OParl, from the audit trail: every write to
/// the database leaves an entry in the same transaction, so the first entry of an item is when
/// it was created, the last when it last changed, and a "deleted" entry when it went (with the
/// values it had, so the caller can tell whether the public ever saw it). An item older than
/// its trail (none in practice) takes the installation's own time.
/// </summary>
internal static class OParlStamps
{
    public static async Task<OParlStamp> FallbackAsync(PortalDbContext db, CancellationToken ct)
    {
        var created = await db.Installations.AsNoTracking().OrderBy(i => i.Id).Select(i => (DateTime?)i.CreatedUtc).FirstOrDefaultAsync(ct) ?? DateTime.UnixEpoch;
        return new OParlStamp(created, created);
    }

    /// <summary>The stamps of <paramref name="ids"/> of <paramref name="entityType"/> (the entity's class name, as the trail records it).</summary>
    public static async Task<Dictionary<int, OParlStamp>> ReadAsync(PortalDbContext db, string entityType, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var keys = ids.Select(Key).ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && keys.Contains(a.EntityId))
            .Select(a => new { a.EntityId, a.OccurredUtc })
            .ToListAsync(ct);
        return rows.GroupBy(r => int.Parse(r.EntityId, CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => new OParlStamp(g.Min(r => r.OccurredUtc), g.Max(r => r.OccurredUtc)));
    }

    /// <summary>
    /// Agenda items' stamps covering what each serves besides its own row: the votes taken under it (and
    /// their ballots, and any vote since struck out) and the report taken under it. A vote recorded after
    /// the item was last edited changes the item's <c>result</c>, so an update since a time must bring it.
    /// </summary>
    public static async Task<Dictionary<int, OParlStamp>> AgendaItemsAsync(PortalDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var stamps = await ReadAsync(db, nameof(Portal.Domain.Meetings.AgendaItem), ids, ct);
        if (ids.Count == 0)
        {
            return stamps;
        }

        void Cover(int item, OParlStamp? other)
        {
            if (other is not null && stamps.TryGetValue(item, out var own))
            {
                stamps[item] = own.With(other);
            }
        }

        var votes = await db.Votes.AsNoTracking().Include(v => v.Ballots).Where(v => ids.Contains(v.AgendaItemId)).ToListAsync(ct);
        var voteStamps = await ReadAsync(db, nameof(Portal.Domain.Meetings.Vote), votes.Select(v => v.Id).ToList(), ct);
        votes.ForEach(v => Cover(v.AgendaItemId, voteStamps.GetValueOrDefault(v.Id)));
        var ballots = votes.SelectMany(v => v.Ballots.Select(b => (b.Id, v.AgendaItemId))).ToList();
        var ballotStamps = await ReadAsync(db, nameof(Portal.Domain.Meetings.Ballot), ballots.Select(b => b.Id).ToList(), ct);
        ballots.ForEach(b => Cover(b.AgendaItemId, ballotStamps.GetValueOrDefault(b.Id)));
        var struck = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Portal.Domain.Meetings.Vote) && a.Action == AuditAction.Deleted)
            .Select(a => new { a.OccurredUtc, a.Before }).ToListAsync(ct);
        foreach (var vote in struck)
        {
            if (new DeletedValues(vote.Before).Int(nameof(Portal.Domain.Meetings.Vote.AgendaItemId)) is int item)
            {
                Cover(item, new OParlStamp(vote.OccurredUtc, vote.OccurredUtc));
            }
        }

        // Only a report the public reads: an edit to a draft or an exempt one must not show, even as a time.
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.AgendaItemId != null && ids.Contains(r.AgendaItemId.Value) && r.Status == Portal.Domain.Reports.ReportStatus.Published && !r.IsExempt)
            .Select(r => new { r.Id, Item = r.AgendaItemId!.Value }).ToListAsync(ct);
        var reportStamps = await ReadAsync(db, nameof(Portal.Domain.Reports.Report), reports.Select(r => r.Id).ToList(), ct);
        reports.ForEach(r => Cover(r.Item, reportStamps.GetValueOrDefault(r.Id)));
        return stamps;
    }

    /// <summary>
    /// Items of <paramref name="entityType"/> deleted at or after <paramref name="since"/> (any time when null) that
    /// <paramref name="wasPublic"/> says the public could see, each with its stamp (modified: when it went).
    /// </summary>
    public static async Task<List<(int Id, OParlStamp Stamp)>> DeletedAsync(
        PortalDbContext db, string entityType, DateTime? since, int? onlyId, Func<DeletedValues, bool> wasPublic, CancellationToken ct)
    {
        var only = onlyId is int id ? Key(id) : null;
        var deleted = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.Action == AuditAction.Deleted)
            .Where(a => since == null || a.OccurredUtc >= since)
            .Where(a => only == null || a.EntityId == only)
            .Select(a => new { a.EntityId, a.OccurredUtc, a.Before })
            .ToListAsync(ct);
        var kept = deleted.Where(d => wasPublic(new DeletedValues(d.Before))).ToList();
        if (kept.Count == 0)
        {
            return [];
        }

        var keys = kept.Select(d => d.EntityId).Distinct().ToList();
        var created = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == entityType && keys.Contains(a.EntityId) && a.Action == AuditAction.Added)
                .Select(a => new { a.EntityId, a.OccurredUtc })
                .ToListAsync(ct))
            .GroupBy(a => a.EntityId).ToDictionary(g => g.Key, g => g.Min(a => a.OccurredUtc));
        return kept.GroupBy(d => d.EntityId)
            .Select(g => (int.Parse(g.Key, CultureInfo.InvariantCulture), new OParlStamp(created.GetValueOrDefault(g.Key, g.Min(d => d.OccurredUtc)), g.Max(d => d.OccurredUtc))))
            .OrderBy(d => d.Item1)
            .ToList();
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The values a deleted item had, as its "deleted" audit entry recorded them.</summary>
internal sealed class DeletedValues(string? json)
{
    private readonly Dictionary<string, JsonElement> _values = Parse(json);

    public int? Int(string property) =>
        _values.TryGetValue(property, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    public bool? Bool(string property) =>
        _values.TryGetValue(property, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }
}
