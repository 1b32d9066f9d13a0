using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Features.Establishment.Establishment;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;
using Portal.Resources;

namespace Portal.Features.Establishment;

/// <summary>The establishment as CSV and Excel, for the finance team's spreadsheets. The service checks the reader.</summary>
public static class EstablishmentEndpoints
{
    public static IEndpointRouteBuilder MapEstablishmentExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/organisation/establishment.csv", async (string? on, EstablishmentService establishment, CancellationToken ct) =>
        {
            var date = Portal.Components.Shared.QueryValue.Date(on);
            try
            {
                return CsvExport.ToResult(await establishment.ExportAsync(date, ct));
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(Policies.SignedIn);
        endpoints.MapGet("/organisation/establishment.xlsx", async (string? on, EstablishmentService establishment, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            try
            {
                return ExcelExport.ToResult(ExcelExport.File(await establishment.WorkbookAsync(Portal.Components.Shared.QueryValue.Date(on), ct), text));
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }
}
