using Microsoft.Extensions.Localization;
using Portal.Features.Thread.Coverage;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;
using Portal.Resources;

namespace Portal.Features.Thread;

/// <summary>The thread's CSV and Excel downloads; the service checks the reader's rights and masks private objectives.</summary>
public static class ThreadEndpoints
{
    public static IEndpointRouteBuilder MapThreadExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/thread/coverage.csv", async (ThreadCoverageService thread, CancellationToken ct) =>
        {
            try
            {
                return CsvExport.ToResult(await thread.ExportCoverageAsync(ct));
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(Policies.Staff);
        endpoints.MapGet("/thread/coverage.xlsx", async (ThreadCoverageService thread, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            try
            {
                return ExcelExport.ToResult(ExcelExport.File(await thread.CoverageWorkbookAsync(ct), text));
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(Policies.Staff);
        return endpoints;
    }
}
