using Microsoft.Extensions.Localization;
using Portal.Features.Admin.Audit;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;
using Portal.Resources;

namespace Portal.Features.Admin;

/// <summary>The audit trail as CSV and Excel for administrators; the service checks the reader.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/audit.csv", async (string? person, string? item, string? from, string? to, AuditService audit, CancellationToken ct) =>
        {
            try
            {
                return CsvExport.ToResult(await audit.ExportAsync(new AuditQuery(person, item, AuditPage.Date(from), AuditPage.Date(to)), ct));
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(Policies.Administer);
        endpoints.MapGet("/admin/audit.xlsx", async (string? person, string? item, string? from, string? to, AuditService audit, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            try
            {
                return ExcelExport.ToResult(ExcelExport.File(await audit.WorkbookAsync(new AuditQuery(person, item, AuditPage.Date(from), AuditPage.Date(to)), ct), text));
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(Policies.Administer);
        return endpoints;
    }
}
