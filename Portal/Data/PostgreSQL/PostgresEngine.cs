using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Infrastructure.Backups;
using Portal.Infrastructure.Security;

namespace Portal.Data.PostgreSQL;

/// <summary>
/// PostgreSQL (Npgsql): the model as <see cref="PostgresPortalDbContext"/> with its own
/// migrations, and after migrating the extras the model cannot say (<see cref="PostgresSchema"/>):
/// the search index with its English and Swedish text-search vectors, and the triggers that keep
/// the audit trail append-only. Backups are the database's own (pg_dump or the service's).
/// </summary>
public sealed class PostgresEngine : IDatabaseEngine
{
    public DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    public static DbContextOptionsBuilder UsePortalPostgres(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PortalDbContext).Assembly.GetName().Name));
    }

    public void Configure(DbContextOptionsBuilder options, string connectionString) => UsePortalPostgres(options, connectionString);

    public PortalDbContext CreateContext(DbContextOptions<PortalDbContext> options, ICurrentUser currentUser, TimeProvider clock) =>
        new PostgresPortalDbContext(options, currentUser, clock);

    public Task<IntegrityResult?> BeforeMigrateAsync(PortalDbContext db, IReadOnlyCollection<string> migrations, CancellationToken ct) =>
        Task.FromResult<IntegrityResult?>(null);

    public async Task AfterMigrateAsync(PortalDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var statement in PostgresSchema.Extras)
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
    }

    public string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"the PostgreSQL database \"{builder.Database}\" on {builder.Host}:{builder.Port}";
    }
}
