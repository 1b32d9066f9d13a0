using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Time;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// OParl's System, the council as its one Body, and the council's bodies as Organizations (only
/// those the public sees: an internal group never appears, not even as deleted), with its parties
/// and political groups as Organizations too; its LegislativeTerms are the electoral terms read
/// from the councillors' terms of office (<see cref="OParlCouncillors"/>).
/// </summary>
public sealed class OParlCouncilService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string OParlVersion = "https://schema.oparl.org/1.1/";

    public async Task<JsonObject> SystemAsync(OParlLinks links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stamp = await OParlStamps.FallbackAsync(db, ct);
        var node = OParlJson.Object("System", links.System, stamp);
        node["oparlVersion"] = OParlVersion;
        return node.Set("body", links.Bodies)
            .Set("name", await CouncilNameAsync(db, ct))
            .Set("website", links.Web("/"))
            .Set("web", links.Web("/"));
    }

    public async Task<JsonObject> BodiesAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stamp = await BodyStampAsync(db, ct);
        var body = await BodyAsync(links, ct);
        var source = new OParlListSource(
            "Body", _ => links.Body, [OParlLinks.CouncilId],
            _ => Task.FromResult(new Dictionary<int, OParlStamp> { [OParlLinks.CouncilId] = stamp }),
            (ids, _) => Task.FromResult<IReadOnlyList<JsonObject>>(ids.Count == 0 ? [] : [body]));
        return await OParlList.WriteAsync(source, query, links.Bodies, stamp);
    }

    /// <summary>The council: its lists, each a URL of its own.</summary>
    public async Task<JsonObject> BodyAsync(OParlLinks links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = OParlJson.Object("Body", links.Body, await BodyStampAsync(db, ct))
            .Set("system", links.System)
            .Set("name", await CouncilNameAsync(db, ct))
            .Set("website", links.Web("/"))
            .Set("organization", links.BodyList("organization"))
            .Set("person", links.BodyList("person"))
            .Set("meeting", links.BodyList("meeting"))
            .Set("paper", links.BodyList("paper"))
            .List("legislativeTerm", (await TermsAsync(links, db, ct)).Select(t => (JsonNode?)t), required: true)
            .Set("agendaItem", links.BodyList("agendaItem"))
            .Set("file", links.BodyList("file"))
            .Set("locationList", links.BodyList("location"))
            .Set("legislativeTermList", links.BodyList("legislativeTerm"))
            .Set("membership", links.BodyList("membership"))
            .Set("consultation", links.BodyList("consultation"))
            .Set("classification", "Council")
            .Set("web", links.Web("/"));
        return node;
    }

    /// <summary>The council's electoral terms, oldest first (with their paging).</summary>
    public async Task<JsonObject> LegislativeTermsAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var terms = (await OParlCouncillors.TermsAsync(db, ct)).ToDictionary(t => t.Id);
        var stamp = await TermStampAsync(db, ct);
        var source = new OParlListSource(
            "LegislativeTerm", links.LegislativeTerm, terms.Keys.Order().ToList(), ids => Task.FromResult(ids.ToDictionary(id => id, _ => stamp)),
            (ids, _) => Task.FromResult<IReadOnlyList<JsonObject>>(ids.Select(id => OParlCouncillors.LegislativeTerm(links, terms[id], stamp)).ToList()));
        return await OParlList.WriteAsync(source, query, links.BodyList("legislativeTerm"), stamp);
    }

    /// <summary>One electoral term, by its first day as yyyymmdd; null for any other number.</summary>
    public async Task<JsonObject?> LegislativeTermAsync(OParlLinks links, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = (await OParlCouncillors.TermsAsync(db, ct)).SingleOrDefault(t => t.Id == id);
        return term is null ? null : OParlCouncillors.LegislativeTerm(links, term, await TermStampAsync(db, ct));
    }

    /// <summary>A party or political group the councillors belong to; one since deleted as deleted; null for any other number.</summary>
    public async Task<JsonObject?> PartyAsync(OParlLinks links, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parties = await OParlCouncillors.PartiesAsync(db, ct);
        if (!parties.TryGetValue(id, out var party))
        {
            var gone = await OParlTombstones.PartiesAsync(db, parties.Keys, null, id, ct);
            return gone.Count == 0 ? null : OParlJson.Deleted("Organization", links.Party(id), gone[0].Stamp);
        }

        var stamps = await PartyStampsAsync(db, [id], ct);
        return OParlCouncillors.Organization(links, party, (await OParlCouncillors.ReadAsync(db, clock.Today(), ct)).Values, stamps.GetValueOrDefault(id) ?? await OParlStamps.FallbackAsync(db, ct));
    }

    private static async Task<List<JsonObject>> TermsAsync(OParlLinks links, PortalDbContext db, CancellationToken ct)
    {
        var stamp = await TermStampAsync(db, ct);
        return (await OParlCouncillors.TermsAsync(db, ct)).Select(t => OParlCouncillors.LegislativeTerm(links, t, stamp)).ToList();
    }

    /// <summary>Terms change when a councillor's terms of office do.</summary>
    private static async Task<OParlStamp> TermStampAsync(PortalDbContext db, CancellationToken ct)
    {
        var fallback = await OParlStamps.FallbackAsync(db, ct);
        var changed = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Portal.Domain.Members.TermOfOffice)).MaxAsync(a => (DateTime?)a.OccurredUtc, ct);
        return changed is DateTime at && at > fallback.Modified ? fallback with { Modified = at } : fallback;
    }

    private static Task<Dictionary<int, OParlStamp>> PartyStampsAsync(PortalDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        OParlStamps.ReadAsync(db, nameof(Portal.Domain.Members.Party), ids, ct);

    public async Task<JsonObject> OrganizationsAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bodies = await Visitor.BodiesAsync(db, ct);
        // The parties go after the bodies, each under its id negated.
        var parties = await OParlCouncillors.PartiesAsync(db, ct);
        var councillors = (await OParlCouncillors.ReadAsync(db, clock.Today(), ct)).Values.ToList();
        var source = new OParlListSource(
            "Organization", id => id > 0 ? links.Organization(id) : links.Party(-id), [.. bodies.Keys.Order(), .. parties.Keys.Order().Select(id => -id)],
            async ids =>
            {
                var stamps = await StampsAsync(db, ids.Where(id => id > 0).ToList(), ct);
                foreach (var (id, stamp) in await PartyStampsAsync(db, ids.Where(id => id < 0).Select(id => -id).ToList(), ct))
                {
                    stamps[-id] = stamp;
                }

                return stamps;
            },
            (ids, stamps) => Task.FromResult<IReadOnlyList<JsonObject>>(ids.Select(id => id > 0
                ? Organization(links, bodies[id], stamps[id])
                : OParlCouncillors.Organization(links, parties[-id], councillors, stamps[id])).ToList()),
            async since => [
                .. await DeletedAsync(db, since, null, ct),
                .. (await OParlTombstones.PartiesAsync(db, parties.Keys, since, null, ct)).Select(p => (-p.Id, p.Stamp))]);
        return await OParlList.WriteAsync(source, query, links.BodyList("organization"), await OParlStamps.FallbackAsync(db, ct));
    }

    /// <summary>A body the public sees; a public body since deleted as deleted; anything else (an internal group included) null.</summary>
    public async Task<JsonObject?> OrganizationAsync(OParlLinks links, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bodies = await Visitor.BodiesAsync(db, ct);
        if (bodies.TryGetValue(id, out var body))
        {
            var stamps = await StampsAsync(db, [id], ct);
            return Organization(links, body, stamps.GetValueOrDefault(id) ?? await OParlStamps.FallbackAsync(db, ct));
        }

        var gone = await DeletedAsync(db, null, id, ct);
        return gone.Count == 0 ? null : OParlJson.Deleted("Organization", links.Organization(id), gone[0].Stamp);
    }

    private static JsonObject Organization(OParlLinks links, Body body, OParlStamp stamp) =>
        OParlJson.Object("Organization", links.Organization(body.Id), stamp)
            .Set("body", links.Body)
            .Set("name", body.Name)
            .Set("shortName", body.ShortName)
            .List("membership", body.Members.OrderBy(m => m.Id).Select(m => links.Membership(OParlSeats.Kind, m.Id)))
            .Set("meeting", links.OrganizationMeetings(body.Id))
            .Set("organizationType", "Gremium")
            .Set("classification", Classification(body.Kind))
            .Set("memberCount", body.Members.Count)
            .Set("votingMemberCount", body.Members.Count(m => OParlSeats.Votes(m.Role)))
            .Set("web", links.Web($"meetings/bodies/{body.Slug}"));

    private static string Classification(BodyKind kind) => kind switch
    {
        BodyKind.FullCouncil => "Full council",
        BodyKind.ExecutiveSession => "Executive decision session",
        BodyKind.MemberPanel => "Committee or panel",
        _ => "Officer group",
    };

    /// <summary>A body's stamp covers its seats, which it lists.</summary>
    private static async Task<Dictionary<int, OParlStamp>> StampsAsync(PortalDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var stamps = await OParlStamps.ReadAsync(db, nameof(Body), ids, ct);
        var seats = await db.BodyMembers.AsNoTracking().Where(m => ids.Contains(m.BodyId)).Select(m => new { m.Id, m.BodyId }).ToListAsync(ct);
        var seatStamps = await OParlStamps.ReadAsync(db, nameof(BodyMember), seats.Select(s => s.Id).ToList(), ct);
        foreach (var seat in seats.Where(s => stamps.ContainsKey(s.BodyId)))
        {
            stamps[seat.BodyId] = stamps[seat.BodyId].With(seatStamps.GetValueOrDefault(seat.Id));
        }

        return stamps;
    }

    /// <summary>Bodies deleted while they were public: an internal group is never admitted to have existed.</summary>
    private static Task<List<(int Id, OParlStamp Stamp)>> DeletedAsync(PortalDbContext db, DateTime? since, int? id, CancellationToken ct) =>
        OParlStamps.DeletedAsync(db, nameof(Body), since, id, before => before.Bool(nameof(Body.IsPublic)) == true, ct);

    /// <summary>The council itself changes only with the installation: its lists carry their own stamps.</summary>
    private static Task<OParlStamp> BodyStampAsync(PortalDbContext db, CancellationToken ct) => OParlStamps.FallbackAsync(db, ct);

    internal static async Task<string> CouncilNameAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Installations.AsNoTracking().OrderBy(i => i.Id).Select(i => i.CouncilName).FirstOrDefaultAsync(ct) ?? "Council";
}
