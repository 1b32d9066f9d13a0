using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// The votes taken under an agenda item, for OParl's AgendaItem: its <c>result</c> in words and, as
/// <c>portal:votes</c>, each vote's question, result, counts, casting vote and (for a recorded vote) who
/// voted how. Only where a visitor reads the item's outcome: never under a private item or one
/// that takes an exempt report, where the item keeps its title and nothing more.
/// </summary>
internal static class OParlVotes
{
    public sealed record ItemVotes(string Result, JsonArray Votes, OParlStamp? Stamp);

    public static async Task<Dictionary<int, ItemVotes>> ReadAsync(
        PortalDbContext db, OParlLinks links, IReadOnlyDictionary<int, Body> scope, IReadOnlyCollection<AgendaItem> items, CancellationToken ct)
    {
        var exemptItems = await ExemptItemsAsync(db, items.Select(i => i.Id).ToList(), ct);
        var open = items.Where(i => Confidentiality.MayRead(MeetingReader.Public, i) && !exemptItems.Contains(i.Id)).Select(i => i.Id).ToList();
        if (open.Count == 0)
        {
            return [];
        }

        var votes = await db.Votes.AsNoTracking().Include(v => v.Ballots).Where(v => open.Contains(v.AgendaItemId)).OrderBy(v => v.Id).ToListAsync(ct);
        if (votes.Count == 0)
        {
            return [];
        }

        var names = await db.PeopleNamesAsync(ct);
        var persons = (await db.Councillors.AsNoTracking().Select(c => c.PersonId).ToListAsync(ct))
            .Concat(scope.Values.SelectMany(b => b.Members).Where(m => m.PersonId is not null).Select(m => m.PersonId!.Value)).ToHashSet();
        var stamps = await OParlStamps.ReadAsync(db, nameof(Vote), votes.Select(v => v.Id).ToList(), ct);
        return votes.GroupBy(v => v.AgendaItemId).ToDictionary(g => g.Key, g => new ItemVotes(
            string.Join("; ", g.Select(Words)),
            new JsonArray([.. g.Select(v => (JsonNode)Write(links, v, names, persons))]),
            g.Select(v => stamps.GetValueOrDefault(v.Id)).Where(s => s is not null).Aggregate((OParlStamp?)null, (a, s) => a is null ? s : a.With(s))));
    }

    /// <summary>The items that take an exempt report: their votes stay in the meeting's private part.</summary>
    public static async Task<HashSet<int>> ExemptItemsAsync(PortalDbContext db, List<int> itemIds, CancellationToken ct) =>
        (await db.Reports.AsNoTracking().Where(r => r.IsExempt && r.AgendaItemId != null && itemIds.Contains(r.AgendaItemId.Value)).Select(r => r.AgendaItemId!.Value).ToListAsync(ct)).ToHashSet();

    /// <summary>"Carried: 7 for, 3 against, 1 abstention (casting vote: for)".</summary>
    private static string Words(Vote vote) =>
        string.Create(CultureInfo.InvariantCulture, $"{vote.Result}: {vote.ForCount} for, {vote.AgainstCount} against, {vote.AbstainCount} abstaining")
        + (vote.CastingVote is VoteChoice casting ? $" (chair's casting vote: {casting})" : string.Empty);

    private static JsonObject Write(OParlLinks links, Vote vote, Dictionary<int, string> names, HashSet<int> persons)
    {
        var node = new JsonObject
        {
            ["motion"] = vote.Motion,
            ["result"] = vote.Result.ToString(),
            ["for"] = vote.ForCount,
            ["against"] = vote.AgainstCount,
            ["abstain"] = vote.AbstainCount,
            ["recorded"] = vote.IsRecorded,
        };
        if (vote.CastingVote is VoteChoice casting)
        {
            node["castingVote"] = casting.ToString();
        }

        if (vote.IsRecorded)
        {
            node["ballots"] = new JsonArray([.. vote.Ballots.OrderBy(b => b.Id).Select(b => (JsonNode)new JsonObject
            {
                ["name"] = names.GetValueOrDefault(b.PersonId),
                ["choice"] = b.Choice.ToString(),
            }
            .Set("person", persons.Contains(b.PersonId) ? links.Person(b.PersonId) : null)
            .Set("reservation", b.Reservation ? true : null))]);
        }

        return node;
    }
}
