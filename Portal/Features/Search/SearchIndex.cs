using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Infrastructure.Markdown;

namespace Portal.Features.Search;

/// <summary>
/// Keeps the FTS5 search index in step with what is published, inside the same save. Only what
/// the public may read of a body's business is written: the title alone of an exempt report or
/// of a decision on one, never a draft, never a private item's minutes. Each row is filed under
/// its body (0 for none) by an <see cref="Audience"/> token, so a search only matches rows of
/// bodies the searcher may see.
/// </summary>
public static partial class SearchIndex
{
    public const string ReportKind = "report";
    public const string DecisionKind = "decision";
    public const string MinutesKind = "minutes";
    public const string OfficerDecisionKind = "officer-decision";

    private const long DecisionRows = 1_000_000_000;
    private const long MinutesRows = 2_000_000_000;
    private const long OfficerDecisionRows = 5_000_000_000;

    public static async Task ReportAsync(PortalDbContext db, Report report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        await DeleteAsync(db, report.Id, ct);
        if (!report.IsPublished)
        {
            return;
        }

        var body = report.IsExempt
            ? string.Empty
            : string.Join(
                "\n",
                report.Sections.OrderBy(s => s.Kind).Select(s => MarkdownRenderer.ToPlainText(s.Text))
                    .Concat(report.Recommendations.OrderBy(r => r.Number).Select(r => $"{r.Text} {r.Reason}")));
        await InsertAsync(db, report.Id, $"{report.Reference} {report.Title}", body, ReportKind, report.Id, report.BodyId, report.PublishedOn, ct);
    }

    public static async Task DecisionAsync(PortalDbContext db, Decision decision, Report report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(report);
        await DeleteAsync(db, DecisionRows + decision.Id, ct);
        var body = report.IsExempt ? string.Empty : $"{decision.Wording}\n{decision.Reasons}\n{decision.AlternativesRejected}";
        await InsertAsync(
            db, DecisionRows + decision.Id, report.Title, body, DecisionKind, report.Id, report.BodyId, decision.DecidedOn, ct);
    }

    /// <summary>Files an officer or executive member decision for everyone: an exempt one by its title alone.</summary>
    public static async Task OfficerDecisionAsync(PortalDbContext db, OfficerDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(decision);
        await DeleteAsync(db, OfficerDecisionRows + decision.Id, ct);
        var body = decision.IsExempt ? string.Empty : $"{decision.DecisionText}\n{decision.Reasons}\n{decision.Alternatives}\n{decision.Delegation}";
        var day = decision.DecidedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO SearchIndex (rowid, Title, Body, Audience, Kind, ItemId, Date) VALUES ({OfficerDecisionRows + decision.Id}, {decision.Title}, {body}, {Everyone}, {OfficerDecisionKind}, {decision.Id}, {day})", ct);
    }

    /// <summary>Files a meeting's minutes once the record is final; withdraws them otherwise.</summary>
    public static async Task MeetingAsync(PortalDbContext db, Meeting meeting, Body body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(body);
        var ids = meeting.Items.Select(i => MinutesRows + i.Id).ToList();
        foreach (var id in ids)
        {
            await DeleteAsync(db, id, ct);
        }

        if (!meeting.RecordIsFinal || meeting.IsCancelled)
        {
            return;
        }

        // One row serves every reader of the body, so it holds only what anyone may read: never a
        // private item's notes, declarations or actions (none of which is indexed at all).
        foreach (var item in meeting.Items.Where(i => Confidentiality.MayRead(MeetingReader.Public, i) && !string.IsNullOrWhiteSpace(i.Notes)))
        {
            await InsertAsync(
                db, MinutesRows + item.Id, $"{body.Name}: {item.Title}", MarkdownRenderer.ToPlainText(item.Notes), MinutesKind, meeting.Id, body.Id, meeting.Date, ct);
        }
    }

    /// <summary>Writes the whole index again from what is published: after seeding, or whenever the index is in doubt.</summary>
    public static async Task RebuildAsync(PortalDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex", ct);
        var reports = await db.Reports.AsNoTracking().Include(r => r.Sections).Include(r => r.Recommendations).AsSplitQuery()
            .Where(r => r.Status == ReportStatus.Published).ToListAsync(ct);
        foreach (var report in reports)
        {
            await ReportAsync(db, report, ct);
        }

        var byId = reports.ToDictionary(r => r.Id);
        foreach (var decision in await db.Decisions.AsNoTracking().ToListAsync(ct))
        {
            if (byId.TryGetValue(decision.ReportId, out var report))
            {
                await DecisionAsync(db, decision, report, ct);
            }
        }

        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, ct);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Items)
            .Where(m => m.Record == RecordStatus.Approved || m.Record == RecordStatus.Signed || m.Record == RecordStatus.Published)
            .ToListAsync(ct);
        foreach (var meeting in meetings)
        {
            await MeetingAsync(db, meeting, bodies[meeting.BodyId], ct);
        }

        await MembersAsync(db, ct);
        foreach (var officerDecision in await db.OfficerDecisions.AsNoTracking().ToListAsync(ct))
        {
            await OfficerDecisionAsync(db, officerDecision, ct);
        }
    }

    /// <summary>The token that files a row under its body (0: no body, staff only).</summary>
    public static string Audience(int bodyId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"body{bodyId}");

    /// <summary>Whether a row is a report's (reports rank above the decisions and minutes that quote them).</summary>
    public const long FirstNonReportRow = DecisionRows;

    private static Task DeleteAsync(PortalDbContext db, long rowId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex WHERE rowid = {rowId}", ct);

    private static Task InsertAsync(PortalDbContext db, long rowId, string title, string body, string kind, int itemId, int? bodyId, DateOnly? date, CancellationToken ct)
    {
        var day = date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return db.Database.ExecuteSqlAsync(
            $"INSERT INTO SearchIndex (rowid, Title, Body, Audience, Kind, ItemId, Date) VALUES ({rowId}, {title}, {body}, {Audience(bodyId ?? 0)}, {kind}, {itemId}, {day})", ct);
    }
}
