using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Establishment;
using Portal.Domain.Organisation;
using Portal.Features.Meetings; // the council's settings (its country, so its currency and law) are kept with the meetings' settings
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Establishment.Establishment;

/// <summary>
/// The establishment's figures: posts, FTE, filled and vacant, and their costs at the bands' minimum,
/// midpoint and maximum with on-costs, by unit and for the council, on any date, and as CSV.
/// Signed-in staff and councillors read them.
/// </summary>
public sealed class EstablishmentService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<EstablishmentView> EstablishmentAsync(DateOnly? on, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        var date = on ?? clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.EstablishmentSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? EstablishmentSettings.CreateDefault();
        // Only what the sums need: each post's unit, FTE and band, and whether it is held on the date.
        var grades = await db.Grades.AsNoTracking().ToDictionaryAsync(g => g.Id, ct);
        var held = (await db.PostHoldings.AsNoTracking().Where(h => h.From <= date && (h.To == null || h.To > date)).Select(h => h.PostId).ToListAsync(ct)).ToHashSet();
        var figures = (await db.Posts.AsNoTracking()
                .Where(p => p.EstablishedOn <= date && (p.DeletedOn == null || p.DeletedOn > date))
                .Select(p => new { p.Id, p.UnitId, p.GradeId, p.Fte })
                .ToListAsync(ct))
            .Select(p => new EstablishmentPost(p.Id, p.UnitId, p.Fte, held.Contains(p.Id), grades[p.GradeId].BandMinimum, grades[p.GradeId].BandMaximum))
            .ToList();
        var units = await db.OrganisationUnits.AsNoTracking().Select(u => new { u.Id, u.Name, u.Kind, u.ParentId }).ToListAsync(ct);
        var unitById = units.ToDictionary(u => u.Id);
        var children = units.Where(u => u.ParentId is not null).GroupBy(u => u.ParentId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(u => u.Name).Select(u => u.Id).ToList());
        var byUnit = figures.GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<EstablishmentRow>();
        var cache = new Dictionary<int, List<EstablishmentPost>>();
        List<EstablishmentPost> Beneath(int unitId)
        {
            if (cache.TryGetValue(unitId, out var known))
            {
                return known;
            }
            var all = new List<EstablishmentPost>(byUnit.GetValueOrDefault(unitId, []));
            foreach (var child in children.GetValueOrDefault(unitId, []))
            {
                all.AddRange(Beneath(child));
            }
            return cache[unitId] = all;
        }

        void Walk(int unitId, int depth)
        {
            var posts = Beneath(unitId);
            var unit = unitById[unitId];
            if (posts.Count > 0 && unit.Kind != UnitKind.Council)
            {
                rows.Add(new EstablishmentRow(unitId, unit.Name, depth, EstablishmentFigures.Of(posts, settings.OnCostPercent)));
            }

            foreach (var child in children.GetValueOrDefault(unitId, []))
            {
                Walk(child, unit.Kind == UnitKind.Council ? depth : depth + 1);
            }
        }

        var council = units.FirstOrDefault(u => u.ParentId is null);
        if (council is not null)
        {
            Walk(council.Id, 0);
        }
        var total = EstablishmentFigures.Of(figures, settings.OnCostPercent);
        return new EstablishmentView(date, settings.OnCostPercent, settings.Version, rows, total, await currentUser.SatisfiesAsync(Policies.Administer), (await db.SettingsAsync(ct)).Country);
    }

    public async Task<CsvFile> ExportAsync(DateOnly? on, CancellationToken ct) => CsvExport.File(await WorkbookAsync(on, ct));

    /// <summary>The page's figures by unit and for the council, costs as money in the council's currency.</summary>
    public async Task<ExportWorkbook> WorkbookAsync(DateOnly? on, CancellationToken ct)
    {
        var view = await EstablishmentAsync(on, ct);
        var columns = ExportColumn.Many(
            ("Unit", CellKind.Text), ("Posts", CellKind.Number), ("FTE", CellKind.Decimal), ("Filled", CellKind.Number), ("Filled FTE", CellKind.Decimal),
            ("Vacant", CellKind.Number), ("Vacant FTE", CellKind.Decimal), ("Cost at minimum", CellKind.Money), ("Cost at midpoint", CellKind.Money),
            ("Cost at maximum", CellKind.Money));
        static object?[] Row(string name, EstablishmentFigures f) =>
            [name, f.Posts, f.Fte, f.Filled, f.FilledFte, f.Vacant, f.VacantFte, f.CostAtMinimum, f.CostAtMidpoint, f.CostAtMaximum];
        var rows = view.Units.Select(u => Row(new string(' ', u.Depth * 2) + u.Unit, u.Figures)).Append(Row("Council", view.Council)).ToList();
        return new ExportWorkbook($"establishment-{view.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", [new("Establishment", columns, rows)], view.Country);
    }
}
