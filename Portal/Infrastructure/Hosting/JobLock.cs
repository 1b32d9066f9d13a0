using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Portal.Data;

namespace Portal.Infrastructure.Hosting;

/// <summary>
/// Lets one instance at a time do a round of a scheduled job (the outbox's chasers and mail, the
/// meeting calendar, the key ring): a round that cannot take its job's lock is skipped, as another
/// instance is doing it. The jobs stay safe to run twice one after the other (each writes what is
/// not yet written); the lock keeps two instances from running one at the same moment.
/// </summary>
public interface IJobLock
{
    /// <summary>Takes <paramref name="job"/>'s lock if no other instance holds it (null when one does); disposing gives it back.</summary>
    Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken ct);
}

/// <summary>SQLite: one process owns the file, so every round is this instance's.</summary>
public sealed class SingleInstanceJobLock : IJobLock
{
    private static readonly IAsyncDisposable Held = new Nothing();

    public Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken ct) => Task.FromResult<IAsyncDisposable?>(Held);

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// PostgreSQL: a session advisory lock per job (<c>pg_try_advisory_lock</c>, its key from the job's
/// name), held on a connection of its own for the round and given back by closing it. An
/// instance that dies or loses its connection loses the lock with it, so no round waits on a dead
/// one; the outbox's claims (and the reminders' unique index) keep a lost lock from sending a mail twice.
/// </summary>
public sealed class PostgresJobLock : IJobLock
{
    private readonly string _connectionString;

    public PostgresJobLock(Backups.DatabaseLocation database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            // Not pooled: closing the connection ends the session, which gives the lock back.
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "portal-jobs",
        }.ConnectionString;
    }

    /// <summary>The lock's key: the first eight bytes of a hash of the job's name.</summary>
    public static long Key(string job) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("portal-job:" + job)), 0);

    public async Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key(job));
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return connection;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }
}

/// <summary>Registers the job lock of the configured engine.</summary>
public static class JobLockServices
{
    public static IServiceCollection AddPortalJobLock(this IServiceCollection services, IConfiguration configuration)
    {
        if (PortalDatabase.Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            services.AddSingleton<IJobLock, PostgresJobLock>();
        }
        else
        {
            services.AddSingleton<IJobLock, SingleInstanceJobLock>();
        }

        return services;
    }
}
