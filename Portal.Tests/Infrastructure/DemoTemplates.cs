using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A demo council migrated and seeded once per test run (per demo, and per clock: the service
/// tests' fixed day or the real one the browser tests run on), then copied for each test, which
/// starts on its own file exactly as a first start would have left it. Seeding the demo for every
/// test took minutes of the two cores. Start-up itself (migrating, seeding, idempotence) is
/// still tested on empty files by the foundation and installation tests.
/// </summary>
public static class DemoTemplates
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();

    /// <summary>Puts a seeded copy of <paramref name="demo"/> at <paramref name="file"/>; does nothing for "none".</summary>
    public static async Task CopyToAsync(string demo, bool realTime, string file)
    {
        if (demo is not ("en" or "sv"))
        {
            return;
        }

        var template = await Templates.GetOrAdd($"{demo}-{(realTime ? "real" : "fixed")}", _ => new Lazy<Task<string>>(() => BuildAsync(demo, realTime))).Value;
        File.Copy(template, file, overwrite: true);
    }

    private static async Task<string> BuildAsync(string demo, bool realTime)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", $"templates-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{demo}-{(realTime ? "real" : "fixed")}.db");
        // A process id comes round again: an earlier run's template (perhaps of an older schema) is not this run's.
        foreach (var stale in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(stale);
        }

        await using (var services = ServiceHarness.Build($"Data Source={file}", demo, out _, realTime))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        return file;
    }
}
