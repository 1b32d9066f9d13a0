using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Members;
using Portal.Domain.Organisation;
using Portal.Domain.Reports;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// The objects the public once saw that are no longer served, each with when it went, from
/// <see cref="OParlHistory"/>: a Paper whose report was withdrawn from publication or deleted; a
/// File whose annex was removed or made exempt, or whose report was made exempt or withdrawn; a
/// party, a councillor's party membership, and a Person who no longer sits on a public body and
/// is no longer a councillor. A body made internal takes its papers with it unannounced, as an
/// internal group is never admitted to exist. The callers write only id, type, created, modified
/// and <c>deleted</c>: nothing of what the item said.
/// </summary>
internal static class OParlTombstones
{
    public static async Task<List<(int Id, OParlStamp Stamp)>> PapersAsync(
        PortalDbContext db, IReadOnlyDictionary<int, Body> bodies, IReadOnlyCollection<int> live, bool consultations, DateTime? since, int? onlyId, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(db, nameof(Report), live, since, onlyId, ct);
        if (candidates.Count == 0)
        {
            return [];
        }

        var histories = await OParlHistory.ReadAsync(db, nameof(Report), candidates, ct);
        return Gone(histories.Select(h => (h.Key, OParlHistory.Went([h.Value], s => IsPaper(s[0], bodies) && (!consultations || s[0]!.Int(nameof(Report.MeetingId)) is not null)))));
    }

    /// <summary>Annexes a visitor could open (not exempt, of a published open report before a public body) and no longer can.</summary>
    public static async Task<List<(int Id, OParlStamp Stamp)>> FilesAsync(
        PortalDbContext db, IReadOnlyDictionary<int, Body> bodies, IReadOnlyCollection<int> live, DateTime? since, int? onlyId, CancellationToken ct)
    {
        var annexes = await OParlHistory.ReadAsync(db, nameof(Annex), onlyId is int one ? [one] : null, ct);
        var reportOf = annexes.Where(a => !live.Contains(a.Key))
            .ToDictionary(a => a.Key, a => a.Value.Select(s => s.Values?.Int(nameof(Annex.ReportId))).LastOrDefault(r => r is not null));
        var candidates = reportOf.Keys.ToList();
        if (since is DateTime from)
        {
            var changed = (await OParlHistory.ChangedSinceAsync(db, nameof(Report), from, ct)).ToHashSet();
            candidates = candidates.Where(id => annexes[id].Exists(s => s.At >= from) || (reportOf[id] is int r && changed.Contains(r))).ToList();
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var reports = await OParlHistory.ReadAsync(db, nameof(Report), candidates.Select(id => reportOf[id]).OfType<int>().Distinct().ToList(), ct);
        return Gone(candidates.Select(id => (id, OParlHistory.Went(
            [annexes[id], reportOf[id] is int r ? reports.GetValueOrDefault(r) ?? [] : []],
            s => s[0]?.Bool(nameof(Annex.IsExempt)) == false && IsPaper(s[1], bodies) && s[1]!.Bool(nameof(Report.IsExempt)) == false))));
    }

    public static async Task<List<(int Id, OParlStamp Stamp)>> PartiesAsync(
        PortalDbContext db, IReadOnlyCollection<int> live, DateTime? since, int? onlyId, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(db, nameof(Party), live, since, onlyId, ct);
        var histories = candidates.Count == 0 ? [] : await OParlHistory.ReadAsync(db, nameof(Party), candidates, ct);
        return Gone(histories.Select(h => (h.Key, OParlHistory.Went([h.Value], s => s[0] is not null))));
    }

    /// <summary>Party memberships, by councillor id: a councillor who had a party and has none now, or is gone.</summary>
    public static async Task<List<(int Id, OParlStamp Stamp)>> PartyMembershipsAsync(
        PortalDbContext db, IReadOnlyCollection<int> live, DateTime? since, int? onlyId, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(db, nameof(Councillor), live, since, onlyId, ct);
        var histories = candidates.Count == 0 ? [] : await OParlHistory.ReadAsync(db, nameof(Councillor), candidates, ct);
        return Gone(histories.Select(h => (h.Key, OParlHistory.Went([h.Value], s => s[0]?.Int(nameof(Councillor.PartyId)) is not null))));
    }

    /// <summary>People who sat on a public body in their own name, or were councillors, and are neither now.</summary>
    public static async Task<List<(int Id, OParlStamp Stamp)>> PeopleAsync(
        PortalDbContext db, IReadOnlyDictionary<int, Body> bodies, IReadOnlyCollection<int> live, int? onlyId, CancellationToken ct)
    {
        var seats = await OParlHistory.ReadAsync(db, nameof(BodyMember), null, ct);
        var councillors = await OParlHistory.ReadAsync(db, nameof(Councillor), null, ct);
        static IEnumerable<(int Person, List<OParlHistory.Step> Steps)> Holders(Dictionary<int, List<OParlHistory.Step>> histories) =>
            histories.Values.SelectMany(steps => steps.Select(s => s.Values?.Int("PersonId")).OfType<int>().Distinct().Select(p => (p, steps)));
        var seatsOf = Holders(seats).ToLookup(h => h.Person, h => h.Steps);
        var councillorOf = Holders(councillors).ToLookup(h => h.Person, h => h.Steps);
        var candidates = seatsOf.Select(g => g.Key).Union(councillorOf.Select(g => g.Key))
            .Where(id => !live.Contains(id) && (onlyId is null || id == onlyId)).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var own = await OParlHistory.ReadAsync(db, nameof(Person), candidates, ct);
        return Gone(candidates.Select(id =>
        {
            var held = seatsOf[id].ToList();
            var sources = new List<IReadOnlyList<OParlHistory.Step>> { own.GetValueOrDefault(id) ?? [] };
            sources.AddRange(held);
            sources.AddRange(councillorOf[id]);
            return (id, OParlHistory.Went(sources, s =>
                s.Skip(1).Take(held.Count).Any(seat => seat?.Int("PersonId") == id && seat.Int(nameof(BodyMember.BodyId)) is int b && bodies.ContainsKey(b))
                || s.Skip(1 + held.Count).Any(c => c?.Int("PersonId") == id)));
        }));
    }

    private static bool IsPaper(OParlHistory.State? report, IReadOnlyDictionary<int, Body> bodies) =>
        report is not null && report.Text(nameof(Report.Status)) == nameof(ReportStatus.Published) && report.Int(nameof(Report.BodyId)) is int b && bodies.ContainsKey(b);

    /// <summary>The items that may have gone: the one asked for, or those written since the time asked; never one served now.</summary>
    private static async Task<List<int>> CandidatesAsync(
        PortalDbContext db, string entityType, IReadOnlyCollection<int> live, DateTime? since, int? onlyId, CancellationToken ct)
    {
        var ids = onlyId is int one ? [one] : await OParlHistory.ChangedSinceAsync(db, entityType, since ?? DateTime.MinValue, ct);
        return ids.Where(id => !live.Contains(id)).ToList();
    }

    private static List<(int Id, OParlStamp Stamp)> Gone(IEnumerable<(int Id, OParlStamp? Stamp)> items) =>
        items.Where(i => i.Stamp is not null).Select(i => (i.Id, i.Stamp!)).OrderBy(i => i.Id).ToList();
}
