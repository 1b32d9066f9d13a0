using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Auditing;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// What the public once saw, replayed from the audit trail, so an object that stops being public
/// (deleted, withdrawn, made exempt, its party taken away) is served as deleted rather than
/// vanishing. Every write leaves its entry in the same transaction, with the values it set (an
/// insert all of them), so replaying an item's entries in order gives its values after each
/// write; the caller says, from those values, when the public saw it. Nothing is written for
/// this: no service has to remember a depublication, and none can forget one.
/// </summary>
internal static class OParlHistory
{
    /// <summary>An item's values after one write (null once deleted), in the trail's order.</summary>
    public sealed record Step(long Seq, DateTime At, State? Values);

    /// <summary>The values an item had after a write.</summary>
    public sealed class State(Dictionary<string, JsonElement> values)
    {
        public int? Int(string property) =>
            values.TryGetValue(property, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

        public bool? Bool(string property) =>
            values.TryGetValue(property, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

        public string? Text(string property) =>
            values.TryGetValue(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public State With(Dictionary<string, JsonElement> changed)
        {
            var next = new Dictionary<string, JsonElement>(values, StringComparer.Ordinal);
            foreach (var (name, value) in changed)
            {
                next[name] = value;
            }

            return new State(next);
        }
    }

    /// <summary>The histories of <paramref name="entityType"/>'s items (of <paramref name="ids"/>, or all when null), by id.</summary>
    public static async Task<Dictionary<int, List<Step>>> ReadAsync(PortalDbContext db, string entityType, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType);
        if (ids is not null)
        {
            var keys = ids.Select(Key).ToList();
            query = query.Where(a => keys.Contains(a.EntityId));
        }

        var rows = await query.OrderBy(a => a.Id).Select(a => new { a.Id, a.EntityId, a.OccurredUtc, a.Action, a.After }).ToListAsync(ct);
        var histories = new Dictionary<int, List<Step>>();
        foreach (var row in rows)
        {
            if (!int.TryParse(row.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            if (!histories.TryGetValue(id, out var steps))
            {
                histories[id] = steps = [];
            }

            var last = steps.Count == 0 ? null : steps[^1].Values;
            var values = row.Action switch
            {
                AuditAction.Deleted => null,
                AuditAction.Added => new State(Parse(row.After)),
                _ => (last ?? new State([])).With(Parse(row.After)),
            };
            steps.Add(new Step(row.Id, row.OccurredUtc, values));
        }

        return histories;
    }

    /// <summary>The ids of <paramref name="entityType"/> written at or after <paramref name="since"/>: those whose public life may have ended since.</summary>
    public static async Task<List<int>> ChangedSinceAsync(PortalDbContext db, string entityType, DateTime since, CancellationToken ct) =>
        (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.OccurredUtc >= since).Select(a => a.EntityId).Distinct().ToListAsync(ct))
            .Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .Where(id => id is not null).Select(id => id!.Value).ToList();

    /// <summary>
    /// When an item stopped being public, replaying the histories it depends on together (its own first):
    /// null when <paramref name="isPublic"/> never held, or holds still. Created is its first write; modified, when it went.
    /// </summary>
    public static OParlStamp? Went(IReadOnlyList<IReadOnlyList<Step>> sources, Func<IReadOnlyList<State?>, bool> isPublic)
    {
        var states = new State?[sources.Count];
        var merged = sources.SelectMany((steps, source) => steps.Select(step => (Source: source, Step: step))).OrderBy(e => e.Step.Seq).ToList();
        var (was, now) = (false, false);
        DateTime? went = null;
        foreach (var (source, step) in merged)
        {
            states[source] = step.Values;
            var holds = isPublic(states);
            if (now && !holds)
            {
                went = step.At;
            }

            was |= holds;
            now = holds;
        }

        if (!was || now || went is not DateTime at)
        {
            return null;
        }

        var created = sources.Count > 0 && sources[0].Count > 0 ? sources[0][0].At : merged[0].Step.At;
        return new OParlStamp(created, at);
    }

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
