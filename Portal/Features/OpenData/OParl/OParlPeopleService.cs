using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Infrastructure.Time;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// OParl's Person and Membership: the members of the bodies the public sees, with their seats
/// (<see cref="OParlSeats"/>), named as the bodies' pages name them, and every councillor with
/// their party membership (<see cref="OParlCouncillors"/>). Nobody else is a Person here: an officer
/// who only writes reports, or sits only on an internal group, does not appear.
/// </summary>
public sealed class OParlPeopleService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<JsonObject> PeopleAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (seats, names) = await SeatsAsync(db, ct);
        var councillors = await OParlCouncillors.ReadAsync(db, clock.Today(), ct);
        var people = seats.Where(s => s.PersonId is not null).GroupBy(s => s.PersonId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var id in councillors.Keys.Where(id => !people.ContainsKey(id)))
        {
            people[id] = [];
        }

        var source = new OParlListSource(
            "Person", links.Person, people.Keys.Order().ToList(),
            ids => PersonStampsAsync(db, ids, people, councillors, ct),
            async (ids, stamps) =>
            {
                var seatStamps = await SeatStampsAsync(db, ids.SelectMany(id => people[id]).ToList(), ct);
                return ids.Select(id => Person(links, id, names, people[id], stamps[id], query.OmitInternal, seatStamps, councillors.GetValueOrDefault(id))).ToList();
            },
            async _ => await OParlTombstones.PeopleAsync(db, await Visitor.BodiesAsync(db, ct), people.Keys, null, ct));
        return await OParlList.WriteAsync(source, query, links.BodyList("person"), await OParlStamps.FallbackAsync(db, ct));
    }

    public async Task<JsonObject?> PersonAsync(OParlLinks links, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (seats, names) = await SeatsAsync(db, ct);
        var held = seats.Where(s => s.PersonId == id).ToList();
        var councillors = await OParlCouncillors.ReadAsync(db, clock.Today(), ct);
        if (held.Count == 0 && !councillors.ContainsKey(id))
        {
            var live = seats.Where(s => s.PersonId is not null).Select(s => s.PersonId!.Value).Concat(councillors.Keys).ToHashSet();
            var gone = await OParlTombstones.PeopleAsync(db, await Visitor.BodiesAsync(db, ct), live, id, ct);
            return gone.Count == 0 ? null : OParlJson.Deleted("Person", links.Person(id), gone[0].Stamp);
        }

        var stamps = await PersonStampsAsync(db, [id], new Dictionary<int, List<OParlSeats.Seat>> { [id] = held }, councillors, ct);
        var seatStamps = await SeatStampsAsync(db, held, ct);
        return Person(links, id, names, held, stamps[id], omitInternal: false, seatStamps, councillors.GetValueOrDefault(id));
    }

    public async Task<JsonObject> MembershipsAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (seats, _) = await SeatsAsync(db, ct);
        var byId = seats.ToDictionary(s => s.Id);
        var bodies = await Visitor.BodiesAsync(db, ct);
        // A councillor's party membership goes after the seats, under the councillor's id negated.
        var parties = (await OParlCouncillors.ReadAsync(db, clock.Today(), ct)).Values.Where(m => m.PartyId is not null).ToDictionary(m => -m.CouncillorId);
        var source = new OParlListSource(
            "Membership", id => id > 0 ? links.Membership(OParlSeats.Kind, id) : links.Membership(OParlCouncillors.PartyKind, -id),
            [.. byId.Keys.Order(), .. parties.Keys.OrderDescending()],
            async ids =>
            {
                var stamps = await OParlStamps.ReadAsync(db, nameof(BodyMember), ids.Where(id => id > 0).ToList(), ct);
                var councillors = await OParlStamps.ReadAsync(db, nameof(Portal.Domain.Members.Councillor), ids.Where(id => id < 0).Select(id => -id).ToList(), ct);
                foreach (var (id, stamp) in councillors)
                {
                    stamps[-id] = stamp;
                }

                return stamps;
            },
            (ids, stamps) => Task.FromResult<IReadOnlyList<JsonObject>>(ids.Select(id => id > 0 ? Membership(links, byId[id], stamps[id]) : OParlCouncillors.Membership(links, parties[id], stamps[id])).ToList()),
            async since => [
                .. await DeletedSeatsAsync(db, bodies, since, null, ct),
                .. (await OParlTombstones.PartyMembershipsAsync(db, parties.Keys.Select(id => -id).ToHashSet(), since, null, ct)).Select(m => (-m.Id, m.Stamp))]);
        return await OParlList.WriteAsync(source, query, links.BodyList("membership"), await OParlStamps.FallbackAsync(db, ct));
    }

    /// <summary>A seat on a public body; one since taken away as deleted; anything else null.</summary>
    public async Task<JsonObject?> MembershipAsync(OParlLinks links, string kind, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (kind == OParlCouncillors.PartyKind)
        {
            return await PartyMembershipAsync(links, id, ct);
        }

        if (kind != OParlSeats.Kind)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (seats, _) = await SeatsAsync(db, ct);
        if (seats.SingleOrDefault(s => s.Id == id) is { } seat)
        {
            var stamps = await SeatStampsAsync(db, [seat], ct);
            return Membership(links, seat, stamps.GetValueOrDefault(id) ?? await OParlStamps.FallbackAsync(db, ct));
        }

        var gone = await DeletedSeatsAsync(db, await Visitor.BodiesAsync(db, ct), null, id, ct);
        return gone.Count == 0 ? null : OParlJson.Deleted("Membership", links.Membership(OParlSeats.Kind, id), gone[0].Stamp);
    }

    /// <summary>A councillor's party membership, by the councillor's id; one they had and no longer have as deleted; otherwise null.</summary>
    private async Task<JsonObject?> PartyMembershipAsync(OParlLinks links, int councillorId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = (await OParlCouncillors.ReadAsync(db, clock.Today(), ct)).Values.SingleOrDefault(m => m.CouncillorId == councillorId && m.PartyId is not null);
        if (member is null)
        {
            var live = (await OParlCouncillors.ReadAsync(db, clock.Today(), ct)).Values.Where(m => m.PartyId is not null).Select(m => m.CouncillorId).ToHashSet();
            var gone = await OParlTombstones.PartyMembershipsAsync(db, live, null, councillorId, ct);
            return gone.Count == 0 ? null : OParlJson.Deleted("Membership", links.Membership(OParlCouncillors.PartyKind, councillorId), gone[0].Stamp);
        }

        var stamps = await OParlStamps.ReadAsync(db, nameof(Portal.Domain.Members.Councillor), [councillorId], ct);
        return OParlCouncillors.Membership(links, member, stamps.GetValueOrDefault(councillorId) ?? await OParlStamps.FallbackAsync(db, ct));
    }

    private async Task<(List<OParlSeats.Seat> Seats, Dictionary<int, string> Names)> SeatsAsync(PortalDbContext db, CancellationToken ct)
    {
        var bodies = await Visitor.BodiesAsync(db, ct);
        return (await OParlSeats.ReadAsync(db, bodies, clock.Today(), ct), await db.PeopleNamesAsync(ct));
    }

    private static JsonObject Person(
        OParlLinks links, int id, Dictionary<int, string> names, List<OParlSeats.Seat> seats, OParlStamp stamp, bool omitInternal,
        Dictionary<int, OParlStamp>? seatStamps = null, OParlCouncillors.Member? councillor = null)
    {
        var memberships = seats.Select(s => (JsonNode?)Membership(links, s, seatStamps?.GetValueOrDefault(s.Id) ?? stamp)).ToList();
        if (councillor?.PartyId is not null)
        {
            memberships.Add(OParlCouncillors.Membership(links, councillor, stamp));
        }

        var person = OParlJson.Object("Person", links.Person(id), stamp)
            .Set("body", links.Body)
            .Set("name", names.GetValueOrDefault(id))
            .List("membership", omitInternal ? [] : memberships);
        return councillor is null ? person : OParlCouncillors.Describe(links, person, councillor);
    }

    private static JsonObject Membership(OParlLinks links, OParlSeats.Seat seat, OParlStamp stamp)
    {
        var node = OParlJson.Object("Membership", links.Membership(seat.Kind, seat.Id), stamp)
            .Set("organization", links.Organization(seat.BodyId))
            .Set("role", OParlSeats.RoleName(seat.Role))
            .Set("votingRight", OParlSeats.Votes(seat.Role))
            .Set(OParlJson.Vendor + "post", seat.Post);
        return seat.PersonId is int person ? node.Set("person", links.Person(person)) : node;
    }

    /// <summary>A person's stamp covers their own record and their seats, which are written inside it.</summary>
    private static async Task<Dictionary<int, OParlStamp>> PersonStampsAsync(
        PortalDbContext db, IReadOnlyCollection<int> ids, IReadOnlyDictionary<int, List<OParlSeats.Seat>> people,
        IReadOnlyDictionary<int, OParlCouncillors.Member> councillors, CancellationToken ct)
    {
        var own = await OParlStamps.ReadAsync(db, nameof(Portal.Domain.Organisation.Person), ids, ct);
        var seatStamps = await SeatStampsAsync(db, ids.SelectMany(id => people[id]).ToList(), ct);
        var councillorStamps = await OParlCouncillors.StampsAsync(db, ids.Where(councillors.ContainsKey).Select(id => councillors[id]).ToList(), ct);
        var fallback = await OParlStamps.FallbackAsync(db, ct);
        return ids.ToDictionary(id => id, id => people[id].Aggregate((own.GetValueOrDefault(id) ?? fallback).With(councillorStamps.GetValueOrDefault(id)), (s, seat) => s.With(seatStamps.GetValueOrDefault(seat.Id))));
    }

    private static Task<Dictionary<int, OParlStamp>> SeatStampsAsync(PortalDbContext db, IReadOnlyCollection<OParlSeats.Seat> seats, CancellationToken ct) =>
        OParlStamps.ReadAsync(db, nameof(BodyMember), seats.Select(s => s.Id).ToList(), ct);

    /// <summary>Seats taken away from a body the public sees.</summary>
    private static Task<List<(int Id, OParlStamp Stamp)>> DeletedSeatsAsync(PortalDbContext db, IReadOnlyDictionary<int, Body> bodies, DateTime? since, int? id, CancellationToken ct) =>
        OParlStamps.DeletedAsync(db, nameof(BodyMember), since, id, before => before.Int(nameof(BodyMember.BodyId)) is int b && bodies.ContainsKey(b), ct);
}
