using Portal.Features.Thread.Coverage;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread;

/// <summary>The thread's CSV download; the service checks the reader's rights and masks private objectives.</summary>
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
        return endpoints;
    }
}
