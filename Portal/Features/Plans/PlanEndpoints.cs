using Microsoft.Extensions.Localization;
using Portal.Features.Plans.Plans;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;
using Portal.Resources;

namespace Portal.Features.Plans;

/// <summary>The plan's CSV and Excel downloads: plain GETs a browser saves as files. The service checks the reader's rights.</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/plans/{id:int}/export/{what}.csv", (int id, string what, string? year, PlanExportService exports, CancellationToken ct) =>
            ExportAsync(id, what, year, exports, CsvExport.File, CsvExport.ToResult, ct)).RequireAuthorization(Policies.SignedIn);
        endpoints.MapGet("/plans/{id:int}/export/{what}.xlsx", (int id, string what, string? year, PlanExportService exports, IStringLocalizer<Text> text, CancellationToken ct) =>
            ExportAsync(id, what, year, exports, w => ExcelExport.File(w, text), ExcelExport.ToResult, ct)).RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync<TFile>(
        int id, string what, string? year, PlanExportService exports, Func<ExportWorkbook, TFile> write, Func<TFile, IResult> result, CancellationToken ct)
    {
        // A year that is not one is the plan's current year, as on the plan's page.
        var planYear = Portal.Components.Shared.QueryValue.Year(year);
        try
        {
            var workbook = what switch
            {
                "actions" => await exports.ActionsAsync(id, planYear, ct),
                "indicators" => await exports.IndicatorValuesAsync(id, planYear, ct),
                "risks" => await exports.RisksAsync(id, planYear, ct),
                _ => null,
            };
            return workbook is null ? Results.NotFound() : result(write(workbook));
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
