using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Reports;

/// <summary>
/// The one path every draft or submitted report's write takes, whichever service makes it (drafting,
/// annexes, the workflow): find, check rights, check the version, change, save, tell. None of them
/// publishes, so none touches the search index (<c>ReportWorkflowService.PublishAsync</c> does).
/// </summary>
public sealed class ReportWrites(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes)
{
    internal async Task<int> ChangeAsync(int id, int version, Func<ReportRights, bool> allowed, Action<Report> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        return await ChangeAsync(db, caller, id, version, allowed, change, ct);
    }

    internal async Task<int> ChangeAsync(
        PortalDbContext db, MeetingCaller caller, int id, int version, Func<ReportRights, bool> allowed, Action<Report> change, CancellationToken ct, bool publish = true,
        Func<Report, Task>? notify = null) =>
        await SaveChangeAsync(db, await FindForChangeAsync(db, caller, id, allowed, ct), version, change, ct, publish, notify);

    /// <summary>The first half of <see cref="ChangeAsync(PortalDbContext, MeetingCaller, int, int, Func{ReportRights, bool}, Action{Report}, CancellationToken, bool)"/>: the report, tracked, once the caller is known to be allowed.</summary>
    internal static async Task<Report> FindForChangeAsync(PortalDbContext db, MeetingCaller caller, int id, Func<ReportRights, bool> allowed, CancellationToken ct)
    {
        var report = await ReportAccess.Full(db.Reports).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException($"No report {id}.");
        ReportAccess.Demand(ReportAccess.Rights(report, caller, ReportAccess.Body(await ReportAccess.BodiesAsync(db, ct), report.BodyId)), allowed, "ChangeReport");
        return report;
    }

    /// <summary>The second half: the version checked, the change made (with the notifications it causes, in the same save), saved and told.</summary>
    internal async Task<int> SaveChangeAsync(PortalDbContext db, Report report, int version, Action<Report> change, CancellationToken ct, bool publish = true, Func<Report, Task>? notify = null)
    {
        await db.ExpectVersionAsync(report, version, ct);
        change(report);
        if (notify is not null)
        {
            await notify(report);
        }

        // A change to a section, recommendation or annex is a change to the report: its version rises, so a stale editor is refused.
        db.Entry(report).Property(r => r.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        if (publish)
        {
            changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        }

        return report.Version;
    }
}
