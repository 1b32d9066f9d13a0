using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // the council's time zone and holidays come from the meeting settings
using Portal.Infrastructure.Time;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// OParl's Meeting, AgendaItem and Location: the meetings of the bodies the public sees, each
/// with its agenda as the meeting page shows it to a visitor (a private item keeps its title and
/// says it is not public; its notes are not there), and its venue as a Location of its own.
/// </summary>
public sealed class OParlMeetingService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The meetings of every public body, or of one (<paramref name="organizationId"/>); null for a body the public does not see.</summary>
    public async Task<JsonObject?> MeetingsAsync(OParlLinks links, OParlListQuery query, int? organizationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, organizationId, ct);
        if (scope is null)
        {
            return null;
        }

        var ids = await MeetingIdsAsync(db, scope, ct);
        var itemStamps = new Dictionary<int, OParlStamp>();
        var source = new OParlListSource(
            "Meeting", links.Meeting, ids,
            some => MeetingStampsAsync(db, some, ct, itemStamps),
            (page, stamps) => WriteMeetingsAsync(db, links, scope, page, stamps, query.OmitInternal, ct, itemStamps),
            since => DeletedMeetingsAsync(db, scope, since, null, ct));
        var url = organizationId is int org ? links.OrganizationMeetings(org) : links.BodyList("meeting");
        return await OParlList.WriteAsync(source, query, url, await OParlStamps.FallbackAsync(db, ct));
    }

    public async Task<JsonObject?> MeetingAsync(OParlLinks links, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = (await ScopeAsync(db, null, ct))!;
        var bodyIds = scope.Keys.ToList();
        if (await db.Meetings.AsNoTracking().AnyAsync(m => m.Id == id && bodyIds.Contains(m.BodyId), ct))
        {
            var itemStamps = new Dictionary<int, OParlStamp>();
            return (await WriteMeetingsAsync(db, links, scope, [id], await MeetingStampsAsync(db, [id], ct, itemStamps), omitInternal: false, ct, itemStamps))[0];
        }

        var gone = await DeletedMeetingsAsync(db, scope, null, id, ct);
        return gone.Count == 0 ? null : OParlJson.Deleted("Meeting", links.Meeting(id), gone[0].Stamp);
    }

    public async Task<JsonObject> AgendaItemsAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = (await ScopeAsync(db, null, ct))!;
        var meetings = (await MeetingIdsAsync(db, scope, ct)).ToHashSet();
        var ids = await db.AgendaItems.AsNoTracking().Where(i => meetings.Contains(i.MeetingId)).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        var source = new OParlListSource(
            "AgendaItem", links.AgendaItem, ids,
            some => OParlStamps.AgendaItemsAsync(db, some, ct),
            (page, stamps) => WriteItemsAsync(db, links, scope, page, stamps, ct),
            since => DeletedItemsAsync(db, meetings, since, null, ct));
        return await OParlList.WriteAsync(source, query, links.BodyList("agendaItem"), await OParlStamps.FallbackAsync(db, ct));
    }

    public async Task<JsonObject?> AgendaItemAsync(OParlLinks links, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = (await ScopeAsync(db, null, ct))!;
        var meeting = await db.AgendaItems.AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.MeetingId).SingleOrDefaultAsync(ct);
        var bodyIds = scope.Keys.ToList();
        if (meeting is int m && await db.Meetings.AsNoTracking().AnyAsync(x => x.Id == m && bodyIds.Contains(x.BodyId), ct))
        {
            return (await WriteItemsAsync(db, links, scope, [id], await OParlStamps.AgendaItemsAsync(db, [id], ct), ct))[0];
        }

        var meetings = (await MeetingIdsAsync(db, scope, ct)).ToHashSet();
        var gone = await DeletedItemsAsync(db, meetings, null, id, ct);
        return gone.Count == 0 ? null : OParlJson.Deleted("AgendaItem", links.AgendaItem(id), gone[0].Stamp);
    }

    /// <summary>The venues of the public meetings, one Location for each meeting that names one.</summary>
    public async Task<JsonObject> LocationsAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = (await ScopeAsync(db, null, ct))!;
        var bodyIds = scope.Keys.ToList();
        var ids = await db.Meetings.AsNoTracking().Where(m => bodyIds.Contains(m.BodyId) && m.Venue != null).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        var source = new OParlListSource(
            "Location", links.Location, ids,
            some => OParlStamps.ReadAsync(db, nameof(Meeting), some, ct),
            async (page, stamps) => (await db.Meetings.AsNoTracking().Where(m => page.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct))
                .Select(m => Location(links, m, stamps[m.Id])).ToList<JsonObject>());
        return await OParlList.WriteAsync(source, query, links.BodyList("location"), await OParlStamps.FallbackAsync(db, ct));
    }

    public async Task<JsonObject?> LocationAsync(OParlLinks links, int meetingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = (await ScopeAsync(db, null, ct))!;
        var bodyIds = scope.Keys.ToList();
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId && m.Venue != null && bodyIds.Contains(m.BodyId), ct);
        if (meeting is null)
        {
            return null;
        }

        var stamps = await OParlStamps.ReadAsync(db, nameof(Meeting), [meetingId], ct);
        return Location(links, meeting, stamps.GetValueOrDefault(meetingId) ?? await OParlStamps.FallbackAsync(db, ct));
    }

    /// <summary>The public bodies (or the one asked for), by id; null when that one is not public.</summary>
    private static async Task<Dictionary<int, Body>?> ScopeAsync(PortalDbContext db, int? organizationId, CancellationToken ct)
    {
        var bodies = await Visitor.BodiesAsync(db, ct);
        if (organizationId is not int org)
        {
            return bodies;
        }

        return bodies.TryGetValue(org, out var body) ? new Dictionary<int, Body> { [org] = body } : null;
    }

    private static Task<List<int>> MeetingIdsAsync(PortalDbContext db, Dictionary<int, Body> scope, CancellationToken ct)
    {
        var bodyIds = scope.Keys.ToList();
        return db.Meetings.AsNoTracking().Where(m => bodyIds.Contains(m.BodyId)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
    }

    private static async Task<IReadOnlyList<JsonObject>> WriteMeetingsAsync(
        PortalDbContext db, OParlLinks links, Dictionary<int, Body> scope, IReadOnlyList<int> ids, IReadOnlyDictionary<int, OParlStamp> stamps, bool omitInternal,
        CancellationToken ct, Dictionary<int, OParlStamp> itemStamps)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var items = omitInternal ? [] : await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.MeetingId)).ToListAsync(ct);
        var known = items.TrueForAll(i => itemStamps.ContainsKey(i.Id)) ? itemStamps : null;
        var itemNodes = (await WriteItemsAsync(db, links, scope, items, ct, known)).ToLookup(n => n.Meeting, n => n.Node);
        var zone = CouncilTime.ZoneFor((await db.SettingsAsync(ct)).Country);
        var fallback = await OParlStamps.FallbackAsync(db, ct);
        return ids.Select(id =>
        {
            var m = meetings[id];
            var stamp = stamps.GetValueOrDefault(id) ?? fallback;
            string Time(TimeOnly time) => OParlJson.DateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(CouncilTime.ToUtc(m.Date, time, zone)), zone));
            return OParlJson.Object("Meeting", links.Meeting(id), stamp)
                .Set("name", scope[m.BodyId].Name)
                .Set("meetingState", State(m.Status))
                .Set("cancelled", m.Status == MeetingStatus.Cancelled)
                .Set("start", Time(m.StartTime))
                .Set("end", Time(m.EndTime))
                .Set("location", m.Venue is null ? null : Location(links, m, stamp))
                .List("organization", [links.Organization(m.BodyId)])
                .List("agendaItem", itemNodes[id])
                .Set("web", links.Web($"meetings/{id}"));
        }).ToList();
    }

    private static async Task<IReadOnlyList<JsonObject>> WriteItemsAsync(
        PortalDbContext db, OParlLinks links, Dictionary<int, Body> scope, IReadOnlyList<int> ids, IReadOnlyDictionary<int, OParlStamp> stamps, CancellationToken ct)
    {
        var items = await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var written = (await WriteItemsAsync(db, links, scope, items, ct, stamps)).ToDictionary(n => n.Item, n => n.Node);
        return ids.Select(id => written[id]).ToList();
    }

    /// <summary>Agenda items as a visitor reads them, each with the consultation of the published report taken under it.</summary>
    private static async Task<List<(int Item, int Meeting, JsonObject Node)>> WriteItemsAsync(
        PortalDbContext db, OParlLinks links, Dictionary<int, Body> scope, List<AgendaItem> items, CancellationToken ct, IReadOnlyDictionary<int, OParlStamp>? stamps = null)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var ids = items.Select(i => i.Id).ToList();
        stamps ??= await OParlStamps.AgendaItemsAsync(db, ids, ct);
        var fallback = await OParlStamps.FallbackAsync(db, ct);
        var reports = (await db.Reports.AsNoTracking().Where(r => r.AgendaItemId != null && ids.Contains(r.AgendaItemId.Value) && r.Status == ReportStatus.Published).ToListAsync(ct))
            .Where(r => Visitor.MayRead(r, scope)).GroupBy(r => r.AgendaItemId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
        var votes = await OParlVotes.ReadAsync(db, links, scope, items, ct);
        return items.OrderBy(i => i.MeetingId).ThenBy(i => i.Number).Select(i => (i.Id, i.MeetingId, OParlJson.Object("AgendaItem", links.AgendaItem(i.Id), (stamps.GetValueOrDefault(i.Id) ?? fallback).With(votes.GetValueOrDefault(i.Id)?.Stamp))
                .Set("meeting", links.Meeting(i.MeetingId))
                .Set("number", i.Number.ToString(CultureInfo.InvariantCulture))
                .Set("order", i.Number)
                .Set("name", i.Title)
                .Set("public", !i.IsPrivate)
                .Set("consultation", reports.TryGetValue(i.Id, out var report) ? links.Consultation(report) : null)
                .Set("resolutionText", Confidentiality.MayRead(MeetingReader.Public, i) ? i.Notes : null)
                .Set("result", votes.GetValueOrDefault(i.Id)?.Result)
                .Set(OParlJson.Vendor + "votes", votes.GetValueOrDefault(i.Id)?.Votes)
                .Set("web", links.Web($"meetings/{i.MeetingId}"))))
            .ToList();
    }

    private static JsonObject Location(OParlLinks links, Meeting meeting, OParlStamp stamp) =>
        OParlJson.Object("Location", links.Location(meeting.Id), stamp)
            .Set("description", meeting.Venue)
            .List("meetings", [links.Meeting(meeting.Id)]);

    private static string State(MeetingStatus status) => status switch
    {
        MeetingStatus.Moved => "moved",
        MeetingStatus.Cancelled => "cancelled",
        MeetingStatus.Held => "held",
        _ => "scheduled",
    };

    /// <summary>A meeting's stamp covers its agenda items, which are written inside it.</summary>
    /// <remarks>The items' own stamps are kept in <paramref name="itemStamps"/>, for writing the items without reading them again.</remarks>
    private static async Task<Dictionary<int, OParlStamp>> MeetingStampsAsync(
        PortalDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct, Dictionary<int, OParlStamp> itemStamps)
    {
        var stamps = await OParlStamps.ReadAsync(db, nameof(Meeting), ids, ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.MeetingId)).Select(i => new { i.Id, i.MeetingId }).ToListAsync(ct);
        foreach (var (id, stamp) in await OParlStamps.AgendaItemsAsync(db, items.Select(i => i.Id).ToList(), ct))
        {
            itemStamps[id] = stamp;
        }

        foreach (var item in items.Where(i => stamps.ContainsKey(i.MeetingId)))
        {
            stamps[item.MeetingId] = stamps[item.MeetingId].With(itemStamps.GetValueOrDefault(item.Id));
        }

        return stamps;
    }

    private static Task<List<(int Id, OParlStamp Stamp)>> DeletedMeetingsAsync(PortalDbContext db, Dictionary<int, Body> scope, DateTime? since, int? id, CancellationToken ct) =>
        OParlStamps.DeletedAsync(db, nameof(Meeting), since, id, before => before.Int(nameof(Meeting.BodyId)) is int b && scope.ContainsKey(b), ct);

    private static Task<List<(int Id, OParlStamp Stamp)>> DeletedItemsAsync(PortalDbContext db, HashSet<int> meetings, DateTime? since, int? id, CancellationToken ct) =>
        OParlStamps.DeletedAsync(db, nameof(AgendaItem), since, id, before => before.Int(nameof(AgendaItem.MeetingId)) is int m && meetings.Contains(m), ct);
}
