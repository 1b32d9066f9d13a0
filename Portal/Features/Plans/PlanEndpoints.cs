using Portal.Features.Plans.Plans;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Plans;

/// <summary>The plan's CSV downloads: plain GETs a browser saves as files. The service checks the reader's rights.</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/plans/{id:int}/export/{what}.csv", async (int id, string what, string? year, PlanExportService exports, CancellationToken ct) =>
        {
            // A year that is not one is the plan's current year, as on the plan's page.
            var planYear = Portal.Components.Shared.QueryValue.Year(year);
            try
            {
                var file = what switch
                {
                    "actions" => await exports.ExportActionsAsync(id, planYear, ct),
                    "indicators" => await exports.ExportIndicatorValuesAsync(id, planYear, ct),
                    _ => null,
                };
                return file is null ? Results.NotFound() : CsvExport.ToResult(file);
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
