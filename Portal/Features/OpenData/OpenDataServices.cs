using Portal.Features.OpenData.Api;
using Portal.Features.OpenData.Atom;
using Portal.Features.OpenData.OParl;

namespace Portal.Features.OpenData;

/// <summary>
/// Open data: OParl 1.1 at <c>/oparl/v1/system</c>, <c>/api/v1</c> described by OpenAPI at
/// <c>/openapi/v1.json</c>, and the Atom feeds. All read-only, all anonymous, all on by default:
/// they give nothing the public pages do not.
/// </summary>
public static class OpenDataServices
{
    public static IServiceCollection AddPortalOpenData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OParlCouncilService>();
        services.AddScoped<OParlPeopleService>();
        services.AddScoped<OParlMeetingService>();
        services.AddScoped<OParlPaperService>();
        services.AddScoped<OpenDataApiService>();
        services.AddScoped<AtomFeedService>();
        services.AddOpenDataLimits(configuration);
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Portal open data";
                document.Info.Description = "Read-only: the Forward Plan, decisions and Swedish protokoll dates, as the public pages show them. " +
                    "Meetings, agendas, reports and their annexes are in OParl 1.1 at /oparl/v1/system.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOParl();
        endpoints.MapOpenDataApi();
        endpoints.MapAtomFeeds();
        return endpoints;
    }
}
