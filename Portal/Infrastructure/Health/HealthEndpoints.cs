using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Portal.Data;

namespace Portal.Infrastructure.Health;

/// <summary>
/// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> also opens the
/// database, so a load balancer stops sending work to a server that cannot reach its file, and
/// is Unhealthy while the database's last integrity check failed (<see cref="DatabaseIntegrity"/>).
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseIntegrity>();
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: [Ready])
            .AddCheck<DatabaseIntegrityCheck>("integrity", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return endpoints;
    }
}
