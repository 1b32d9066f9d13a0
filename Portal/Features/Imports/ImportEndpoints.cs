using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Imports;

/// <summary>
/// The import templates: the header row alone (.xlsx or .csv), or what is there already in the template's shape
/// (a plan's actions this year, its indicators and open risks; the council's posts and people). Headers are the template's own words in every language,
/// so a file moves between councils. The service checks the caller.
/// </summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportTemplates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/plans/{id:int}/import/{what}", (int id, string what, ImportService imports, CancellationToken ct) =>
            what == "actions.xlsx" ? FileAsync(imports, ImportKind.Actions, id, "current.xlsx", ct) : FileAsync(imports, ImportKind.Actions, id, what, ct))
            .RequireAuthorization(Policies.SignedIn);
        endpoints.MapGet("/plans/{id:int}/import/{kind}/{what}", (int id, string kind, string what, ImportService imports, CancellationToken ct) =>
            ImportKinds.FromSlug(kind) is { } k && k.OfPlan() && k != ImportKind.Actions ? FileAsync(imports, k, id, what, ct) : Task.FromResult(Results.NotFound()))
            .RequireAuthorization(Policies.SignedIn);
        endpoints.MapGet("/admin/import/{kind}/{what}", (string kind, string what, ImportService imports, CancellationToken ct) =>
            ImportKinds.FromSlug(kind) is { } k && !k.OfPlan() ? FileAsync(imports, k, null, what, ct) : Task.FromResult(Results.NotFound()))
            .RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }

    private static async Task<IResult> FileAsync(ImportService imports, ImportKind kind, int? planId, string what, CancellationToken ct)
    {
        try
        {
            var stem = kind == ImportKind.Actions ? "actions" : kind.Slug();
            return what switch
            {
                "template.xlsx" => ExcelExport.ToResult(new ExcelFile($"{stem}-template.xlsx", ExcelExport.Write(await imports.TemplateAsync(kind, planId, withRows: false, ct), key => key))),
                "template.csv" => CsvExport.ToResult(CsvExport.File(await imports.TemplateAsync(kind, planId, withRows: false, ct)) with { FileName = $"{stem}-template.csv" }),
                "current.xlsx" when kind is not ImportKind.PlanItems =>
                    ExcelExport.ToResult(new ExcelFile(planId is int id ? $"plan-{id}-{stem}-import.xlsx" : $"{stem}-import.xlsx", ExcelExport.Write(await imports.TemplateAsync(kind, planId, withRows: true, ct), key => key))),
                _ => Results.NotFound(),
            };
        }
        catch (AccessDeniedException)
        {
            return Results.Forbid();
        }
        catch (KeyNotFoundException)
        {
            return Results.NotFound();
        }
    }
}
