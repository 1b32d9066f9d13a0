using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Imports.Files;
using Portal.Features.Plans; // the plan's change (PlanChanged), told to its open pages as when a risk is added by hand
using Portal.Infrastructure.Export;

namespace Portal.Features.Imports.Risks;

/// <summary>
/// Reads risks into a plan's open year: one row a risk, with its owner, the priority it threatens (optional),
/// its three scores on the 5x5 matrix and its review date. The checks are the domain's (<see cref="Risk.Create"/>:
/// scores from 1 to 5, residual no higher than inherent), plus an unknown priority or owner, a bad date or
/// number, and a title already in the plan's register this year or twice in the file.
/// </summary>
public sealed class RiskImport : IImporter
{
    private static readonly string[] Scores = ["InherentLikelihood", "InherentImpact", "ResidualLikelihood", "ResidualImpact", "TargetLikelihood", "TargetImpact"];

    public ImportKind Kind => ImportKind.Risks;

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Title"), new("Priority", CellKind.Number), new("Owner"), new("Cause"), new("Consequence"), new("Controls"),
        .. Scores.Select(s => new ExportColumn(s, CellKind.Number)), new("ReviewDate", CellKind.Date),
    ];

    public async Task<ImportBatch> ReadAsync(PortalDbContext db, ImportScope scope, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rows);
        var plan = scope.RequirePlan();
        var people = await ImportLookups.PeopleAsync(db, ct);
        var titles = new UniqueKeys(await db.Risks.AsNoTracking().Where(r => r.PlanId == plan.Id && r.Year == plan.OpenYear).Select(r => r.Title).ToListAsync(ct));
        var risks = new List<Risk>();
        var preview = new List<PreviewRow>(rows.Count);
        foreach (var row in rows)
        {
            var problems = new List<DomainRuleException>();
            var priority = ImportLookups.PriorityOf(plan, row, problems, required: false);
            var owner = ImportLookups.Find(people, row["Owner"], "Owner", "Import.UnknownPerson", problems);
            var scores = Scores.Select(s => ImportValues.Number(row, s, problems)).ToList();
            var review = ImportValues.Date(row, "ReviewDate", problems);
            titles.Claim(row["Title"], row.Line, "Title", problems);
            if (problems.Count == 0 && owner is not null && review is { } date && scores.All(s => s is not null))
            {
                var description = new RiskDescription(row["Title"] ?? string.Empty, row["Cause"], row["Consequence"], row["Controls"], owner.Value.Id, priority?.Id);
                var matrix = new RiskScores(scores[0]!.Value, scores[1]!.Value, scores[2]!.Value, scores[3]!.Value, scores[4]!.Value, scores[5]!.Value);
                if (ImportValues.Try(problems, () => Risk.Create(plan, plan.OpenYear, description, matrix, date)) is { } risk)
                {
                    risks.Add(risk);
                }
            }

            preview.Add(new PreviewRow(row.Line,
            [
                row["Title"], priority is null ? row["Priority"] : $"{priority.Number}. {priority.Title}", owner?.Name ?? row["Owner"], row["Cause"], row["Consequence"], row["Controls"],
                .. Scores.Select(s => row[s]), ImportValues.Shown(row, "ReviewDate"),
            ], problems));
        }

        return new ImportBatch(
            preview,
            risks.Count,
            async (save, token) =>
            {
                save.Risks.AddRange(risks);
                await save.SaveChangesAsync(token);
            },
            feed => feed.Publish(new PlanChanged(plan.Id, PlanItemKind.Risk, risks.Count > 0 ? risks[0].Id : 0)));
    }

    /// <summary>The plan's open risks this year in the template's shape, so they can be carried to another plan.</summary>
    public async Task<List<object?[]>> RowsOfAsync(PortalDbContext db, ImportScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var plan = scope.RequirePlan();
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email ?? p.DisplayName, ct);
        var numbers = plan.Priorities.ToDictionary(p => p.Id, p => p.Number);
        var risks = await db.Risks.AsNoTracking().Where(r => r.PlanId == plan.Id && r.Year == plan.OpenYear && !r.IsClosed).OrderBy(r => r.Id).ToListAsync(ct);
        return risks.Select(r => new object?[]
        {
            r.Title, r.PriorityId is int p ? numbers.GetValueOrDefault(p) : null, people.GetValueOrDefault(r.OwnerId), r.Cause, r.Consequence, r.Controls,
            r.InherentLikelihood, r.InherentImpact, r.ResidualLikelihood, r.ResidualImpact, r.TargetLikelihood, r.TargetImpact, r.ReviewDate,
        }).ToList();
    }
}
