using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;
using Portal.Resources;

namespace Portal.Features.Meetings.Feeds;

/// <summary>
/// The calendar feeds, as plain GETs a calendar app can subscribe to. A body, meeting or token
/// that does not exist (or that the caller may not see) is a plain 404, never an error page.
/// Their links are to the portal's public address (<see cref="PublicAddress"/>), never the request's Host.
/// </summary>
public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/meetings/calendar.ics", async (HttpContext http, CalendarFeedService feeds, PublicAddress site, CancellationToken ct) =>
            Calendar(http, await feeds.PublicCalendarAsync(site.BaseUri, ct), "meetings.ics")).RequireRateLimiting(RateLimits.Feeds);
        endpoints.MapGet("/meetings/{body}/calendar.ics", async (string body, HttpContext http, CalendarFeedService feeds, PublicAddress site, CancellationToken ct) =>
            Calendar(http, await feeds.BodyCalendarAsync(body, site.BaseUri, ct), $"{body}.ics")).RequireRateLimiting(RateLimits.Feeds);
        endpoints.MapGet("/meetings/feeds/{token}.ics", async (string token, HttpContext http, CalendarFeedService feeds, PublicAddress site, CancellationToken ct) =>
            Calendar(http, await feeds.PersonalCalendarAsync(token, site.BaseUri, ct), "my-meetings.ics")).RequireRateLimiting(RateLimits.Feeds);
        endpoints.MapGet("/meetings/{id:int}/meeting.ics", async (int id, HttpContext http, CalendarFeedService feeds, PublicAddress site, CancellationToken ct) =>
            Calendar(http, await feeds.MeetingCalendarAsync(id, site.BaseUri, ct), $"meeting-{id}.ics", download: true)).RequireRateLimiting(RateLimits.Feeds);
        endpoints.MapGet("/meetings/bodies/{slug}/meetings.xlsx", async (string slug, Portal.Features.Meetings.Bodies.BodyMeetingsExportService meetings, IStringLocalizer<Text> text, CancellationToken ct) =>
        {
            try
            {
                return ExcelExport.ToResult(ExcelExport.File(await meetings.MeetingsAsync(slug, ct), text));
            }
            catch (KeyNotFoundException)
            {
                return Results.NotFound();
            }
        });
        return endpoints;
    }

    private static IResult Calendar(HttpContext http, string? ics, string fileName, bool download = false)
    {
        if (ics is null)
        {
            return Results.Text("There is no such calendar.", "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound);
        }

        // A calendar app polling an unchanged feed gets 304 and no body.
        var bytes = Encoding.UTF8.GetBytes(ics);
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(bytes), 0, 12)}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (http.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return download
            ? Results.File(bytes, CalendarFeedService.ContentType, fileName)
            : Results.Bytes(bytes, CalendarFeedService.ContentType);
    }
}
