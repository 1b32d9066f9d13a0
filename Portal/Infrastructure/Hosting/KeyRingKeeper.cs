using Microsoft.AspNetCore.DataProtection;

namespace Portal.Infrastructure.Hosting;

/// <summary>
/// Makes the data-protection key ring create its keys here, outside any transaction: at start
/// (<see cref="EnsureKey"/>, called once the database is migrated) and every few hours, so that
/// the key made before the current one expires (every 90 days) is made by this loop rather than
/// by the first invitation or sign-in that needs it. A key made in the middle of a service's
/// transaction would wait on that transaction's own write lock (SQLite has one writer) until
/// the busy timeout and fail.
/// </summary>
public sealed class KeyRingKeeper(IDataProtectionProvider protection, ILogger<KeyRingKeeper> logger, IJobLock jobs) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(6);

    /// <summary>Protects a byte, which makes a key first if there is no current one.</summary>
    public static void EnsureKey(IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        protection.CreateProtector("Portal.KeyRing").Protect([0]);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, stoppingToken);

                // On several instances one at a time, so two do not each make the next key.
                await using var held = await jobs.TryTakeAsync("key-ring", stoppingToken);
                if (held is not null)
                {
                    EnsureKey(protection);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or System.Data.Common.DbException)
            {
                logger.LogError("The data-protection key ring could not be refreshed: {Error}", ex.Message);
            }
        }
    }
}
