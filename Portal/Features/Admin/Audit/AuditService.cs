using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Admin.Audit;

public sealed record AuditQuery(string? Person = null, string? Item = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(long Id, DateTime OccurredUtc, string Actor, AuditAction Action, string EntityType, string EntityId, int? Version, string? Before, string? After);

public sealed record AuditResults(IReadOnlyList<AuditRow> Rows, int Total, IReadOnlyList<string> ItemTypes);

/// <summary>
/// The audit trail for administrators: filtered by who, by kind of item (or one item, as
/// "Report 12"), and by date; newest first; the same filter as CSV. Values the trail never
/// stored (secrets, files, private notes) stay "(changed)".
/// </summary>
public sealed class AuditService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser)
{
    public const int PageSize = 200;

    public async Task<AuditResults> SearchAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(ct);
        var rows = await filtered.OrderByDescending(a => a.Id).Take(PageSize).Select(Row).ToListAsync(ct);
        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        return new AuditResults(rows, total, types);
    }

    public async Task<CsvFile> ExportAsync(AuditQuery query, CancellationToken ct) => CsvExport.File(await WorkbookAsync(query, ct));

    /// <summary>Every entry the filter finds (not only the page's first screen), for the CSV and Excel downloads; administrators only.</summary>
    public async Task<ExportWorkbook> WorkbookAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Filter(db, query).OrderBy(a => a.Id).Select(Row).ToListAsync(ct);
        var columns = ExportColumn.Many(
            ("Id", CellKind.Number), ("When (UTC)", CellKind.Timestamp), ("Who", CellKind.Text), ("Action", CellKind.Text), ("Item", CellKind.Text),
            ("Item id", CellKind.Number), ("Version", CellKind.Number), ("Before", CellKind.Text), ("After", CellKind.Text));
        return new ExportWorkbook("audit", [new("Audit", columns, [.. rows.Select(r => new object?[] { r.Id, r.OccurredUtc, r.Actor, r.Action.ToString(), r.EntityType, r.EntityId, r.Version, r.Before, r.After })])]);
    }

    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, AuditRow>> Row =
        a => new AuditRow(a.Id, a.OccurredUtc, a.ActorName, a.Action, a.EntityType, a.EntityId, a.EntityVersion, a.Before, a.After);

    private static IQueryable<AuditEntry> Filter(PortalDbContext db, AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            var person = query.Person.Trim();
            // SQLite's LIKE ignores case; PostgreSQL's does not, so there it is ILIKE.
            entries = db.Database.IsNpgsql()
                ? entries.Where(a => EF.Functions.ILike(a.ActorName, $"%{person}%"))
                : entries.Where(a => EF.Functions.Like(a.ActorName, $"%{person}%"));
        }

        if (!string.IsNullOrWhiteSpace(query.Item))
        {
            var parts = query.Item.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            var type = parts[0];
            entries = entries.Where(a => a.EntityType == type);
            if (parts.Length == 2)
            {
                var id = parts[1];
                entries = entries.Where(a => a.EntityId == id);
            }
        }

        if (query.From is DateOnly from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredUtc >= start);
        }

        if (query.To is DateOnly to)
        {
            var end = to == DateOnly.MaxValue ? DateTime.MaxValue : to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredUtc < end);
        }

        return entries;
    }
}
