using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Seeding;
using Portal.Domain.Organisation;
using Portal.Features.Organisation;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features;

/// <summary>The foundation's mechanisms, on a real SQLite file with the real migrations.</summary>
public sealed class FoundationServiceTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task SeedsTheDemoCouncilOnceAndKeepsItAcrossRestarts()
    {
        // On an empty file (the other tests start on a copy of the seeded demo).
        await using var fresh = await ServiceHarness.StartAsync(fresh: true);
        var before = await CountsAsync(fresh);

        await fresh.InitializeAsync();

        var after = await CountsAsync(fresh);
        Assert.Equal(before, after);
        Assert.Equal(1 + EnglishDemoUnits, before.Units);
        Assert.Equal(DemoCouncil.For(InstallationKind.EnglishDemo).People.Count, before.People);
        Assert.Equal(DemoCouncil.For(InstallationKind.EnglishDemo).SignIns.Count(), before.Users);
        Assert.Equal(7, before.Users);
    }

    [Fact]
    public async Task GivesEachDemoSignInItsRoleAndItsPerson()
    {
        await using var session = _portal.Anonymous();
        var users = session.Get<UserManager<PortalUser>>();
        foreach (var (email, role) in new[] { (DemoUsers.Administrator, Roles.Administrator), (DemoUsers.Director, Roles.Director), (DemoUsers.Officer, Roles.Officer), (DemoUsers.Member, Roles.Member) })
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal([role], await users.GetRolesAsync(user));
        }

        await using var db = await session.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var heather = await db.People.SingleAsync(p => p.DisplayName == "Heather Rice", TestContext.Current.CancellationToken);
        Assert.NotNull(heather.UserId);
        var manager = await db.People.SingleAsync(p => p.Id == heather.LineManagerId, TestContext.Current.CancellationToken);
        Assert.Equal("Chief Executive", manager.JobTitle);
    }

    [Fact]
    public async Task TurnsOnWalAndForeignKeys()
    {
        await using var connection = new SqliteConnection($"Data Source={_portal.DatabaseFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await journal.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        await using var session = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await using var db = await session.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var foreignKeys = await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync(TestContext.Current.CancellationToken);
        var busyTimeout = await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, foreignKeys);
        Assert.Equal(SqliteSetup.BusyTimeoutMilliseconds, busyTimeout);
    }

    [Fact]
    public async Task RefusesAStaleSaveAndKeepsTheFirstEditorsChange()
    {
        var ct = TestContext.Current.CancellationToken;
        var unitId = await UnitIdAsync("City Strategy");
        await using var first = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await using var second = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var opened = (await second.Get<OrganisationService>().GetUnitAsync(unitId, ct))!;

        await first.Get<OrganisationService>().UpdateUnitAsync(unitId, new UnitEdit("City Strategy and Performance", opened.ShortName, opened.Description, opened.Version), ct);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            second.Get<OrganisationService>().UpdateUnitAsync(unitId, new UnitEdit("Strategy", opened.ShortName, opened.Description, opened.Version), ct));

        var change = Assert.Single(conflict.Changes);
        Assert.Equal("Name", change.Property);
        Assert.Equal("City Strategy", change.Before);
        Assert.Equal("City Strategy and Performance", change.After);
        Assert.Equal("Sam Patel", change.ActorName);
        var now = (await first.Get<OrganisationService>().GetUnitAsync(unitId, ct))!;
        Assert.Equal("City Strategy and Performance", now.Name);
        Assert.Equal(opened.Version + 1, now.Version);
    }

    [Fact]
    public async Task RefusesASaveThatLosesTheRaceBetweenLoadAndWrite()
    {
        var ct = TestContext.Current.CancellationToken;
        var unitId = await UnitIdAsync("City Strategy");
        await using var session = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var factory = session.Get<IDbContextFactory<PortalDbContext>>();
        await using var slow = await factory.CreateDbContextAsync(ct);
        var unit = await slow.OrganisationUnits.SingleAsync(u => u.Id == unitId, ct);
        await slow.ExpectVersionAsync(unit, unit.Version, ct);

        await using (var fast = await factory.CreateDbContextAsync(ct))
        {
            var same = await fast.OrganisationUnits.SingleAsync(u => u.Id == unitId, ct);
            same.Rename("Renamed first", null, null);
            await fast.SaveChangesAsync(ct);
        }

        unit.Rename("Renamed second", null, null);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => slow.SaveChangesAsync(ct));

        Assert.Contains(conflict.Changes, c => c.Property == "Name" && c.After == "Renamed first");
        await using var check = await factory.CreateDbContextAsync(ct);
        Assert.Equal("Renamed first", (await check.OrganisationUnits.SingleAsync(u => u.Id == unitId, ct)).Name);
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.After != null && a.After.Contains("Renamed second"), ct));
    }

    [Fact]
    public async Task LeavesAnAuditEntryForEveryWriteNamingWhoAndWhat()
    {
        var ct = TestContext.Current.CancellationToken;
        var unitId = await UnitIdAsync("Human Resources");
        await using var session = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var unit = (await session.Get<OrganisationService>().GetUnitAsync(unitId, ct))!;
        var before = await AuditCountAsync();

        await session.Get<OrganisationService>().UpdateUnitAsync(unitId, new UnitEdit("People Services", "PS", unit.Description, unit.Version), ct);

        await using var db = await session.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var entries = await db.AuditEntries.OrderByDescending(a => a.Id).Take((await AuditCountAsync()) - before).ToListAsync(ct);
        var entry = Assert.Single(entries);
        Assert.Equal(AuditAction.Modified, entry.Action);
        Assert.Equal(nameof(OrganisationUnit), entry.EntityType);
        Assert.Equal(unitId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("Sam Patel", entry.ActorName);
        Assert.NotNull(entry.ActorId);
        Assert.Equal(_portal.Clock.GetUtcNow().UtcDateTime, entry.OccurredUtc);
        Assert.Equal(DateTimeKind.Utc, entry.OccurredUtc.Kind);
        Assert.Contains("\"Human Resources\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"People Services\"", entry.After, StringComparison.Ordinal);
        Assert.Equal(unit.Version + 1, entry.EntityVersion);
    }

    [Fact]
    public async Task RecordsTheNewKeyOfAnInsertedItemAndRedactsSecrets()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await _portal.Db.CreateDbContextAsync(ct);
        var inserts = await db.AuditEntries.Where(a => a.Action == AuditAction.Added && a.EntityType == nameof(Person)).ToListAsync(ct);
        var users = await db.AuditEntries.Where(a => a.EntityType == nameof(PortalUser)).ToListAsync(ct);

        Assert.Equal(DemoCouncil.For(InstallationKind.EnglishDemo).People.Count, inserts.Count);
        Assert.All(inserts, a => Assert.True(int.Parse(a.EntityId, System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.All(inserts, a => Assert.Equal("system (start-up)", a.ActorName));
        Assert.NotEmpty(users);
        Assert.All(users, a => Assert.DoesNotContain("AQAAAA", a.After ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeepsTheAuditTrailAppendOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await _portal.Db.CreateDbContextAsync(ct);
        var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync(ct);

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET ActorName = 'someone else'", ct));
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries", ct));
        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
    }

    [Fact]
    public async Task TellsASubscriberOfASaveAndStopsAfterItDisposes()
    {
        var ct = TestContext.Current.CancellationToken;
        var unitId = await UnitIdAsync("Finance");
        var feed = _portal.Root.GetRequiredService<ChangeFeed>();
        var told = new List<UnitChanged>();
        var subscription = feed.Subscribe<UnitChanged>(told.Add);
        await using var session = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var service = session.Get<OrganisationService>();
        var unit = (await service.GetUnitAsync(unitId, ct))!;

        var version = await service.UpdateUnitAsync(unitId, new UnitEdit("Finance and Procurement", null, null, unit.Version), ct);
        Assert.Equal([new UnitChanged(unitId)], told);

        subscription.Dispose();
        await service.UpdateUnitAsync(unitId, new UnitEdit("Finance", null, null, version), ct);
        Assert.Single(told);
        Assert.Equal(0, feed.SubscriberCount);
    }

    [Fact]
    public async Task RefusesAnAnonymousCallerInTheServiceItself()
    {
        await using var session = _portal.Anonymous();

        await Assert.ThrowsAsync<AccessDeniedException>(() => session.Get<OrganisationService>().GetStructureAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(DemoUsers.Director)]
    [InlineData(DemoUsers.Officer)]
    [InlineData(DemoUsers.Member)]
    public async Task RefusesAnEditFromAnyoneButAnAdministratorAndWritesNothing(string email)
    {
        var ct = TestContext.Current.CancellationToken;
        var unitId = await UnitIdAsync("Finance");
        await using var session = await _portal.SignedInAsAsync(email);
        var unit = (await session.Get<OrganisationService>().GetUnitAsync(unitId, ct))!;
        var audit = await AuditCountAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            session.Get<OrganisationService>().UpdateUnitAsync(unitId, new UnitEdit("Taken over", null, null, unit.Version), ct));

        Assert.Equal("Finance", (await session.Get<OrganisationService>().GetUnitAsync(unitId, ct))!.Name);
        Assert.Equal(audit, await AuditCountAsync());
    }

    [Fact]
    public async Task RefusesABlankNameWithTheFieldItConcernsAndSavesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var unitId = await UnitIdAsync("Finance");
        await using var session = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var unit = (await session.Get<OrganisationService>().GetUnitAsync(unitId, ct))!;

        var error = await Assert.ThrowsAsync<Portal.Domain.Common.DomainRuleException>(() =>
            session.Get<OrganisationService>().UpdateUnitAsync(unitId, new UnitEdit("  ", "FIN", null, unit.Version), ct));

        Assert.Equal("Name", error.Field);
        var after = (await session.Get<OrganisationService>().GetUnitAsync(unitId, ct))!;
        Assert.Equal(unit.Version, after.Version);
        Assert.Null(after.ShortName);
    }

    [Fact]
    public void WrongPasswordsLockAnEmailFromOneAddressForAWaitThatDoublesUpToAnHour()
    {
        var throttle = _portal.Root.GetRequiredService<SignInThrottle>();
        const string Elsewhere = "203.0.113.9";
        const string Desk = "198.51.100.5";
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Null(throttle.Failed(DemoUsers.Officer, Elsewhere));
        }

        var waits = new List<double>();
        for (var lockout = 0; lockout < 9; lockout++)
        {
            var now = _portal.Clock.GetUtcNow();
            var until = throttle.Failed(lockout == 0 ? DemoUsers.Officer : " " + DemoUsers.Officer.ToUpperInvariant(), Elsewhere);
            Assert.NotNull(until);
            Assert.Equal(until, throttle.LockedUntil(DemoUsers.Officer, Elsewhere));
            Assert.Null(throttle.LockedUntil(DemoUsers.Officer, Desk));
            Assert.Null(throttle.LockedUntil(DemoUsers.Director, Elsewhere));
            waits.Add((until.Value - now).TotalMinutes);
            _portal.Clock.Advance(until.Value - now);
            Assert.Null(throttle.LockedUntil(DemoUsers.Officer, Elsewhere));
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits);
        var locked = throttle.Failed(DemoUsers.Officer, Elsewhere);
        Assert.Equal(locked, throttle.LockedEmails()[SignInThrottle.KeyOf(DemoUsers.Officer)]);

        // An administrator's unlock clears it from every address; a success clears that address's count.
        throttle.Clear(DemoUsers.Officer);
        Assert.Null(throttle.LockedUntil(DemoUsers.Officer, Elsewhere));
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Null(throttle.Failed(DemoUsers.Officer, Desk));
        }

        throttle.Succeeded(DemoUsers.Officer, Desk);
        Assert.Null(throttle.Failed(DemoUsers.Officer, Desk));
    }

    private const int EnglishDemoUnits = 12;

    private async Task<(int Units, int People, int Users, int Installations)> CountsAsync(ServiceHarness? portal = null)
    {
        await using var db = await (portal ?? _portal).Db.CreateDbContextAsync();
        return (await db.OrganisationUnits.CountAsync(), await db.People.CountAsync(), await db.Users.CountAsync(), await db.Installations.CountAsync());
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync();
        return await db.AuditEntries.CountAsync();
    }

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = await _portal.Db.CreateDbContextAsync();
        return await db.OrganisationUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }
}
