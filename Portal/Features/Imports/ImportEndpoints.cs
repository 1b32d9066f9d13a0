using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Imports;

/// <summary>
/// The import templates: the header row alone (.xlsx or .csv), or the plan's actions this year in the template's
/// shape. Headers are the template's own words in every language, so a file moves between councils. The service checks the caller.
/// </summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportTemplates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/plans/{id:int}/import/{what}", async (int id, string what, ImportService imports, CancellationToken ct) =>
        {
            try
            {
                return what switch
                {
                    "template.xlsx" => ExcelExport.ToResult(new ExcelFile("actions-template.xlsx", ExcelExport.Write(await imports.TemplateAsync(id, withRows: false, ct), key => key))),
                    "template.csv" => CsvExport.ToResult(CsvExport.File(await imports.TemplateAsync(id, withRows: false, ct)) with { FileName = "actions-template.csv" }),
                    "actions.xlsx" => ExcelExport.ToResult(new ExcelFile($"plan-{id}-actions-import.xlsx", ExcelExport.Write(await imports.TemplateAsync(id, withRows: true, ct), key => key))),
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
        }).RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }
}
