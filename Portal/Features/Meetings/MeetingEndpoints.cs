using System.Text;

namespace Portal.Features.Meetings;

/// <summary>
/// The calendar feeds, as plain GETs a calendar app can subscribe to. A body, meeting or token
/// that does not exist (or that the caller may not see) is a plain 404, never an error page.
/// </summary>
public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/meetings/calendar.ics", async (HttpRequest request, CalendarFeedService feeds, CancellationToken ct) =>
            Calendar(await feeds.PublicCalendarAsync(Site(request), ct), "meetings.ics"));
        endpoints.MapGet("/meetings/{body}/calendar.ics", async (string body, HttpRequest request, CalendarFeedService feeds, CancellationToken ct) =>
            Calendar(await feeds.BodyCalendarAsync(body, Site(request), ct), $"{body}.ics"));
        endpoints.MapGet("/meetings/feeds/{token}.ics", async (string token, HttpRequest request, CalendarFeedService feeds, CancellationToken ct) =>
            Calendar(await feeds.PersonalCalendarAsync(token, Site(request), ct), "my-meetings.ics"));
        endpoints.MapGet("/meetings/{id:int}/meeting.ics", async (int id, HttpRequest request, CalendarFeedService feeds, CancellationToken ct) =>
            Calendar(await feeds.MeetingCalendarAsync(id, Site(request), ct), $"meeting-{id}.ics", download: true));
        return endpoints;
    }

    private static Uri Site(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    private static IResult Calendar(string? ics, string fileName, bool download = false)
    {
        if (ics is null)
        {
            return Results.Text("There is no such calendar.", "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound);
        }

        var bytes = Encoding.UTF8.GetBytes(ics);
        return download
            ? Results.File(bytes, CalendarFeedService.ContentType, fileName)
            : Results.Bytes(bytes, CalendarFeedService.ContentType);
    }
}
