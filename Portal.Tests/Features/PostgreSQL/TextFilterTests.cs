using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Admin.Audit;
using Portal.Features.Admin.Users;
using Portal.Features.Members.Councillors;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.PostgreSQL;

/// <summary>
/// The pages that filter by typed text (sign-ins by name or address, the audit trail by who, the
/// councillors by name) ignore case on both engines: SQLite's LIKE does, PostgreSQL's does not,
/// so the services use ILIKE there.
/// </summary>
public sealed class TextFilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task TextFiltersIgnoreCaseOnEitherEngine(DatabaseProvider provider)
    {
        await using var portal = await ServiceHarness.StartAsync(provider: provider);
        await using var admin = await portal.SignedInAsAsync(DemoUsers.Administrator);
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Email == DemoUsers.MonitoringOfficer).Select(u => u.DisplayName).SingleAsync(Ct);
        var actor = await db.AuditEntries.AsNoTracking().Where(a => a.ActorName.Length > 3).Select(a => a.ActorName).FirstAsync(Ct);
        var councillor = await db.Councillors.AsNoTracking().Join(db.People, c => c.PersonId, p => p.Id, (c, p) => p.DisplayName).OrderBy(n => n).FirstAsync(Ct);

        // Part of each name, typed in the other case.
        var users = await admin.Get<UserListService>().ListAsync(Flip(user[1..^1]), Ct);
        Assert.Contains(users, u => u.Email == DemoUsers.MonitoringOfficer);
        Assert.Contains(await admin.Get<UserListService>().ListAsync(DemoUsers.MonitoringOfficer.ToUpperInvariant(), Ct), u => u.Email == DemoUsers.MonitoringOfficer);

        var trail = await admin.Get<AuditService>().SearchAsync(new AuditQuery(Person: Flip(actor)), Ct);
        Assert.NotEmpty(trail.Rows);
        Assert.All(trail.Rows, r => Assert.Contains(actor, r.Actor, StringComparison.OrdinalIgnoreCase));

        var councillors = await admin.Get<CouncillorService>().ListAsync(new CouncillorQuery(Name: Flip(councillor)), Ct);
        Assert.Contains(councillors.Rows, r => r.Name == councillor);
    }

    /// <summary>The text with each letter's case turned over ("Quentin" to "qUENTIN").</summary>
    private static string Flip(string text) =>
        new([.. text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);
}
