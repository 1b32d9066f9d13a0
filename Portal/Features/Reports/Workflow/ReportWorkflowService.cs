using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Domain.Reports;
using Portal.Features.Meetings; // a report goes before a body's meeting, and who may see the body decides who may read it
using Portal.Features.Notifications.Outbox; // each step tells the author and chief officer; a late item tells the body
using Portal.Features.Search; // a published or released report, and its decisions, are filed for search
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Time;

namespace Portal.Features.Reports.Workflow;

/// <summary>
/// A report's way to the agenda: the author submits it, the chief officer clears it or returns it to
/// draft, and the body's secretary publishes it with the meeting's agenda. Every step checks rights
/// and the version.
/// </summary>
public sealed class ReportWorkflowService(
    IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access, ReportWrites writes, NotificationWriter notifications, ChangeFeed changes, TimeProvider clock)
{
    public Task<int> SubmitAsync(int id, int version, CancellationToken ct) =>
        StepAsync(id, version, r => r.CanEdit, r => r.Submit(clock.Today()), NotificationKind.ReportSubmitted, null, ct);

    /// <summary>The chief officer returns a submitted report to its author, with the reason the author is told.</summary>
    public Task<int> ReturnToDraftAsync(int id, int version, CancellationToken ct, string? reason = null) =>
        StepAsync(id, version, r => r.CanClear, r => r.ReturnToDraft(), NotificationKind.ReportReturned, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), ct);

    public async Task<int> ClearAsync(int id, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        return await writes.ChangeAsync(
            db, caller, id, version, r => r.CanClear, r => r.Clear(caller.PersonId ?? r.ChiefOfficerId!.Value, clock.Today()), ct,
            notify: r => TellAuthorAndChiefAsync(db, NotificationKind.ReportCleared, r, null, ct));
    }

    private async Task<int> StepAsync(int id, int version, Func<ReportRights, bool> allowed, Action<Report> step, NotificationKind kind, string? detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        return await writes.ChangeAsync(db, caller, id, version, allowed, step, ct, notify: r => TellAuthorAndChiefAsync(db, kind, r, detail, ct));
    }

    /// <summary>A report's author and chief officer hear of each step (the one who took it excepted).</summary>
    private Task TellAuthorAndChiefAsync(PortalDbContext db, NotificationKind kind, Report report, string? detail, CancellationToken ct) =>
        notifications.AddAsync(db, kind, new[] { report.AuthorId, report.ChiefOfficerId }.OfType<int>(), NotificationAbout.Report(report, detail), ct);

    /// <summary>
    /// Publishes a cleared report with its meeting's agenda, putting it on the agenda (in private
    /// if it is exempt) when it has no item yet, and files it for search: all in one transaction.
    /// An exempt report published on an existing item takes that item in private (audited as a
    /// change to the item), so its notes, declarations and actions are withheld like the report,
    /// and the meeting's minutes are filed for search again without them.
    /// </summary>
    public async Task<int> PublishAsync(int id, int version, string? lateReason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var settings = await db.SettingsAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var report = await ReportAccess.Full(db.Reports).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException($"No report {id}.");
        var bodies = await ReportAccess.BodiesAsync(db, ct);
        ReportAccess.Demand(ReportAccess.Rights(report, caller, ReportAccess.Body(bodies, report.BodyId)), r => r.CanPublish, "PublishReport");
        await db.ExpectVersionAsync(report, version, ct);
        if (report.MeetingId is not int meetingId)
        {
            throw new DomainRuleException("Report.MeetingRequired", "Choose the meeting before its agenda item.", nameof(Report.MeetingId));
        }

        var meeting = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.Id == meetingId, ct);
        var body = bodies[meeting.BodyId];
        report.Publish(clock.Today(), MeetingQueries.AgendaDeadline(body, meeting, settings), lateReason);
        AgendaItem? item = null;
        if (report.AgendaItemId is null)
        {
            var names = await db.PeopleNamesAsync(ct);
            item = meeting.AddItem(report.Title, names.GetValueOrDefault(report.AuthorId), null, report.IsExempt);
        }
        else if (report.IsExempt && meeting.Items.SingleOrDefault(i => i.Id == report.AgendaItemId) is { IsPrivate: false } open)
        {
            open.TakeInPrivate();
        }

        await TellAuthorAndChiefAsync(db, NotificationKind.ReportPublished, report, null, ct);
        if (meeting.AgendaPublishedOn is not null)
        {
            // The papers are out already: the body's members and officers hear of the late item.
            await notifications.AddAsync(
                db, NotificationKind.LateItem, await NotificationAudience.BodyAsync(db, body, meeting.Date, ct),
                NotificationAbout.Meeting(body, meeting, $"{report.Reference}: {report.Title}"), ct);
        }

        await db.SaveChangesAsync(ct);
        if (item is not null)
        {
            report.TakeAgendaItem(item.Id);
            await db.SaveChangesAsync(ct);
        }

        await SearchIndex.ReportAsync(db, report, ct);
        await SearchIndex.MeetingAsync(db, meeting, body, ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ReportChanged(report.Id, report.MeetingId));
        changes.Publish(new MeetingChanged(meeting.Id, body.Id));
        return report.Version;
    }
}
