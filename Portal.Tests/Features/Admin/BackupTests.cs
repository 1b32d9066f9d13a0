using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Backups;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>Backups of the real database file: taken online and checked, kept to the retention count, and restored exactly, refusing a copy that fails the check.</summary>
public sealed class BackupTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task OnlyAnAdministratorBacksUpAndEachCopyPassesTheIntegrityCheck()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);

        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<BackupService>().BackUpNowAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<BackupService>().ListAsync());
        var copy = await admin.Get<BackupService>().BackUpNowAsync(Ct);

        Assert.True(copy.IsSound, copy.Check);
        Assert.Equal("ok", DatabaseBackup.Check(copy.Path).Message);
        Assert.Equal(copy.Name, Assert.Single(await admin.Get<BackupService>().ListAsync()).Name);
    }

    [Fact]
    public async Task KeepsOnlyTheRetentionCountNewestFirst()
    {
        var folder = Path.Combine(Path.GetDirectoryName(_portal.DatabaseFile)!, "keep-test");
        var connection = $"Data Source={_portal.DatabaseFile}";
        for (var i = 0; i < 4; i++)
        {
            await DatabaseBackup.TakeAsync(connection, folder, new DateTime(2026, 11, 20 + i, 2, 0, 0, DateTimeKind.Utc), Ct);
        }

        var deleted = DatabaseBackup.Prune(folder, keep: 2, keepOnDemand: 2);

        Assert.Equal(["portal-20261121-020000.db", "portal-20261120-020000.db"], deleted);
        Assert.Equal(["portal-20261123-020000.db", "portal-20261122-020000.db"], DatabaseBackup.Copies(folder).Select(f => f.Name));
    }

    [Fact]
    public async Task BackingUpOnDemandNeverPushesOutTheDailyCopies()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var backups = admin.Get<BackupService>();
        await using (var system = _portal.Anonymous())
        {
            system.Get<CurrentUser>().RunAsSystem("backup");
            for (var day = 0; day < 3; day++)
            {
                await system.Get<BackupService>().TakeAsync("scheduled", Ct);
                _portal.Clock.Advance(TimeSpan.FromDays(1));
            }
        }

        var daily = (await backups.ListAsync()).Select(c => c.Name).ToList();
        for (var i = 0; i < 20; i++)
        {
            await backups.BackUpNowAsync(Ct);
            _portal.Clock.Advance(TimeSpan.FromMinutes(11));
        }

        var kept = await backups.ListAsync();
        Assert.Equal(daily, kept.Where(c => !c.OnDemand).Select(c => c.Name));
        Assert.Equal(5, kept.Count(c => c.OnDemand));
        Assert.All(kept.Where(c => c.OnDemand), c => Assert.EndsWith("-on-demand.db", c.Name, StringComparison.Ordinal));
        Assert.Equal(kept.OrderByDescending(c => c.TakenAtUtc).Select(c => c.Name), kept.Select(c => c.Name));
    }

    [Fact]
    public async Task BackUpNowIsRefusedWithAMessageUntilTenMinutesAfterTheLastCopy()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var backups = admin.Get<BackupService>();
        var first = await backups.BackUpNowAsync(Ct);
        _portal.Clock.Advance(TimeSpan.FromMinutes(9));

        var refused = await Assert.ThrowsAsync<Portal.Domain.Common.DomainRuleException>(() => backups.BackUpNowAsync(Ct));

        Assert.Equal("Backup.TooSoon", refused.Code);
        Assert.Contains("less than 10 minutes ago", refused.Message, StringComparison.Ordinal);
        Assert.Equal(first.Name, Assert.Single(await backups.ListAsync()).Name);
        _portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await backups.BackUpNowAsync(Ct)).IsSound);
        Assert.Equal(2, (await backups.ListAsync()).Count);
    }

    [Fact]
    public async Task ARestoreFromABackupBringsBackExactlyWhatWasThere()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var before = await SnapshotAsync();
        var copy = await admin.Get<BackupService>().BackUpNowAsync(Ct);

        // Work after the backup: a new person, a changed unit, a deleted reading note.
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var unit = await db.OrganisationUnits.OrderBy(u => u.Id).FirstAsync(Ct);
            db.People.Add(Portal.Domain.Organisation.Person.Create("Added After Backup", null, "after@york.example", unit));
            await db.SaveChangesAsync(Ct);
        }

        Assert.NotEqual(before, await SnapshotAsync());
        var result = DatabaseBackup.Restore(copy.Path, $"Data Source={_portal.DatabaseFile}", new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc));

        Assert.True(result.Restored, result.Message);
        Assert.Equal(before, await SnapshotAsync());
        Assert.True(File.Exists(result.KeptAside));
        Assert.True(DatabaseBackup.Check(result.KeptAside!).IsSound);
        Assert.Contains("Added After Backup", await ScalarAsync(result.KeptAside!, "SELECT group_concat(DisplayName) FROM People"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("foreign")]
    public async Task ARestoreRefusesACopyThatFailsTheCheckAndLeavesTheDatabaseAlone(string kind)
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var copy = await admin.Get<BackupService>().BackUpNowAsync(Ct);
        var bad = Path.Combine(Path.GetDirectoryName(copy.Path)!, $"bad-{kind}.db");
        switch (kind)
        {
            case "garbage":
                await File.WriteAllTextAsync(bad, "This is not a database at all.", Ct);
                break;
            case "truncated":
                var bytes = await File.ReadAllBytesAsync(copy.Path, Ct);
                await File.WriteAllBytesAsync(bad, bytes[..(bytes.Length / 2)], Ct);
                break;
            default:
                await using (var other = new SqliteConnection($"Data Source={bad};Pooling=False"))
                {
                    await other.OpenAsync(Ct);
                    await using var create = other.CreateCommand();
                    create.CommandText = "CREATE TABLE Other (Id INTEGER PRIMARY KEY);";
                    await create.ExecuteNonQueryAsync(Ct);
                }

                break;
        }

        var before = await SnapshotAsync();
        var result = DatabaseBackup.Restore(bad, $"Data Source={_portal.DatabaseFile}", DateTime.UtcNow);

        Assert.False(result.Restored);
        Assert.StartsWith("Refused", result.Message, StringComparison.Ordinal);
        Assert.Null(result.KeptAside);
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Row counts of the tables that matter and a checksum of the people, enough to tell two states apart.</summary>
    private async Task<string> SnapshotAsync()
    {
        var file = _portal.DatabaseFile;
        var counts = new List<string>();
        foreach (var table in new[] { "People", "OrganisationUnits", "Reports", "Meetings", "AgendaItems", "PlanActions", "ThreadItems", "AuditEntries", "AspNetUsers", "AnnexContents" })
        {
            counts.Add($"{table}={await ScalarAsync(file, $"SELECT count(*) FROM {table}")}");
        }

        counts.Add(await ScalarAsync(file, "SELECT group_concat(DisplayName || Version, ',') FROM (SELECT DisplayName, Version FROM People ORDER BY Id)"));
        return string.Join(';', counts);
    }

    private static async Task<string> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
