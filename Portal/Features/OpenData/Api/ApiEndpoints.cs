using Microsoft.AspNetCore.Mvc;

namespace Portal.Features.OpenData.Api;

/// <summary>
/// <c>/api/v1</c>: the Forward Plan, decisions, officer and executive member decisions and protokoll dates, read-only, filtered by body
/// (<c>body</c>, its address name as in <c>/meetings/bodies/{body}</c>) and date (<c>from</c>,
/// <c>to</c>, yyyy-mm-dd), paged (<c>page</c>, <c>pageSize</c> up to 200), with ETags, CORS and
/// the open-data rate limit, for an anonymous visitor whoever asks. Described by OpenAPI at
/// <c>/openapi/v1.json</c>; <see cref="Operations"/> lists them for the open-data page.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Each operation: its path and the resource key of what it gives.</summary>
    public static IReadOnlyList<(string Path, string Summary)> Operations { get; } =
    [
        (Prefix + "/forward-plan", "The Forward Plan of key decisions, by the date each decision is due."),
        (Prefix + "/decisions", "The decision register: each decision on a report's recommendation, with its reasons and links, newest first."),
        (Prefix + "/protokoll", "Swedish protokoll: the justerare, signing, notice-board (anslag) and appeal dates of each meeting."),
        (Prefix + "/officer-decisions", "Officer and individual executive member decisions, newest first, with their reasons; an exempt one as its title and paragraph only."),
    ];

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).AsOpenData().RequireRateLimiting(OpenDataLimits.Policy).WithTags("Open data");
        api.MapGet("/forward-plan", async (HttpContext http, OpenDataApiService data, CancellationToken ct,
                [FromQuery] string? body = null, [FromQuery] string? from = null, [FromQuery] string? to = null, [FromQuery] string? page = null, [FromQuery] string? pageSize = null) =>
                ApiQuery.Of(body, from, to, page, pageSize, out var problem) is ApiQuery query
                    ? OpenDataResponses.Send(http, await data.ForwardPlanAsync(query, http.Request.Path, ct))
                    : OpenDataResponses.Problem(StatusCodes.Status400BadRequest, problem!))
            .WithName("ForwardPlan").WithSummary(Operations[0].Summary)
            .Produces<ApiPage<ForwardPlanItem>>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified).Produces<ProblemMessage>(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status429TooManyRequests);
        api.MapGet("/decisions", async (HttpContext http, OpenDataApiService data, CancellationToken ct,
                [FromQuery] string? body = null, [FromQuery] string? from = null, [FromQuery] string? to = null, [FromQuery] string? page = null, [FromQuery] string? pageSize = null) =>
                ApiQuery.Of(body, from, to, page, pageSize, out var problem) is ApiQuery query
                    ? OpenDataResponses.Send(http, await data.DecisionsAsync(query, http.Request.Path, ct))
                    : OpenDataResponses.Problem(StatusCodes.Status400BadRequest, problem!))
            .WithName("Decisions").WithSummary(Operations[1].Summary)
            .Produces<ApiPage<DecisionItem>>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified).Produces<ProblemMessage>(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status429TooManyRequests);
        api.MapGet("/protokoll", async (HttpContext http, OpenDataApiService data, CancellationToken ct,
                [FromQuery] string? body = null, [FromQuery] string? from = null, [FromQuery] string? to = null, [FromQuery] string? page = null, [FromQuery] string? pageSize = null) =>
                ApiQuery.Of(body, from, to, page, pageSize, out var problem) is ApiQuery query
                    ? OpenDataResponses.Send(http, await data.ProtokollAsync(query, http.Request.Path, ct))
                    : OpenDataResponses.Problem(StatusCodes.Status400BadRequest, problem!))
            .WithName("Protokoll").WithSummary(Operations[2].Summary)
            .Produces<ApiPage<ProtokollItem>>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified).Produces<ProblemMessage>(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status429TooManyRequests);
        api.MapGet("/officer-decisions", async (HttpContext http, OpenDataApiService data, CancellationToken ct,
                [FromQuery] string? from = null, [FromQuery] string? to = null, [FromQuery] string? page = null, [FromQuery] string? pageSize = null) =>
                ApiQuery.Of(null, from, to, page, pageSize, out var problem) is ApiQuery query
                    ? OpenDataResponses.Send(http, await data.OfficerDecisionsAsync(query, http.Request.Path, ct))
                    : OpenDataResponses.Problem(StatusCodes.Status400BadRequest, problem!))
            .WithName("OfficerDecisions").WithSummary(Operations[3].Summary)
            .Produces<ApiPage<OfficerDecisionItem>>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified).Produces<ProblemMessage>(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status429TooManyRequests);
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().AddEndpointFilter(OpenDataResponses.AsVisitor);
        return endpoints;
    }
}
