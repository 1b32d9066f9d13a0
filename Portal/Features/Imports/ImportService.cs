using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Imports.Actions;
using Portal.Features.Imports.Files;
using Portal.Features.Imports.Indicators;
using Portal.Features.Imports.People;
using Portal.Features.Imports.PlanItems;
using Portal.Features.Imports.Posts;
using Portal.Features.Imports.Risks;
using Portal.Features.Plans; // the plan's rights (PlanAccess): an import adds to a plan as its editors would
using Portal.Infrastructure.Export;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Imports;

/// <summary>
/// Bringing things in from a spreadsheet, the same way for every <see cref="ImportKind"/>: a template, a preview
/// that saves nothing, and a save that reads the same file again, refuses it if any row has a problem, and
/// otherwise adds every row in one transaction (audited by the context) and tells the open pages. A plan's
/// kinds (actions, indicators, risks, the service and team items beneath it): administrators, and a directorate's director for their own plan
/// (<see cref="PlanCaller.DemandEdit"/>), as for adding one by hand; posts and people: administrators only.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<PortalDbContext> dbFactory, PlanAccess access, ICurrentUser currentUser, ChangeFeed changes, TimeProvider clock)
{
    private static readonly Dictionary<ImportKind, IImporter> Importers = new IImporter[]
    {
        new ActionImport(), new IndicatorImport(), new RiskImport(), new PostImport(), new PeopleImport(), new PlanItemImport(),
    }.ToDictionary(i => i.Kind);

    /// <summary>The template's column names for <paramref name="kind"/>, in order.</summary>
    public static IReadOnlyList<string> ColumnsOf(ImportKind kind) => [.. Importers[kind].Columns.Select(c => c.Key)];

    /// <summary>Where an import goes, for the import page's heading; only to those who may import it there.</summary>
    public async Task<string> TargetAsync(ImportKind kind, int? planId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TargetOfAsync(db, await ScopeAsync(db, kind, planId, ct), ct);
    }

    public async Task<ImportPreview> PreviewAsync(ImportKind kind, int? planId, byte[] content, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (scope, batch) = await ReadAsync(db, kind, planId, content, ct);
        return new ImportPreview(kind, await TargetOfAsync(db, scope, ct), ColumnsOf(kind), batch.Rows);
    }

    /// <summary>Saves every row of a file with no problems, all or nothing; returns how many things it added or changed.</summary>
    public async Task<int> SaveAsync(ImportKind kind, int? planId, byte[] content, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, batch) = await ReadAsync(db, kind, planId, content, ct);
        var problems = batch.Rows.Sum(r => r.Problems.Count);
        if (problems > 0)
        {
            throw new DomainRuleException("Import.HasProblems", $"{problems} problems in the file stop it from being saved. Correct them and upload it again.", null, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await batch.SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        batch.Publish(changes);
        return batch.Count;
    }

    /// <summary>The template: its header row and, where the kind offers it, what is there already in its shape (so it can be carried elsewhere).</summary>
    public async Task<ExportWorkbook> TemplateAsync(ImportKind kind, int? planId, bool withRows, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, kind, planId, ct);
        var importer = Importers[kind];
        var rows = withRows ? await importer.RowsOfAsync(db, scope, ct) : [];
        var stem = scope.Plan is { } plan ? $"plan-{plan.Id}-{kind.Slug()}-import" : $"{kind.Slug()}-import";
        return new ExportWorkbook(stem, [new(kind.ToString(), importer.Columns, rows)]);
    }

    /// <summary>A plan's key actions: <see cref="PreviewAsync(ImportKind, int?, byte[], CancellationToken)"/> for <see cref="ImportKind.Actions"/>.</summary>
    public Task<ImportPreview> PreviewAsync(int planId, byte[] content, CancellationToken ct) => PreviewAsync(ImportKind.Actions, planId, content, ct);

    public Task<int> SaveAsync(int planId, byte[] content, CancellationToken ct) => SaveAsync(ImportKind.Actions, planId, content, ct);

    public Task<ExportWorkbook> TemplateAsync(int planId, bool withRows, CancellationToken ct) => TemplateAsync(ImportKind.Actions, planId, withRows, ct);

    private async Task<(ImportScope Scope, ImportBatch Batch)> ReadAsync(PortalDbContext db, ImportKind kind, int? planId, byte[] content, CancellationToken ct)
    {
        var scope = await ScopeAsync(db, kind, planId, ct);
        var importer = Importers[kind];
        var rows = SpreadsheetFile.Read(content, ColumnsOf(kind));
        return (scope, await importer.ReadAsync(db, scope, rows, ct));
    }

    /// <summary>Checks the caller first, for every kind: a plan's editors for a plan's kinds, administrators for the rest.</summary>
    private async Task<ImportScope> ScopeAsync(PortalDbContext db, ImportKind kind, int? planId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (kind.OfPlan())
        {
            var caller = await access.CallerAsync(ct);
            var id = planId ?? throw new KeyNotFoundException("No plan given.");
            var plan = await db.Plans.AsNoTracking().Include(p => p.Priorities).SingleOrDefaultAsync(p => p.Id == id, ct)
                ?? throw new KeyNotFoundException($"No plan {id}.");
            caller.DemandEdit(PlanKey.Of(plan));
            return new ImportScope(plan, caller.PersonId, caller.Name, now);
        }

        var principal = await currentUser.DemandAsync(Policies.Administer);
        var personId = int.TryParse(principal.FindFirstValue(PortalClaims.PersonId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : (int?)null;
        return new ImportScope(null, personId, principal.FindFirstValue(PortalClaims.DisplayName) ?? principal.Identity?.Name ?? string.Empty, now);
    }

    private static async Task<string> TargetOfAsync(PortalDbContext db, ImportScope scope, CancellationToken ct) =>
        scope.Plan is { } plan
            ? $"{plan.Title} {plan.Calendar.YearLabel(plan.OpenYear)}"
            : await db.OrganisationUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
}
