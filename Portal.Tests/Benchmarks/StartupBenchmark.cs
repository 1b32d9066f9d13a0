using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Benchmarks;

/// <summary>
/// Start-up on an empty database (migrations applied, WAL set, roles created, demo seeded),
/// against the baseline of starting on a database that is already set up. Target: under 3 s.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class StartupBenchmark(ITestOutputHelper output)
{
    private const int Runs = 5;

    [Fact]
    public async Task MeasuresStartupOnAnEmptyDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        var databases = new List<TempDatabase>();
        try
        {
            await InitializeAsync(NewDatabase(databases), ct); // warm-up: JIT, EF model building
            var empty = await BenchmarkReport.MeasureAsync(Runs, () => InitializeAsync(NewDatabase(databases), ct));

            var existing = NewDatabase(databases);
            await InitializeAsync(existing, ct);
            var restart = await BenchmarkReport.MeasureAsync(Runs, () => InitializeAsync(existing, ct));

            var line = BenchmarkReport.Format("startup on an empty database (migrate + seed)", empty, restart, "restart on a set-up database", targetMs: 3000);
            output.WriteLine(line);
            Assert.Equal(Runs, empty.Count);
            Assert.All(empty, t => Assert.True(t > 0));
        }
        finally
        {
            databases.ForEach(d => d.Dispose());
        }
    }

    private static TempDatabase NewDatabase(List<TempDatabase> databases)
    {
        var database = new TempDatabase();
        databases.Add(database);
        return database;
    }

    private static async Task InitializeAsync(TempDatabase database, CancellationToken ct)
    {
        await using var services = ServiceHarness.Build(database.ConnectionString, "en", out _);
        await using var scope = services.CreateAsyncScope();
        var installation = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        Assert.Equal(InstallationKind.EnglishDemo, installation.Kind);
    }
}
