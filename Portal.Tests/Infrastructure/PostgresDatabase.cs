using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>Which engine the service tests run on: SQLite, or PostgreSQL when <c>PORTAL_TEST_DATABASE=PostgreSQL</c> (CI runs the service tests once on each).</summary>
public static class TestDatabases
{
    public static DatabaseProvider Default =>
        string.Equals(Environment.GetEnvironmentVariable("PORTAL_TEST_DATABASE"), "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSQL
            : DatabaseProvider.Sqlite;

    /// <summary>The settings that put the portal on <paramref name="provider"/>.</summary>
    public static Dictionary<string, string?> Settings(DatabaseProvider provider) =>
        new() { [PortalDatabase.ProviderKey] = provider.ToString() };
}

/// <summary>
/// A PostgreSQL database of one test's own on the run's <see cref="PostgresServer"/>, copied from a
/// migrated, seeded demo template (made once per run and demo, as <see cref="DemoTemplates"/> does
/// for SQLite), and dropped afterwards.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();
    private readonly PostgresServer _server;

    private PostgresDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
    }

    public string Name { get; }

    public string ConnectionString => _server.ConnectionString(Name);

    public PostgresServer Server => _server;

    /// <summary>A copy of the seeded <paramref name="demo"/> ("en", "sv"), or an empty database for any other.</summary>
    public static async Task<PostgresDatabase> CreateAsync(string demo, bool realTime = false)
    {
        var server = await PostgresServer.RequireAsync();
        string? template = null;
        if (demo is "en" or "sv")
        {
            template = await Templates.GetOrAdd($"{demo}-{(realTime ? "real" : "fixed")}", _ => new Lazy<Task<string>>(() => BuildAsync(server, demo, realTime))).Value;
        }

        return new PostgresDatabase(server, await server.CreateDatabaseAsync(template));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DropDatabaseAsync(Name);
    }

    private static async Task<string> BuildAsync(PostgresServer server, string demo, bool realTime)
    {
        var name = await server.CreateDatabaseAsync(name: $"template_{demo}_{(realTime ? "real" : "fixed")}");
        await using (var services = ServiceHarness.Build(server.ConnectionString(name), demo, out _, realTime, provider: DatabaseProvider.PostgreSQL))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        // No connection may stay open on a template while it is copied.
        await using (var pooled = new NpgsqlConnection(server.ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        return name;
    }
}
