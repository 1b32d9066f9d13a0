using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// How the portal talks to its one SQLite file: foreign keys on (the provider's default), and a
/// busy timeout on every connection so that a writer waits for another instead of failing.
/// WAL mode is set once on the file when the database is prepared.
/// </summary>
public static class SqliteSetup
{
    public const int BusyTimeoutMilliseconds = 10_000;

    /// <summary>Resolves the connection string, making a relative file path absolute under <paramref name="contentRoot"/>.</summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var configured = configuration.GetConnectionString("Portal");
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={options.DefaultDatabaseFile}" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        builder.ForeignKeys = true;
        builder.DefaultTimeout = BusyTimeoutMilliseconds / 1000;
        builder.Pooling = true;
        return builder.ToString();
    }

    public static DbContextOptionsBuilder UsePortalSqlite(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(PortalDbContext).Assembly.GetName().Name))
            .AddInterceptors(BusyTimeout.Instance);
    }

    private sealed class BusyTimeout : DbConnectionInterceptor
    {
        public static readonly BusyTimeout Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
            command.ExecuteNonQuery();
        }
    }
}
