using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // open data shows the meetings the public sees, by the meeting pages' own rules
using Portal.Features.Reports; // and the reports, by the report pages' own rules

namespace Portal.Features.OpenData;

/// <summary>
/// The anonymous visitor every open-data answer is written for, and the public pages' own rules
/// applied to them: the bodies they may see (<see cref="MeetingCaller.CanSee"/>: never an
/// internal group), the reports they may read (<see cref="ReportPolicy"/>: published, before a
/// body they may see) and whether a report's content is theirs to read (an exempt report is not:
/// its title and paragraph only). Nothing here asks who is signed in.
/// </summary>
internal static class Visitor
{
    public static MeetingCaller Caller { get; } = new(null, new HashSet<int>(), IsSignedIn: false, IsAdministrator: false, IsStaff: false, IsDirector: false);

    /// <summary>The bodies a visitor sees, with their members, by id.</summary>
    public static async Task<Dictionary<int, Body>> BodiesAsync(PortalDbContext db, CancellationToken ct) =>
        (await MeetingAccess.VisibleBodiesAsync(db, Caller, ct)).ToDictionary(b => b.Id);

    /// <summary>Whether a visitor may read <paramref name="report"/> at all (its title, reference and dates), as the report page decides.</summary>
    public static bool MayRead(Report report, IReadOnlyDictionary<int, Body> visibleBodies)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = report.BodyId is int b ? visibleBodies.GetValueOrDefault(b) : null;
        return report.IsPublished && body is not null && ReportAccess.Rights(report, Caller, body).CanRead;
    }

    /// <summary>Whether a visitor reads the content of a report they may read: not while it is exempt.</summary>
    public static bool ReadsContent(Report report) => report?.IsReadableBy(new ReportReader(MaySeeExempt: false)) == true;

    /// <summary>Published reports a visitor may read, in id order.</summary>
    public static async Task<List<Report>> ReportsAsync(PortalDbContext db, IReadOnlyDictionary<int, Body> visibleBodies, CancellationToken ct)
    {
        var bodyIds = visibleBodies.Keys.ToList();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Published && r.BodyId != null && bodyIds.Contains(r.BodyId.Value))
            .OrderBy(r => r.Id).ToListAsync(ct);
        return reports.Where(r => MayRead(r, visibleBodies)).ToList();
    }
}
