using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Infrastructure.Backups;

namespace Portal.Infrastructure.Health;

/// <summary>
/// What the last <c>PRAGMA integrity_check</c> of the database said: at start-up (a file that
/// fails it does not start at all) and after each backup, which checks the live file as well as
/// the copy. <c>/health/ready</c> reports Unhealthy while the last one failed, so whoever watches
/// the portal hears of a damaged file the day it is found, not the day it is needed.
/// </summary>
public sealed class DatabaseIntegrity
{
    private volatile Checked? _last;

    /// <summary>The last result and when it was found (UTC); null until the first check.</summary>
    public Checked? Last => _last;

    public void Record(IntegrityResult result, DateTime utc) => _last = new Checked(result, utc);

    public sealed record Checked(IntegrityResult Result, DateTime CheckedUtc);
}

/// <summary>Unhealthy while the last integrity check failed.</summary>
internal sealed class DatabaseIntegrityCheck(DatabaseIntegrity integrity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(integrity.Last switch
        {
            null => HealthCheckResult.Healthy("Not checked yet."),
            { Result.IsSound: true } last => HealthCheckResult.Healthy($"Integrity check passed at {last.CheckedUtc:u}."),
            var last => HealthCheckResult.Unhealthy($"The integrity check at {last.CheckedUtc:u} failed: {last.Result.Message} Restore from a backup."),
        });
}
