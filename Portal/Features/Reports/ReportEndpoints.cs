using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Portal.Features.Reports.Decisions;
using Portal.Features.Reports.Drafting;
using Portal.Features.Reports.ForwardPlan;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Export;
using Portal.Resources;

namespace Portal.Features.Reports;

/// <summary>
/// Files a reader takes away: an annex, and a meeting's agenda pack as one HTML file. Both ask
/// the report service, so what is exempt or unpublished for the reader is not there (a plain 404).
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{reportId:int}/annexes/{annexId:int}", async (int reportId, int annexId, ReportAnnexService reports, HttpContext http, CancellationToken ct) =>
        {
            var file = await reports.AnnexFileAsync(reportId, annexId, ct);
            if (file is null)
            {
                return Results.Text("No such annex.", "text/plain", statusCode: StatusCodes.Status404NotFound);
            }

            // Served as a download in its own type (nosniff comes with every response, SecurityHeaders).
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            return Results.File(file.Bytes, file.ContentType, file.FileName);
        });

        endpoints.MapGet("/meetings/{meetingId:int}/pack.html", async (int meetingId, ReportReadingService reports, HttpContext http, ILoggerFactory logs, Portal.Infrastructure.PublicAddress site, CancellationToken ct) =>
        {
            var pack = await reports.PackAsync(meetingId, ct);
            if (pack is null)
            {
                return Results.Text("No such meeting.", "text/plain", statusCode: StatusCodes.Status404NotFound);
            }

            await using var renderer = new HtmlRenderer(http.RequestServices, logs);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<PackDocument>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(PackDocument.Pack)] = pack,
                    // The file is read offline: its link to the PDF is the portal's full address.
                    [nameof(PackDocument.PdfAddress)] = site.Link($"meetings/{meetingId}/pack.pdf").ToString(),
                }));
                return output.ToHtmlString();
            });
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            var name = $"agenda-pack-{pack.Meeting.BodySlug}-{pack.Meeting.Date:yyyy-MM-dd}.html";
            return Results.File(System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE html>\n" + html), "text/html; charset=utf-8", name);
        });

        // The decision register and the Forward Plan in Excel: the pages' own queries, so what the reader may not see is not in them.
        endpoints.MapGet("/decisions.xlsx", async (string? body, string? year, DecisionService decisions, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            var query = new DecisionQuery(string.IsNullOrWhiteSpace(body) ? null : body, Portal.Components.Shared.QueryValue.Year(year));
            return ExcelExport.ToResult(ExcelExport.File(DecisionExport.Of(await decisions.RegisterAsync(query, ct), query), text));
        });
        endpoints.MapGet("/decisions/forward-plan.xlsx", async (ForwardPlanService forwardPlan, IStringLocalizer<Text> text, CancellationToken ct) =>
            ExcelExport.ToResult(ExcelExport.File(ForwardPlanExport.Of(await forwardPlan.ForwardPlanAsync(ct)), text)));
        return endpoints;
    }
}
