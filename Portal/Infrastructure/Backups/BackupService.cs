using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Infrastructure.Backups;

/// <summary>Where backups go, how many are kept and how often one is taken ("Portal:Backups").</summary>
public sealed class BackupOptions
{
    public const string Section = "Portal:Backups";

    /// <summary>The folder; empty means <c>backups</c> beside the database file.</summary>
    public string? Folder { get; set; }

    /// <summary>How many scheduled copies to keep (a fortnight of daily ones); the oldest beyond it are deleted after each backup.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>How many on-demand copies to keep, counted apart from the scheduled ones so that they never push those out.</summary>
    public int KeepOnDemand { get; set; } = 5;

    /// <summary>Minutes after any backup before "Back up now" takes another (a double click, or a script, does not fill the folder).</summary>
    public int OnDemandMinutes { get; set; } = 10;

    /// <summary>Hours between scheduled backups; 0 switches the schedule off (a backup on demand still works).</summary>
    public double EveryHours { get; set; } = 24;
}

/// <summary>The database file the portal runs on.</summary>
public sealed record DatabaseLocation(string ConnectionString)
{
    public string File => DatabaseBackup.DatabaseFile(ConnectionString);
}

/// <summary>
/// Backups of the database: taken on a schedule (<see cref="BackupScheduler"/>) or on demand by
/// an administrator (no more often than every <see cref="BackupOptions.OnDemandMinutes"/>), each
/// checked and logged; the oldest beyond the retention counts deleted, scheduled and on-demand
/// copies counted apart.
/// </summary>
public sealed class BackupService(
    DatabaseLocation database, IOptions<BackupOptions> options, ICurrentUser currentUser, Health.DatabaseIntegrity integrity, TimeProvider clock, ILogger<BackupService> logger,
    IDatabaseEngine engine)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>On PostgreSQL the database's own backups (pg_dump, the service's) apply: the portal takes, lists and keeps none.</summary>
    public bool IsTheDatabasesOwn => engine.Provider != DatabaseProvider.Sqlite;

    public string Folder => !string.IsNullOrWhiteSpace(options.Value.Folder) ? options.Value.Folder!
        : IsTheDatabasesOwn ? string.Empty
        : DatabaseBackup.DefaultFolder(database.ConnectionString);

    /// <summary>An administrator's backup on demand; refused with a message when a copy was taken in the last <see cref="BackupOptions.OnDemandMinutes"/> minutes.</summary>
    public async Task<BackupCopy> BackUpNowAsync(CancellationToken ct)
    {
        await DemandAdministratorAsync();
        if (IsTheDatabasesOwn)
        {
            throw new DomainRuleException("Backup.PostgreSQL", "This portal runs on PostgreSQL: back it up with pg_dump or the database service's own backups.");
        }

        return await TakeAsync("on demand", ct, onDemand: true);
    }

    /// <summary>
    /// Refuses an on-demand copy within <see cref="BackupOptions.OnDemandMinutes"/> of the last one.
    /// Asked inside <see cref="OneAtATime"/>, so two administrators pressing at once get one copy and one refusal.
    /// </summary>
    private void RefuseIfTooSoon(DateTime now)
    {
        if (DatabaseBackup.Copies(Folder).FirstOrDefault() is FileInfo newest
            && DatabaseBackup.TakenAtUtc(newest) is var taken
            && now - taken < TimeSpan.FromMinutes(options.Value.OnDemandMinutes))
        {
            var next = taken.AddMinutes(options.Value.OnDemandMinutes);
            throw new DomainRuleException(
                "Backup.TooSoon",
                $"A copy was taken at {clock.Local(taken):t}, less than {options.Value.OnDemandMinutes} minutes ago: use that one, or take another after {clock.Local(next):t}.",
                null,
                clock.Local(taken),
                options.Value.OnDemandMinutes,
                clock.Local(next));
        }
    }

    /// <summary>The copies kept, newest first; administrators only.</summary>
    public async Task<IReadOnlyList<BackupCopy>> ListAsync()
    {
        await DemandAdministratorAsync();
        if (IsTheDatabasesOwn)
        {
            return [];
        }

        return DatabaseBackup.Copies(Folder)
            .Select(f => new BackupCopy(f.FullName, f.Length, DatabaseBackup.TakenAtUtc(f), true, "not checked since it was taken"))
            .ToList();
    }

    /// <summary>
    /// Takes, checks and logs one backup, then prunes. Used by the schedule (as the system) and on
    /// demand. The copy is checked, and so is the live file (a copy rebuilt by <c>VACUUM INTO</c>
    /// can be sound while an index of the original is not); the result is what <c>/health/ready</c> reports.
    /// </summary>
    internal async Task<BackupCopy> TakeAsync(string why, CancellationToken ct, bool onDemand = false)
    {
        await OneAtATime.WaitAsync(ct);
        using var activity = Hosting.PortalTelemetry.Source.StartActivity("backup");
        var trigger = new KeyValuePair<string, object?>("trigger", onDemand ? "on demand" : "scheduled");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (onDemand)
            {
                RefuseIfTooSoon(now);
            }

            BackupCopy copy;
            try
            {
                copy = await DatabaseBackup.TakeAsync(database.ConnectionString, Folder, now, ct, onDemand);
            }
            catch (SqliteException ex)
            {
                var failed = new IntegrityResult(false, $"The backup could not read the database: {ex.Message}");
                integrity.Record(failed, now);
                logger.LogError("The backup ({Why}) could not read the database: {Error}", why, ex.Message);
                Hosting.PortalTelemetry.Backups.Add(1, trigger, new("outcome", "unreadable"));
                activity?.SetStatus(ActivityStatusCode.Error);
                return new BackupCopy(Folder, 0, now, false, failed.Message);
            }

            var live = DatabaseBackup.CheckLive(database.File);
            integrity.Record(live.IsSound ? new IntegrityResult(copy.IsSound, copy.Check) : live, now);
            if (copy.IsSound)
            {
                logger.LogInformation("Backup {Name} taken ({Why}): {Size} bytes, integrity check {Check}", copy.Name, why, copy.Size, copy.Check);
            }
            else
            {
                logger.LogError("Backup {Name} taken ({Why}) FAILED its integrity check: {Check}", copy.Name, why, copy.Check);
            }

            if (!live.IsSound)
            {
                logger.LogError("After backup {Name} the database itself FAILED its integrity check: {Check}", copy.Name, live.Message);
                copy = copy with { IsSound = false, Check = live.Message };
            }

            foreach (var deleted in DatabaseBackup.Prune(Folder, options.Value.Keep, options.Value.KeepOnDemand))
            {
                logger.LogInformation("Backup {Name} deleted: {Keep} scheduled and {KeepOnDemand} on-demand copies are kept", deleted, options.Value.Keep, options.Value.KeepOnDemand);
            }

            Hosting.PortalTelemetry.Backups.Add(1, trigger, new("outcome", copy.IsSound ? "sound" : "failed"));
            Hosting.PortalTelemetry.BackupDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, trigger);
            activity?.SetStatus(copy.IsSound ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            return copy;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private Task DemandAdministratorAsync() => currentUser.DemandAsync(Policies.Administer);
}

/// <summary>Takes a backup every <see cref="BackupOptions.EveryHours"/>: the first once that long has passed since the newest scheduled copy (a minute after start if there is none).</summary>
public sealed class BackupScheduler(IServiceScopeFactory scopes, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupScheduler> logger, IDatabaseEngine engine) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.EveryHours <= 0 || engine.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var every = TimeSpan.FromHours(options.Value.EveryHours);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var backups = scope.ServiceProvider.GetRequiredService<BackupService>();
                var newest = DatabaseBackup.Copies(backups.Folder).Where(c => !DatabaseBackup.IsOnDemand(c.Name)).Select(DatabaseBackup.TakenAtUtc).Cast<DateTime?>().FirstOrDefault();
                var due = newest is DateTime last ? last + every : clock.GetUtcNow().UtcDateTime.AddMinutes(1);
                wait = due - clock.GetUtcNow().UtcDateTime;
            }

            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("backup");
                await scope.ServiceProvider.GetRequiredService<BackupService>().TakeAsync("scheduled", stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "The scheduled backup failed; trying again in an hour");
                await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
            }
        }
    }
}
