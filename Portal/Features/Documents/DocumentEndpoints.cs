using Microsoft.Net.Http.Headers;
using Portal.Features.Meetings.Minutes; // a meeting's record is the meetings feature's document, served here with the others
using Portal.Features.Plans.Reports; // a plan's performance report is the plans feature's document, served here with the others
using Portal.Features.Reports.Documents; // the agenda pack is the reports feature's document, served here with the others
using Portal.Infrastructure.Security;

namespace Portal.Features.Documents;

/// <summary>
/// The documents a reader takes away as PDF or Word: a meeting's agenda pack, a final record, a plan's
/// performance report. Each asks its feature's service, which checks the reader's rights, so what the
/// reader may not see is not in the file (a meeting they may not know of is a plain 404).
/// </summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/meetings/{meetingId:int}/pack.pdf", async (int meetingId, PackPdfService packs, HttpContext http, CancellationToken ct) =>
            File(http, await packs.PackPdfAsync(meetingId, ct), "No such meeting."));
        endpoints.MapGet("/meetings/{meetingId:int}/minutes.pdf", async (int meetingId, MinutesPdfService minutes, HttpContext http, CancellationToken ct) =>
            File(http, await minutes.MinutesPdfAsync(meetingId, ct), "No such meeting, or its record is not final yet."));
        endpoints.MapGet("/plans/{planId:int}/report.{format:regex(^(docx|pdf)$)}", (int planId, string format, string? year, string? period, PlanReportService reports, HttpContext http, CancellationToken ct) =>
            Guarded(async () =>
            {
                var planYear = Portal.Components.Shared.QueryValue.Year(year);
                var file = format == "docx" ? await reports.PlanReportWordAsync(planId, planYear, period, ct) : await reports.PlanReportPdfAsync(planId, planYear, period, ct);
                return File(http, file, "No such plan.");
            })).RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }

    /// <summary>The file, never cached by a proxy (its content depends on who asks), or a plain 404.</summary>
    internal static IResult File(HttpContext http, DocumentFile? file, string missing)
    {
        if (file is null)
        {
            return Results.Text(missing, "text/plain", statusCode: StatusCodes.Status404NotFound);
        }

        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return Results.File(file.Bytes, file.ContentType, file.FileName);
    }

    /// <summary>Runs a document's service, turning its refusals into 403 and 404 as the CSV downloads do.</summary>
    internal static async Task<IResult> Guarded(Func<Task<IResult>> run)
    {
        try
        {
            return await run();
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

/// <summary>Registers the documents' services: the layouts are static, the packs' cache is one for the app.</summary>
public static class DocumentServices
{
    public static IServiceCollection AddPortalDocuments(this IServiceCollection services)
    {
        services.AddSingleton<PackPdfCache>();
        services.AddScoped<PackPdfService>();
        services.AddScoped<MinutesPdfService>();
        services.AddScoped<PlanReportService>();
        return services;
    }
}
