using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features;

/// <summary>
/// The schema is one migration: a new database made by it is the model, table for table and
/// column for column, and the model has nothing the migrations have not caught up with.
/// </summary>
public sealed class SchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewDatabaseMadeByTheMigrationsMatchesTheModel()
    {
        using var database = new TempDatabase();
        await using var services = ServiceHarness.Build(database.ConnectionString, demo: "none", out _);
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration makes: add one with dotnet ef migrations add.");
        await db.Database.MigrateAsync(Ct);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var mismatches = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).GroupBy(e => e.GetTableName()!))
        {
            var expected = table
                .SelectMany(entity => entity.GetProperties().Select(p => p.GetColumnName(StoreObjectIdentifier.Table(table.Key, entity.GetSchema()))))
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            var actual = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT name FROM pragma_table_info('{table.Key}')";
                await using var reader = await command.ExecuteReaderAsync(Ct);
                while (await reader.ReadAsync(Ct))
                {
                    actual.Add(reader.GetString(0));
                }
            }

            if (!expected.SetEquals(actual))
            {
                mismatches.Add($"{table.Key}: model [{string.Join(", ", expected.Order())}], database [{string.Join(", ", actual.Order())}]");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }
}
