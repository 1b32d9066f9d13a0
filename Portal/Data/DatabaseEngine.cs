using Microsoft.EntityFrameworkCore;
using Portal.Data.PostgreSQL;
using Portal.Infrastructure.Security;

namespace Portal.Data;

/// <summary>Which database engine the portal runs on (<c>Portal:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file: the default, needing nothing but the SDK.</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL database (Npgsql), for several instances or a database run as a service.</summary>
    PostgreSQL = 1,
}

/// <summary>
/// What differs between the engines the portal runs on, behind one interface: the context type
/// (each has its own migrations), the checks before migrating and the extras after (the search
/// index, the audit trail's append-only rule), and how the database is named in messages.
/// </summary>
public interface IDatabaseEngine
{
    DatabaseProvider Provider { get; }

    /// <summary>Configures the options for this engine and its migrations.</summary>
    void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>A context of the type whose migrations belong to this engine.</summary>
    PortalDbContext CreateContext(DbContextOptions<PortalDbContext> options, ICurrentUser currentUser, TimeProvider clock);

    /// <summary>
    /// Checks the database before anything migrates it, making what must exist first (a file's
    /// folder); a result that is not sound refuses the start. Null: nothing to check.
    /// </summary>
    Task<Portal.Infrastructure.Backups.IntegrityResult?> BeforeMigrateAsync(PortalDbContext db, IReadOnlyCollection<string> migrations, CancellationToken ct);

    /// <summary>What the migrations do not make from the model: the search index and the audit trail's triggers.</summary>
    Task AfterMigrateAsync(PortalDbContext db, CancellationToken ct);

    /// <summary>How a message names the database: a file's full path, or a PostgreSQL database and its host.</summary>
    string Describe(string connectionString);
}

/// <summary>Reads the configured engine and connection string; registers the engine's context factory.</summary>
public static class PortalDatabase
{
    public const string ProviderKey = "Portal:Database:Provider";

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(configured) || configured.Trim().Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        return configured.Trim().ToLowerInvariant() switch
        {
            "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSQL,
            _ => throw new InvalidOperationException($"{ProviderKey} must be Sqlite or PostgreSQL, not '{configured}'."),
        };
    }

    /// <summary>The connection string as the portal will use it: a SQLite file made absolute, or PostgreSQL's as given (it must be given).</summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (Provider(configuration) == DatabaseProvider.Sqlite)
        {
            return SqliteSetup.ConnectionString(configuration, contentRoot);
        }

        var configured = configuration.GetConnectionString("Portal");
        return string.IsNullOrWhiteSpace(configured)
            ? throw new InvalidOperationException($"{ProviderKey}=PostgreSQL needs ConnectionStrings:Portal, such as \"Host=db.council.internal;Database=portal;Username=portal;Password=...\".")
            : configured;
    }

    public static IDatabaseEngine Engine(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSQL ? new PostgresEngine() : new SqliteEngine();

    /// <summary>The context factory for the configured engine; the rest of the portal sees only <see cref="PortalDbContext"/>.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var engine = Engine(Provider(configuration));
        services.AddSingleton(engine);
        services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>(
            options => engine.Configure(options, connectionString), ServiceLifetime.Scoped);
        return services;
    }
}
