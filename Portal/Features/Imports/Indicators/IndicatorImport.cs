using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Imports.Files;
using Portal.Features.Plans; // the plan's change (PlanChanged), told to its open pages as when an indicator is added by hand
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Imports.Indicators;

/// <summary>
/// Reads a plan's performance indicators with their targets and past figures. Rows that share a Code are one
/// indicator: its first row says what it is, and every row may give one period's target and actual (an actual
/// comes in as a draft entered by the importer, to be approved by someone else as any figure is). The checks
/// are the domain's (<see cref="PerformanceIndicator.Create"/>, <see cref="PerformanceIndicator.SetTarget"/>,
/// <see cref="PerformanceIndicator.RecordActual"/>), plus a code already in the plan or used twice, an unknown
/// priority or owner, a number or choice that is not one, and a period given twice.
/// </summary>
public sealed class IndicatorImport : IImporter
{
    public ImportKind Kind => ImportKind.Indicators;

    public IReadOnlyList<ExportColumn> Columns { get; } = ExportColumn.Many(
        ("Code", CellKind.Text), ("Priority", CellKind.Number), ("Title", CellKind.Text), ("Definition", CellKind.Text), ("Unit", CellKind.Text),
        ("Polarity", CellKind.Text), ("Frequency", CellKind.Text), ("Baseline", CellKind.Decimal), ("Tolerance", CellKind.Decimal), ("Owner", CellKind.Text),
        ("Year", CellKind.Number), ("Period", CellKind.Number), ("Target", CellKind.Decimal), ("Actual", CellKind.Decimal), ("Commentary", CellKind.Text));

