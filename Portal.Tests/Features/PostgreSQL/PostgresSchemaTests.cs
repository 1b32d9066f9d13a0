using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Data;
using Portal.Data.PostgreSQL;
using Portal.Features.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.PostgreSQL;

/// <summary>
/// The portal on a real PostgreSQL server of the test's own: PostgreSQL's migrations make the
/// model, column for column, with nothing pending; start-up adds the search index and the audit
/// trail's append-only triggers, which hold; and search finds, ranks and highlights the demo's
/// published papers through the same access filter as on SQLite.
/// </summary>
public sealed class PostgresSchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewDatabaseMadeByThePostgreSQLMigrationsMatchesTheModel()
    {
        await using var database = await PostgresDatabase.CreateAsync("none");
        await using var services = ServiceHarness.Build(database.ConnectionString, demo: "none", out _, provider: DatabaseProvider.PostgreSQL);
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);

        Assert.IsType<PostgresPortalDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no PostgreSQL migration makes: see README, \"Migrations for both engines\".");
        Assert.NotEmpty(db.Database.GetMigrations());
        await db.Database.MigrateAsync(Ct);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));

        var actual = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'", connection);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                if (!actual.TryGetValue(reader.GetString(0), out var columns))
                {
                    actual[reader.GetString(0)] = columns = new HashSet<string>(StringComparer.Ordinal);
                }

                columns.Add(reader.GetString(1));
            }
        }

        var mismatches = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).GroupBy(e => e.GetTableName()!))
        {
            var expected = table
                .SelectMany(entity => entity.GetProperties().Select(p => p.GetColumnName(StoreObjectIdentifier.Table(table.Key, entity.GetSchema()))))
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            var columns = actual.GetValueOrDefault(table.Key) ?? [];
            if (!expected.SetEquals(columns))
            {
                mismatches.Add($"{table.Key}: model [{string.Join(", ", expected.Order())}], database [{string.Join(", ", columns.Order())}]");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public async Task TheDatabaseItselfRefusesToChangeOrRemoveAnAuditEntry()
    {
        await using var portal = await ServiceHarness.StartAsync(provider: DatabaseProvider.PostgreSQL);
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Ct);

        foreach (var sql in new[]
        {
            "UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone else'",
            "DELETE FROM \"AuditEntries\"",
            "TRUNCATE \"AuditEntries\"",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"AuditEntries\"", connection);
        Assert.True((long)(await count.ExecuteScalarAsync(Ct))! > 0);
    }

    [Fact]
    public async Task SearchFindsRanksAndHighlightsInEnglishAndSwedishBehindTheSameAccessFilter()
    {
        await using var portal = await ServiceHarness.StartAsync(provider: DatabaseProvider.PostgreSQL);
        await using var anonymous = portal.Anonymous();
        var search = anonymous.Get<SearchService>();

        // Stemmed (plans, planning) and with the last word as a prefix ("direc").
        var results = (await search.SearchAsync("plans direc", Ct)).Results;
        Assert.NotEmpty(results);
        Assert.Equal(SearchIndex.ReportKind, results[0].Kind);
        Assert.Contains(results, r => r.Snippet.Any(run => run.Matched));

        // What only a body's members may read is not found by the public, and typed syntax is words.
        var everything = (await search.SearchAsync("winter", Ct)).Results;
        await using var officer = await portal.SignedInAsAsync(DemoUsers.Officer);
        var staff = (await officer.Get<SearchService>().SearchAsync("winter", Ct)).Results;
        Assert.True(staff.Count >= everything.Count);
        Assert.DoesNotContain(everything, r => r.Title.StartsWith("Executive Management Group", StringComparison.Ordinal));
        Assert.False((await search.SearchAsync("\" OR 1=1 -- & | ! :* ()", Ct)).NothingToSearch);

        // Swedish stemming: "planerna" finds rows indexed with "plan" words through the Swedish configuration.
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO searchindex (rowid, title, body, audience, kind, itemid, date) VALUES (9000000000, 'Verksamhetsplanen', 'Kommunens planer för skolorna', 'everyone', 'report', 1, NULL)", connection);
        await insert.ExecuteNonQueryAsync(Ct);
        var swedish = (await search.SearchAsync("skolor", Ct)).Results;
        Assert.Contains(swedish, r => r.Title == "Verksamhetsplanen" && r.Snippet.Any(run => run.Matched && run.Text.StartsWith("skol", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OnPostgreSQLThePortalTakesNoBackupsOfItsOwnAndSaysWhy()
    {
        await using var portal = await ServiceHarness.StartAsync(provider: DatabaseProvider.PostgreSQL);
        await using var admin = await portal.SignedInAsAsync(DemoUsers.Administrator);
        var backups = admin.Get<Portal.Infrastructure.Backups.BackupService>();

        Assert.True(backups.IsTheDatabasesOwn);
        Assert.Empty(await backups.ListAsync());
        var refused = await Assert.ThrowsAsync<Portal.Domain.Common.DomainRuleException>(() => backups.BackUpNowAsync(Ct));
        Assert.Equal("Backup.PostgreSQL", refused.Code);
    }
}
