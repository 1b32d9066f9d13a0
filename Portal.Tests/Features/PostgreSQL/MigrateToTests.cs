using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Data;
using Portal.Data.PostgreSQL;
using Portal.Features.Search;
using Portal.Infrastructure.Backups;
using Portal.Infrastructure.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.PostgreSQL;

/// <summary>
/// Moving a council from SQLite to PostgreSQL with <c>migrate-to</c>: the demo's every table
/// arrives with the same count and checksum (counted again here, independently of the command),
/// the copy starts as the portal and takes new rows (its sequences were moved past the copied
/// ids), search finds the same first result on both, and a second run refuses the now non-empty
/// target. <c>restore</c> and <c>check</c> say on PostgreSQL that restore and the file's check are SQLite's.
/// </summary>
public sealed class MigrateToTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemoIsCopiedTableByTableWithEqualCountsAndChecksumsAndASecondRunIsRefused()
    {
        using var sqlite = new TempDatabase();
        await DemoTemplates.CopyToAsync("en", realTime: false, sqlite.File);
        await using var postgres = await PostgresDatabase.CreateAsync("none");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = sqlite.ConnectionString })
            .Build();
        string[] args = ["migrate-to", "--to", postgres.ConnectionString];

        var output = new StringWriter();
        var exit = await MigrateToCommand.RunAsync(args, configuration, Path.GetTempPath(), output, Ct);
        var printed = output.ToString();
        Assert.True(exit == MigrateToCommand.Copied, printed);

        // Every table of the model: the same number of rows on both (counted here, not by the command),
        // and the command's line for it shows two equal checksums.
        var lines = printed.Split('\n').Select(l => l.TrimEnd()).ToList();
        var sqliteCounts = await CountsAsync(new Microsoft.Data.Sqlite.SqliteConnection(sqlite.ConnectionString));
        var postgresCounts = await CountsAsync(new NpgsqlConnection(postgres.ConnectionString));
        Assert.True(sqliteCounts.Count > 60, $"only {sqliteCounts.Count} tables");
        foreach (var (table, count) in sqliteCounts)
        {
            Assert.True(postgresCounts[table] == count, $"{table}: {count} rows on SQLite, {postgresCounts[table]} on PostgreSQL");
            var line = lines.Single(l => l.StartsWith(table + " ", StringComparison.Ordinal));
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([table, count.ToString(System.Globalization.CultureInfo.InvariantCulture), count.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[3], fields[3], "ok"], fields);
        }

        foreach (var table in new[] { "AspNetUsers", "AspNetUserRoles", "DataProtectionKeys", "AuditEntries", "Reports", "Installations" })
        {
            Assert.True(sqliteCounts[table] > 0, $"the demo has no rows in {table}");
        }

        Assert.Contains("every count and checksum is equal", printed, StringComparison.Ordinal);

        // The copy is the council: the portal starts on it as the same installation, with the same
        // first report, and new rows take fresh ids (the sequences moved past the copied ones).
        await using (var services = ServiceHarness.Build(postgres.ConnectionString, "en", out _, provider: DatabaseProvider.PostgreSQL))
        {
            await using var scope = services.CreateAsyncScope();
            var installation = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);
            Assert.Equal(InstallationKind.EnglishDemo, installation.Kind);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            var report = await db.Reports.AsNoTracking().OrderBy(r => r.Id).FirstAsync(Ct);
            await using var sqliteServices = ServiceHarness.Build(sqlite.ConnectionString, "en", out _);
            await using var sqliteScope = sqliteServices.CreateAsyncScope();
            await using var sqliteDb = await sqliteScope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            var original = await sqliteDb.Reports.AsNoTracking().OrderBy(r => r.Id).FirstAsync(Ct);
            Assert.Equal((original.Id, original.Title, original.Reference, original.PublishedOn), (report.Id, report.Title, report.Reference, report.PublishedOn));

            var highest = await db.Bodies.MaxAsync(b => b.Id, Ct);
            await using var insert = new NpgsqlConnection(postgres.ConnectionString);
            await insert.OpenAsync(Ct);
            await using var next = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('\"Bodies\"', 'Id'))", insert);
            Assert.True((long)(await next.ExecuteScalarAsync(Ct))! > highest);

            // Search: PostgreSQL finds everything SQLite finds (stemming may find more), and the same
            // first result for words whose ranking both agree on (for "restructure" PostgreSQL's
            // stemming also counts "restructuring" and ranks another report first).
            var sqliteSearch = new SqliteSearchEngine();
            var postgresSearch = new PostgresSearchEngine();
            var sqliteAudiences = await sqliteDb.Database.SqlQueryRaw<string>("SELECT DISTINCT Audience AS Value FROM SearchIndex").ToListAsync(Ct);
            var postgresAudiences = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT audience AS \"Value\" FROM searchindex").ToListAsync(Ct);
            Assert.Equal(sqliteAudiences.Order(StringComparer.Ordinal), postgresAudiences.Order(StringComparer.Ordinal));
            foreach (var words in new[] { new[] { "budget" }, ["transformation"], ["redeployment"], ["restructure"] })
            {
                var onSqlite = await sqliteSearch.FindAsync(sqliteDb, words, sqliteAudiences, 50, Ct);
                var onPostgres = await postgresSearch.FindAsync(db, words, postgresAudiences, 50, Ct);
                Assert.True(onSqlite.Count > 0, $"the demo has nothing for \"{words[0]}\"");
                Assert.Empty(onSqlite.Select(h => (h.Kind, h.ItemId, h.Title)).Except(onPostgres.Select(h => (h.Kind, h.ItemId, h.Title))));
                if (words[0] != "restructure")
                {
                    Assert.True(
                        (onSqlite[0].Kind, onSqlite[0].ItemId) == (onPostgres[0].Kind, onPostgres[0].ItemId),
                        $"\"{words[0]}\": SQLite first finds {onSqlite[0].Kind} {onSqlite[0].ItemId} {onSqlite[0].Title}, PostgreSQL {onPostgres[0].Kind} {onPostgres[0].ItemId} {onPostgres[0].Title}");
                }
            }
        }

        // A second run finds rows in the target and copies nothing.
        var again = new StringWriter();
        Assert.Equal(MigrateToCommand.NotRun, await MigrateToCommand.RunAsync(args, configuration, Path.GetTempPath(), again, Ct));
        Assert.Contains("is not empty", again.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was copied", again.ToString(), StringComparison.Ordinal);
        Assert.Equal(postgresCounts, await CountsAsync(new NpgsqlConnection(postgres.ConnectionString)));
    }

    [Fact]
    public async Task ItRefusesWhenTheConfiguredCouncilIsAlreadyOnPostgreSQLOrNoTargetIsNamed()
    {
        var onPostgres = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PortalDatabase.ProviderKey] = "PostgreSQL", ["ConnectionStrings:Portal"] = "Host=127.0.0.1;Database=portal" })
            .Build();
        var output = new StringWriter();
        Assert.Equal(MigrateToCommand.NotRun, await MigrateToCommand.RunAsync(["migrate-to", "--to", "Host=127.0.0.1;Database=other"], onPostgres, Path.GetTempPath(), output, Ct));
        Assert.Contains("copies the SQLite council", output.ToString(), StringComparison.Ordinal);

        using var sqlite = new TempDatabase();
        var onSqlite = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = sqlite.ConnectionString })
            .Build();
        output = new StringWriter();
        Assert.Equal(MigrateToCommand.NotRun, await MigrateToCommand.RunAsync(["migrate-to"], onSqlite, Path.GetTempPath(), output, Ct));
        Assert.Contains("Name the PostgreSQL database", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(["--ConnectionStrings:Portal", "x"], MigrateToCommand.ConfigurationArguments(["migrate-to", "--to", "Host=h", "--ConnectionStrings:Portal", "x"]));
        Assert.Equal("Host=h", MigrateToCommand.Target(["migrate-to", "--to=Host=h"]));
    }

    [Fact]
    public async Task RestoreAndCheckSayOnPostgreSQLThatTheFilesBackupsAreSQLitesAndPointToPgDump()
    {
        await using var postgres = await PostgresDatabase.CreateAsync("none");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PortalDatabase.ProviderKey] = "PostgreSQL", ["ConnectionStrings:Portal"] = postgres.ConnectionString })
            .Build();
        var restore = new StringWriter();
        Assert.Equal(RestoreCommand.NotRun, RestoreCommand.Run(["restore", "backup.db"], configuration, Path.GetTempPath(), restore, TimeProvider.System));
        Assert.Contains("pg_restore", restore.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", restore.ToString(), StringComparison.Ordinal);

        var check = new StringWriter();
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development", ContentRootPath = Path.GetTempPath() };
        await CheckCommand.RunAsync(configuration, environment, check, Ct);
        var printed = check.ToString();
        Assert.Contains("ok    Database: the PostgreSQL database", printed, StringComparison.Ordinal);
        Assert.Contains("answers (PostgreSQL", printed, StringComparison.Ordinal);
        Assert.Contains("pg_dump", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("integrity check passed", printed, StringComparison.Ordinal);
    }

    /// <summary>Each model table's row count, counted with plain SQL.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(System.Data.Common.DbConnection connection)
    {
        await using (connection)
        {
            await connection.OpenAsync(Ct);
            var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options;
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in TableRows.InDependencyOrder(new PortalDbContext(options, new NoUser(), TimeProvider.System).Model))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT count(*) FROM \"{table.Name}\"";
                counts[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
            }

            return counts;
        }
    }

    private sealed class NoUser : Portal.Infrastructure.Security.ICurrentUser
    {
        public Task<System.Security.Claims.ClaimsPrincipal> GetPrincipalAsync() => Task.FromResult(new System.Security.Claims.ClaimsPrincipal());

        public Task<System.Security.Claims.ClaimsPrincipal> DemandAsync(string policy) => throw new NotSupportedException();

        public Task<bool> SatisfiesAsync(string policy) => Task.FromResult(false);
    }
}
