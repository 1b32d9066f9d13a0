using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// OParl's Paper, Consultation and File: the published reports a visitor may read, each
/// considered at its meeting, and the annexes a visitor may open. An exempt report is a Paper
/// with its title, reference, dates and the paragraph it is exempt under (<c>portal:exemptParagraph</c>
/// and <c>portal:exemptReason</c>), as its page shows it: no annexes and no content. An exempt
/// annex of an open report is named with its paragraph (<c>portal:exemptAnnex</c>), never a File.
/// </summary>
public sealed class OParlPaperService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<JsonObject> PapersAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var papers = await PapersAsync(db, ct);
        var source = new OParlListSource(
            "Paper", links.Paper, [.. papers.Reports.Keys.Order()],
            ids => PaperStampsAsync(db, ids, ct),
            async (ids, stamps) => await WritePapersAsync(db, links, papers, ids, stamps, query.OmitInternal, ct),
            since => OParlTombstones.PapersAsync(db, papers.Bodies, papers.Reports.Keys, consultations: false, since, null, ct));
        return await OParlList.WriteAsync(source, query, links.BodyList("paper"), await OParlStamps.FallbackAsync(db, ct));
    }

    public async Task<JsonObject?> PaperAsync(OParlLinks links, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var papers = await PapersAsync(db, ct);
        if (papers.Reports.ContainsKey(id))
        {
            return (await WritePapersAsync(db, links, papers, [id], await PaperStampsAsync(db, [id], ct), omitInternal: false, ct))[0];
        }

        var gone = await OParlTombstones.PapersAsync(db, papers.Bodies, papers.Reports.Keys, consultations: false, null, id, ct);
        return gone.Count == 0 ? null : OParlJson.Deleted("Paper", links.Paper(id), gone[0].Stamp);
    }

    public async Task<JsonObject> ConsultationsAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var papers = await PapersAsync(db, ct);
        var ids = papers.Reports.Values.Where(r => r.MeetingId is not null).Select(r => r.Id).Order().ToList();
        var source = new OParlListSource(
            "Consultation", links.Consultation, ids,
            some => OParlStamps.ReadAsync(db, nameof(Report), some, ct),
            (page, stamps) => Task.FromResult<IReadOnlyList<JsonObject>>(page.Select(id => Consultation(links, papers.Reports[id], stamps[id], papers)).ToList()),
            since => OParlTombstones.PapersAsync(db, papers.Bodies, ids.ToHashSet(), consultations: true, since, null, ct));
        return await OParlList.WriteAsync(source, query, links.BodyList("consultation"), await OParlStamps.FallbackAsync(db, ct));
    }

    public async Task<JsonObject?> ConsultationAsync(OParlLinks links, int reportId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var papers = await PapersAsync(db, ct);
        if (!papers.Reports.TryGetValue(reportId, out var report) || report.MeetingId is null)
        {
            var live = papers.Reports.Values.Where(r => r.MeetingId is not null).Select(r => r.Id).ToHashSet();
            var gone = await OParlTombstones.PapersAsync(db, papers.Bodies, live, consultations: true, null, reportId, ct);
            return gone.Count == 0 ? null : OParlJson.Deleted("Consultation", links.Consultation(reportId), gone[0].Stamp);
        }

        var stamps = await OParlStamps.ReadAsync(db, nameof(Report), [reportId], ct);
        return Consultation(links, report, stamps.GetValueOrDefault(reportId) ?? await OParlStamps.FallbackAsync(db, ct), papers);
    }

    public async Task<JsonObject> FilesAsync(OParlLinks links, OParlListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var papers = await PapersAsync(db, ct);
        var files = papers.Annexes.Where(a => !a.IsExempt && Visitor.ReadsContent(papers.Reports[a.ReportId])).ToDictionary(a => a.Id);
        var source = new OParlListSource(
            "File", links.File, [.. files.Keys.Order()],
            ids => OParlStamps.ReadAsync(db, nameof(Annex), ids, ct),
            (ids, stamps) => Task.FromResult<IReadOnlyList<JsonObject>>(ids.Select(id => File(links, files[id], stamps[id])).ToList()),
            since => OParlTombstones.FilesAsync(db, papers.Bodies, files.Keys, since, null, ct));
        return await OParlList.WriteAsync(source, query, links.BodyList("file"), await OParlStamps.FallbackAsync(db, ct));
    }

    /// <summary>An annex a visitor may open; one they could open once (since removed, or made exempt with it or its report) as deleted; any other null.</summary>
    public async Task<JsonObject?> FileAsync(OParlLinks links, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var papers = await PapersAsync(db, ct);
        var annex = papers.Annexes.SingleOrDefault(a => a.Id == id);
        if (annex is not null && !annex.IsExempt && Visitor.ReadsContent(papers.Reports[annex.ReportId]))
        {
            var stamps = await OParlStamps.ReadAsync(db, nameof(Annex), [id], ct);
            return File(links, annex, stamps.GetValueOrDefault(id) ?? await OParlStamps.FallbackAsync(db, ct));
        }

        var gone = await OParlTombstones.FilesAsync(db, papers.Bodies, [], null, id, ct);
        return gone.Count == 0 ? null : OParlJson.Deleted("File", links.File(id), gone[0].Stamp);
    }

    private sealed record Papers(Dictionary<int, Report> Reports, List<Annex> Annexes, Dictionary<int, Body> Bodies, HashSet<int> PublicItems);

    private static async Task<Papers> PapersAsync(PortalDbContext db, CancellationToken ct)
    {
        var bodies = await Visitor.BodiesAsync(db, ct);
        var reports = (await Visitor.ReportsAsync(db, bodies, ct)).ToDictionary(r => r.Id);
        var ids = reports.Keys.ToList();
        var annexes = await db.Annexes.AsNoTracking().Where(a => ids.Contains(a.ReportId)).OrderBy(a => a.ReportId).ThenBy(a => a.Number).ToListAsync(ct);
        var itemIds = reports.Values.Where(r => r.AgendaItemId is not null).Select(r => r.AgendaItemId!.Value).ToList();
        var bodyIds = bodies.Keys.ToList();
        var publicItems = (await db.AgendaItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Join(db.Meetings.Where(m => bodyIds.Contains(m.BodyId)), i => i.MeetingId, m => m.Id, (i, _) => i.Id).ToListAsync(ct)).ToHashSet();
        return new Papers(reports, annexes, bodies, publicItems);
    }

    private static async Task<IReadOnlyList<JsonObject>> WritePapersAsync(
        PortalDbContext db, OParlLinks links, Papers papers, IReadOnlyList<int> ids, IReadOnlyDictionary<int, OParlStamp> stamps, bool omitInternal, CancellationToken ct)
    {
        var fallback = await OParlStamps.FallbackAsync(db, ct);
        var annexIds = papers.Annexes.Where(a => ids.Contains(a.ReportId)).Select(a => a.Id).ToList();
        var annexStamps = await OParlStamps.ReadAsync(db, nameof(Annex), annexIds, ct);
        var annexes = papers.Annexes.ToLookup(a => a.ReportId);
        return ids.Select(id =>
        {
            var r = papers.Reports[id];
            var stamp = stamps.GetValueOrDefault(id) ?? fallback;
            var open = Visitor.ReadsContent(r);
            var files = open ? annexes[id].ToList() : [];
            return OParlJson.Object("Paper", links.Paper(id), stamp)
                .Set("body", links.Body)
                .Set("name", r.Title)
                .Set("reference", r.Reference)
                .Set("date", r.PublishedOn is DateOnly published ? OParlJson.Date(published) : null)
                .Set("paperType", "Report")
                .List("auxiliaryFile", omitInternal ? [] : files.Where(a => !a.IsExempt).Select(a => (JsonNode?)File(links, a, annexStamps.GetValueOrDefault(a.Id) ?? stamp)))
                .List("consultation", r.MeetingId is null ? [] : [Consultation(links, r, stamp, papers)])
                .List("keyword", open ? [] : ["exempt"])
                .Set(OParlJson.Vendor + "exemptParagraph", open ? null : r.ExemptParagraph)
                .Set(OParlJson.Vendor + "exemptReason", open ? null : ExemptReason(r.ExemptParagraph))
                .List(OParlJson.Vendor + "exemptAnnex", files.Where(a => a.IsExempt).Select(a => (JsonNode?)new JsonObject
                {
                    ["name"] = a.Title,
                    [OParlJson.Vendor + "exemptParagraph"] = a.ExemptParagraph,
                    [OParlJson.Vendor + "exemptReason"] = ExemptReason(a.ExemptParagraph),
                }))
                .Set("web", links.Web($"reports/{id}"));
        }).ToList();
    }

    private static JsonObject Consultation(OParlLinks links, Report report, OParlStamp stamp, Papers papers)
    {
        var node = OParlJson.Object("Consultation", links.Consultation(report.Id), stamp)
            .Set("paper", links.Paper(report.Id))
            .Set("meeting", report.MeetingId is int m ? links.Meeting(m) : null)
            .List("organization", report.BodyId is int b ? [links.Organization(b)] : []);
        return report.AgendaItemId is int item && papers.PublicItems.Contains(item) ? node.Set("agendaItem", links.AgendaItem(item)) : node;
    }

    private static JsonObject File(OParlLinks links, Annex annex, OParlStamp stamp)
    {
        var address = links.Web($"reports/{annex.ReportId.ToString(CultureInfo.InvariantCulture)}/annexes/{annex.Id.ToString(CultureInfo.InvariantCulture)}");
        return OParlJson.Object("File", links.File(annex.Id), stamp)
            .Set("name", $"{annex.Letter}: {annex.Title}")
            .Set("fileName", annex.FileName)
            .Set("mimeType", annex.ContentType)
            .Set("size", annex.Size)
            .Set("accessUrl", address)
            .Set("downloadUrl", address)
            .List("paper", [links.Paper(annex.ReportId)]);
    }

    internal static string? ExemptReason(int? paragraph) =>
        paragraph is int p ? string.Create(CultureInfo.InvariantCulture, $"Exempt under paragraph {p} of Schedule 12A to the Local Government Act 1972") : "Exempt information";

    /// <summary>A paper's stamp covers its annexes, which are written inside it.</summary>
    private static async Task<Dictionary<int, OParlStamp>> PaperStampsAsync(PortalDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var stamps = await OParlStamps.ReadAsync(db, nameof(Report), ids, ct);
        var annexes = await db.Annexes.AsNoTracking().Where(a => ids.Contains(a.ReportId)).Select(a => new { a.Id, a.ReportId }).ToListAsync(ct);
        var annexStamps = await OParlStamps.ReadAsync(db, nameof(Annex), annexes.Select(a => a.Id).ToList(), ct);
        foreach (var annex in annexes.Where(a => stamps.ContainsKey(a.ReportId)))
        {
            stamps[annex.ReportId] = stamps[annex.ReportId].With(annexStamps.GetValueOrDefault(annex.Id));
        }

        return stamps;
    }
}
