using System.Text.Json.Nodes;
using Portal.Infrastructure;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// The OParl 1.1 endpoint under <c>/oparl/v1</c>: <c>system</c>, the council as its one
/// <c>body</c> with its lists, and each object at its own URL. Plain GETs without cookies or
/// state, answered for an anonymous visitor whoever asks, with CORS and ETags
/// (<see cref="OpenDataResponses"/>) and the open-data rate limit. An object that does not exist
/// for the public is a JSON 404; one the public saw and that has since gone is a 200 with
/// <c>deleted: true</c>, as the specification asks.
/// </summary>
public static class OParlEndpoints
{
    public const string Prefix = "/oparl/v1";

    public static IEndpointRouteBuilder MapOParl(this IEndpointRouteBuilder endpoints)
    {
        var oparl = endpoints.MapGroup(Prefix).AsOpenData().RequireRateLimiting(OpenDataLimits.Policy).ExcludeFromDescription();
        oparl.MapGet("/system", (HttpContext http, OParlCouncilService council, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, Maybe(council.SystemAsync(Links(site), ct))));
        oparl.MapGet("/body", (HttpContext http, OParlCouncilService council, PublicAddress site, CancellationToken ct) =>
            ListAsync(http, query => Maybe(council.BodiesAsync(Links(site), query, ct))));
        oparl.MapGet("/body/{id:int}", (int id, HttpContext http, OParlCouncilService council, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, id == OParlLinks.CouncilId ? Maybe(council.BodyAsync(Links(site), ct)) : Task.FromResult<JsonObject?>(null)));
        oparl.MapGet("/body/{id:int}/{list}", (int id, string list, HttpContext http, IServiceProvider services, PublicAddress site, CancellationToken ct) =>
            id == OParlLinks.CouncilId ? BodyListAsync(http, list, services, Links(site), ct) : Task.FromResult(NotFound()));
        oparl.MapGet("/organization/{id:int}", (int id, HttpContext http, OParlCouncilService council, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, council.OrganizationAsync(Links(site), id, ct)));
        oparl.MapGet("/organization/party/{id:int}", (int id, HttpContext http, OParlCouncilService council, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, council.PartyAsync(Links(site), id, ct)));
        oparl.MapGet("/legislativeterm/{id:int}", (int id, HttpContext http, OParlCouncilService council, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, council.LegislativeTermAsync(Links(site), id, ct)));
        oparl.MapGet("/organization/{id:int}/meeting", (int id, HttpContext http, OParlMeetingService meetings, PublicAddress site, CancellationToken ct) =>
            ListAsync(http, query => meetings.MeetingsAsync(Links(site), query, id, ct)));
        oparl.MapGet("/person/{id:int}", (int id, HttpContext http, OParlPeopleService people, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, people.PersonAsync(Links(site), id, ct)));
        oparl.MapGet("/membership/{kind}/{id:int}", (string kind, int id, HttpContext http, OParlPeopleService people, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, people.MembershipAsync(Links(site), kind, id, ct)));
        oparl.MapGet("/meeting/{id:int}", (int id, HttpContext http, OParlMeetingService meetings, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, meetings.MeetingAsync(Links(site), id, ct)));
        oparl.MapGet("/agendaitem/{id:int}", (int id, HttpContext http, OParlMeetingService meetings, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, meetings.AgendaItemAsync(Links(site), id, ct)));
        oparl.MapGet("/location/{id:int}", (int id, HttpContext http, OParlMeetingService meetings, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, meetings.LocationAsync(Links(site), id, ct)));
        oparl.MapGet("/paper/{id:int}", (int id, HttpContext http, OParlPaperService papers, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, papers.PaperAsync(Links(site), id, ct)));
        oparl.MapGet("/consultation/{id:int}", (int id, HttpContext http, OParlPaperService papers, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, papers.ConsultationAsync(Links(site), id, ct)));
        oparl.MapGet("/file/{id:int}", (int id, HttpContext http, OParlPaperService papers, PublicAddress site, CancellationToken ct) =>
            OneAsync(http, papers.FileAsync(Links(site), id, ct)));
        return endpoints;
    }

    private static OParlLinks Links(PublicAddress site) => new(site.BaseUri);

    private static Task<IResult> BodyListAsync(HttpContext http, string list, IServiceProvider services, OParlLinks links, CancellationToken ct)
    {
        var council = services.GetRequiredService<OParlCouncilService>();
        var people = services.GetRequiredService<OParlPeopleService>();
        var meetings = services.GetRequiredService<OParlMeetingService>();
        var papers = services.GetRequiredService<OParlPaperService>();
        Func<OParlListQuery, Task<JsonObject?>>? read = list switch
        {
            "organization" => q => Maybe(council.OrganizationsAsync(links, q, ct)),
            "legislativeTerm" => q => Maybe(council.LegislativeTermsAsync(links, q, ct)),
            "person" => q => Maybe(people.PeopleAsync(links, q, ct)),
            "membership" => q => Maybe(people.MembershipsAsync(links, q, ct)),
            "meeting" => q => meetings.MeetingsAsync(links, q, null, ct),
            "agendaItem" => q => Maybe(meetings.AgendaItemsAsync(links, q, ct)),
            "location" => q => Maybe(meetings.LocationsAsync(links, q, ct)),
            "paper" => q => Maybe(papers.PapersAsync(links, q, ct)),
            "consultation" => q => Maybe(papers.ConsultationsAsync(links, q, ct)),
            "file" => q => Maybe(papers.FilesAsync(links, q, ct)),
            _ => null,
        };
        return read is null ? Task.FromResult(NotFound()) : ListAsync(http, read);
    }

    private static async Task<IResult> OneAsync(HttpContext http, Task<JsonObject?> read) =>
        await read is JsonObject node ? OpenDataResponses.Send(http, node) : NotFound();

    private static async Task<IResult> ListAsync(HttpContext http, Func<OParlListQuery, Task<JsonObject?>> read)
    {
        var query = OParlListQuery.TryRead(http.Request.Query, out var problem);
        if (query is null)
        {
            return OpenDataResponses.Problem(StatusCodes.Status400BadRequest, problem ?? "Bad request.");
        }

        return await read(query) is JsonObject node ? OpenDataResponses.Send(http, node) : NotFound();
    }

    private static async Task<JsonObject?> Maybe(Task<JsonObject> read) => await read;

    private static IResult NotFound() => OpenDataResponses.Problem(StatusCodes.Status404NotFound, "There is no such object.");
}
