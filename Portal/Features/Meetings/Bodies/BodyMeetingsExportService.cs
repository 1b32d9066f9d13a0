using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Export;

namespace Portal.Features.Meetings.Bodies;

/// <summary>
/// Every meeting of one body, past and future, as a workbook; a body the reader may not see is
/// <see cref="KeyNotFoundException"/>, as its page is a 404 (the same <c>CanSee</c> check).
/// </summary>
public sealed class BodyMeetingsExportService(IDbContextFactory<PortalDbContext> dbFactory, MeetingAccess access)
{
    private static readonly ExportColumn[] Columns = ExportColumn.Many(
        ("Date", CellKind.Date), ("Start", CellKind.Text), ("End", CellKind.Text), ("Venue", CellKind.Text), ("Status", CellKind.Text), ("Body", CellKind.Text));

    public async Task<ExportWorkbook> MeetingsAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await access.CallerAsync(ct);
        var body = await db.Bodies.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Slug == slug, ct);
        if (body is null || !caller.CanSee(body))
        {
            throw new KeyNotFoundException($"No body {slug}.");
        }

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == body.Id).OrderBy(m => m.Date).ThenBy(m => m.StartTime).ToListAsync(ct);
        var rows = meetings.Select(m => MeetingQueries.Row(m, body, caller)).Select(m => new object?[]
        {
            m.Date, m.Start.ToString("HH:mm", CultureInfo.InvariantCulture), m.End.ToString("HH:mm", CultureInfo.InvariantCulture), m.Venue, m.Status.ToString(), m.BodyName,
        }).ToList();
        return new ExportWorkbook($"meetings-{body.Slug}", [new("Meetings", Columns, rows)]);
    }
}
