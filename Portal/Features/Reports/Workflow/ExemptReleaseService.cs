using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Features.Search; // a published or released report, and its decisions, are filed for search
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Reports.Workflow;

/// <summary>
/// The review of exempt reports. A report's release date never releases anything by itself: on
/// and after it the report is listed for the proper officer (the Monitoring Officer, or an
/// administrator), who releases it to the public or keeps it exempt until a new review date,
/// giving the reason either way. Each is a recorded act in the audit trail (who, when, before
/// and after). A released report is filed for search in full, with its decisions, in the same
/// transaction.
/// </summary>
public sealed class ExemptReleaseService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ChangeFeed changes, TimeProvider clock)
{
    /// <summary>The published exempt reports whose review date has come, oldest first: the proper officer's list.</summary>
    public async Task<IReadOnlyList<ReleaseDue>> DueAsync(CancellationToken ct)
    {
        var caller = await access.CallerAsync(ct);
        if (!caller.IsProperOfficer)
        {
            throw new AccessDeniedException("ReleaseExempt");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today();
        var due = (await db.Reports.AsNoTracking()
                .Where(r => r.Status == ReportStatus.Published && r.IsExempt && r.ReleaseOn != null && r.ReleaseOn <= today)
                .ToListAsync(ct))
            .Where(r => r.IsDueForRelease(today))
            .OrderBy(r => r.ReleaseOn).ThenBy(r => r.Reference)
            .ToList();
        var bodies = await ReportAccess.BodiesAsync(db, ct);
        var meetingIds = due.Select(r => r.MeetingId).OfType<int>().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Date, ct);
        return due.Select(r => new ReleaseDue(
                r.Id, r.Reference, r.Title, ReportAccess.Body(bodies, r.BodyId)?.Name,
                r.MeetingId is int m && meetings.TryGetValue(m, out var date) ? date : null, r.ExemptParagraph, r.ReleaseOn!.Value))
            .ToList();
    }

    /// <summary>Releases the exempt content to the public, with the proper officer's reason; returns the report's version.</summary>
    public Task<int> ReleaseAsync(int id, int version, string? reason, CancellationToken ct) =>
        ReviewAsync(id, version, (report, officer, today) => report.Release(officer, today, reason), ct);

    /// <summary>Keeps the report exempt until <paramref name="reviewAgainOn"/>, with the proper officer's reason; returns the report's version.</summary>
    public Task<int> KeepExemptAsync(int id, int version, DateOnly? reviewAgainOn, string? reason, CancellationToken ct) =>
        ReviewAsync(id, version, (report, officer, today) => report.KeepExempt(officer, today, reviewAgainOn, reason), ct);

    private async Task<int> ReviewAsync(int id, int version, Action<Report, int, DateOnly> review, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var report = await ReportAccess.Full(db.Reports).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException($"No report {id}.");
        var rights = ReportAccess.Rights(report, caller, ReportAccess.Body(await ReportAccess.BodiesAsync(db, ct), report.BodyId));
        if (!rights.CanRead)
        {
            throw new KeyNotFoundException($"No report {id}.");
        }

        // Rights before input: someone who may not release learns nothing from how their reason is checked.
        if (!caller.IsProperOfficer || caller.PersonId is not int officer)
        {
            throw new AccessDeniedException("ReleaseExempt");
        }

        await db.ExpectVersionAsync(report, version, ct);
        review(report, officer, clock.Today());
        await db.SaveChangesAsync(ct);

        // Filed for search again: in full once released, the title alone while it stays exempt.
        await SearchIndex.ReportAsync(db, report, ct);
        foreach (var decision in await db.Decisions.AsNoTracking().Where(d => d.ReportId == report.Id).ToListAsync(ct))
        {
            await SearchIndex.DecisionAsync(db, decision, report, ct);
        }

        await transaction.CommitAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        if (report.MeetingId is int meetingId && report.BodyId is int bodyId)
        {
            changes.Publish(new MeetingChanged(meetingId, bodyId));
        }

        return report.Version;
    }
}
