using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Hosting;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Meetings.Calendar;

/// <summary>
/// Keeps every body's calendar filled ahead: once at start-up, then each day, as the system.
/// What it adds is idempotent (see <see cref="MeetingSchedule"/>), so restarts and several runs a
/// day are harmless; on several instances (PostgreSQL) one does it at a time (<see cref="IJobLock"/>).
/// </summary>
public sealed class MeetingScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MeetingScheduler> logger, IJobLock jobs) : BackgroundService
{
    /// <summary>The name of its <see cref="IJobLock"/>: on several instances one extends the calendar at a time.</summary>
    public const string Job = "meeting-calendar";

    public static async Task<int> ExtendAllAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = await db.SettingsAsync(ct);
        var added = 0;
        foreach (var cadence in await db.Cadences.AsNoTracking().ToListAsync(ct))
        {
            added += await MeetingSchedule.ExtendAsync(db, cadence, settings, today, ct);
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6), clock);
        do
        {
            try
            {
                await using var held = await jobs.TryTakeAsync(Job, stoppingToken);
                if (held is null)
                {
                    continue; // another instance is extending it now
                }

                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("meeting calendar");
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(stoppingToken);
                var added = await ExtendAllAsync(db, clock.Today(), stoppingToken);
                if (added > 0)
                {
                    logger.LogInformation("Added {Count} meetings from the bodies' cadences", added);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Extending the meeting calendar failed; it will be tried again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
