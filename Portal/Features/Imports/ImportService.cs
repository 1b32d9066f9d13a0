using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Imports.Actions;
using Portal.Features.Imports.Files;
using Portal.Features.Plans; // the plan's rights (PlanAccess) and change (PlanChanged): an import adds actions to a plan as its editors would
using Portal.Infrastructure.Export;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Imports;

/// <summary>
/// Bringing a plan's key actions in from a spreadsheet: a template, a preview that saves nothing, and a save
/// that reads the same file again, refuses it if any row has a problem, and otherwise adds every row in one
/// transaction (audited by the context) and tells the plan's open pages. Administrators, and a directorate's
/// director for their own plan (<see cref="PlanCaller.DemandEdit"/>), as for adding one action by hand.
/// </summary>
public sealed class ImportService(IDbContextFactory<PortalDbContext> dbFactory, PlanAccess access, ChangeFeed changes)
{
    /// <summary>The plan and year an import adds to, for the import page's heading; only to those who may import into it.</summary>
    public async Task<string> TargetAsync(int planId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await EditablePlanAsync(db, planId, ct);
        return $"{plan.Title} {plan.Calendar.YearLabel(plan.OpenYear)}";
    }

    public async Task<ImportPreview> PreviewAsync(int planId, byte[] content, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, result) = await ReadAsync(db, planId, content, ct);
        return new ImportPreview(ImportKind.Actions, $"{plan.Title} {plan.Calendar.YearLabel(plan.OpenYear)}", ActionImport.Columns, result.Rows);
    }

    /// <summary>Saves every row of a file with no problems, all or nothing; returns how many actions it added.</summary>
    public async Task<int> SaveAsync(int planId, byte[] content, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (plan, result) = await ReadAsync(db, planId, content, ct);
        var problems = result.Rows.Sum(r => r.Problems.Count);
        if (problems > 0)
        {
            throw new DomainRuleException("Import.HasProblems", $"{problems} problems in the file stop it from being saved. Correct them and upload it again.", null, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Actions.AddRange(result.Actions);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new PlanChanged(plan.Id, PlanItemKind.Action, result.Actions[0].Id));
        return result.Actions.Count;
    }

    /// <summary>The template: its header row and, when the plan has actions this year, those actions in its shape (so a plan's actions can be carried to another).</summary>
    public async Task<ExportWorkbook> TemplateAsync(int planId, bool withRows, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await EditablePlanAsync(db, planId, ct);
        var rows = withRows ? await ActionImport.RowsOfAsync(db, plan, ct) : [];
        var columns = ActionImport.Columns.Select(c => new ExportColumn(c, c is "Start" or "Due" or "MilestoneDue" ? CellKind.Date : c == "Priority" ? CellKind.Number : CellKind.Text)).ToList();
        return new ExportWorkbook($"plan-{plan.Id}-actions-import", [new("Actions", columns, rows)]);
    }

    private async Task<(DirectoratePlan Plan, ActionImport.Result Result)> ReadAsync(PortalDbContext db, int planId, byte[] content, CancellationToken ct)
    {
        var plan = await EditablePlanAsync(db, planId, ct);
        var rows = SpreadsheetFile.Read(content, ActionImport.Columns);
        return (plan, await ActionImport.ReadAsync(db, plan, rows, ct));
    }

    private async Task<DirectoratePlan> EditablePlanAsync(PortalDbContext db, int planId, CancellationToken ct)
    {
        var caller = await access.CallerAsync(ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Priorities).SingleOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new KeyNotFoundException($"No plan {planId}.");
        caller.DemandEdit(PlanKey.Of(plan));
        return plan;
    }
}