    public async Task<ImportBatch> ReadAsync(PortalDbContext db, ImportScope scope, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rows);
        var plan = scope.RequirePlan();
        var people = await ImportLookups.PeopleAsync(db, ct);
        var codes = new UniqueKeys(await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).Select(i => i.Code).ToListAsync(ct));
        var byCode = new Dictionary<string, (PerformanceIndicator? Indicator, ImportRow First)>(StringComparer.OrdinalIgnoreCase);
        var periods = new Dictionary<(string, int, int), int>();
        var indicators = new List<PerformanceIndicator>();
        var preview = new List<PreviewRow>(rows.Count);
        foreach (var row in rows)
        {
            var problems = new List<DomainRuleException>();
            var code = row["Code"];
            PerformanceIndicator? indicator;
            Priority? priority = null;
            (int Id, string Name)? owner = null;
            if (code is not null && byCode.TryGetValue(code, out var earlier))
            {
                // A later row of the same indicator: it may only add a period.
                indicator = earlier.Indicator;
                if (row["Title"] is { } title && !string.Equals(title, earlier.First["Title"], StringComparison.Ordinal))
                {
                    problems.Add(new DomainRuleException("Import.DuplicateCode", $"Code “{code}” is already used on row {earlier.First.Line} of the file.", "Code", "Code", code, earlier.First.Line));
                }
            }
            else
            {
                priority = ImportLookups.PriorityOf(plan, row, problems, required: true);
                owner = ImportLookups.Find(people, row["Owner"], "Owner", "Import.UnknownPerson", problems);
                var unit = ImportValues.Choice<MeasureUnit>(row, "Unit", problems, MeasureUnit.Number);
                var polarity = ImportValues.Choice<Polarity>(row, "Polarity", problems, Polarity.HigherIsBetter);
                var frequency = ImportValues.Choice<Frequency>(row, "Frequency", problems, Frequency.Quarterly);
                var baseline = ImportValues.Decimal(row, "Baseline", problems);
                var tolerance = ImportValues.Decimal(row, "Tolerance", problems) ?? 0m;
                codes.Claim(code, row.Line, "Code", problems);
                indicator = null;
                if (problems.Count == 0 && priority is not null && owner is not null && unit is { } u && polarity is { } p && frequency is { } f)
                {
                    indicator = ImportValues.Try(problems, () => PerformanceIndicator.Create(plan, priority, code ?? string.Empty, row["Title"] ?? string.Empty, row["Definition"], u, p, f, baseline, tolerance, owner.Value.Id));
                }

                if (code is not null)
                {
                    byCode[code] = (indicator, row);
                }

                if (indicator is not null)
                {
                    indicators.Add(indicator);
                }
            }

            ReadPeriod(row, indicator, scope, periods, problems);
            preview.Add(new PreviewRow(row.Line,
            [
                code, priority is null ? row["Priority"] : $"{priority.Number}. {priority.Title}", row["Title"], row["Definition"], row["Unit"], row["Polarity"],
                row["Frequency"], row["Baseline"], row["Tolerance"], owner?.Name ?? row["Owner"], row["Year"], row["Period"], row["Target"], row["Actual"], row["Commentary"],
            ], problems));
        }

        return new ImportBatch(
            preview,
            indicators.Count,
            async (save, token) =>
            {
                save.Indicators.AddRange(indicators);
                await save.SaveChangesAsync(token);
            },
            feed => feed.Publish(new PlanChanged(plan.Id, PlanItemKind.Indicator, indicators.Count > 0 ? indicators[0].Id : 0)));
    }

    /// <summary>The plan's indicators in the template's shape, one row a period (the first also saying what the indicator is), so they can be carried to another plan.</summary>
    public async Task<List<object?[]>> RowsOfAsync(PortalDbContext db, ImportScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var plan = scope.RequirePlan();
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email ?? p.DisplayName, ct);
        var numbers = plan.Priorities.ToDictionary(p => p.Id, p => p.Number);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.PlanId == plan.Id).OrderBy(i => i.Id).ToListAsync(ct);
        var rows = new List<object?[]>();
        foreach (var i in indicators)
        {
            var values = i.Values.OrderBy(v => v.Year).ThenBy(v => v.Period).ToList();
            var first = values.FirstOrDefault();
            rows.Add([i.Code, numbers.GetValueOrDefault(i.PriorityId), i.Title, i.Definition, i.Unit.ToString(), i.Polarity.ToString(), i.Frequency.ToString(), i.Baseline, i.Tolerance,
                people.GetValueOrDefault(i.OwnerId), first?.Year, first?.Period, first?.Target, first?.Actual, first?.Commentary]);
            rows.AddRange(values.Skip(1).Select(v => new object?[] { i.Code, null, null, null, null, null, null, null, null, null, v.Year, v.Period, v.Target, v.Actual, v.Commentary }));
        }

        return rows;
    }

    /// <summary>One period's target and actual, when the row gives any of Year, Period, Target or Actual.</summary>
    private static void ReadPeriod(ImportRow row, PerformanceIndicator? indicator, ImportScope scope, Dictionary<(string, int, int), int> periods, List<DomainRuleException> problems)
    {
        if (row["Year"] is null && row["Period"] is null && row["Target"] is null && row["Actual"] is null)
        {
            return;
        }

        var year = ImportValues.Number(row, "Year", problems);
        var number = ImportValues.Number(row, "Period", problems);
        var target = ImportValues.Decimal(row, "Target", problems);
        var actual = ImportValues.Decimal(row, "Actual", problems);
        if (year is not int y || number is not int n)
        {
            return;
        }

        var key = ((row["Code"] ?? string.Empty).ToUpperInvariant(), y, n);
        if (periods.TryGetValue(key, out var first))
        {
            problems.Add(new DomainRuleException("Import.DuplicatePeriod", $"Row {first} already gives period {n} of {y} for this indicator.", "Period", first, n, y));
            return;
        }

        periods[key] = row.Line;
        if (indicator is null)
        {
            return;
        }

        var period = new ReportingPeriod(y, n);
        if (target is not null || actual is null)
        {
            ImportValues.Try(problems, () => indicator.SetTarget(period, target));
        }

        if (actual is decimal figure)
        {
            var enteredBy = scope.PersonId ?? throw new AccessDeniedException("PersonRequired");
            ImportValues.Try(problems, () => indicator.RecordActual(period, figure, row["Commentary"], enteredBy, scope.PersonName, scope.UtcNow));
        }
    }
}
