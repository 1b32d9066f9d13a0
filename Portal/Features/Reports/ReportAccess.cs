using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Infrastructure.Security;

namespace Portal.Features.Reports;

/// <summary>
/// What every report service asks before it reads or writes a report: the report with its sections and
/// recommendations, the bodies it may sit before, and what <see cref="ReportPolicy"/> lets the caller do with it.
/// </summary>
internal static class ReportAccess
{
    internal static IQueryable<Report> Full(IQueryable<Report> reports) =>
        reports.Include(r => r.Sections).Include(r => r.Recommendations).AsSplitQuery();

    internal static async Task<Dictionary<int, Body>> BodiesAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Bodies.AsNoTracking().Include(b => b.Members).ToDictionaryAsync(b => b.Id, ct);

    internal static Body? Body(Dictionary<int, Body> bodies, int? id) => id is int b ? bodies.GetValueOrDefault(b) : null;

    internal static ReportRights Rights(Report report, MeetingCaller caller, Body? body) =>
        ReportPolicy.For(report, new ReportViewer(
            caller.PersonId, caller.IsSignedIn, caller.IsAdministrator, caller.IsDirector, caller.IsStaff,
            body is not null && caller.CanSee(body), body is not null && caller.SitsOn(body), body is not null && caller.CanKeepRecord(body), caller.IsProperOfficer));

    /// <summary>Hides a report the caller may not read; refuses, naming <paramref name="what"/>, what they may read but not do.</summary>
    internal static void Demand(ReportRights rights, Func<ReportRights, bool> allowed, string what)
    {
        if (!rights.CanRead)
        {
            throw new KeyNotFoundException("No such report.");
        }

        if (!allowed(rights))
        {
            throw new AccessDeniedException(what);
        }
    }
}
