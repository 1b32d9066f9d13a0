using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Portal.Data;

namespace Portal.Infrastructure.Health;

/// <summary>
/// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> also opens the
/// database, so a load balancer stops sending work to a server that cannot reach its file.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return endpoints;
    }
}
