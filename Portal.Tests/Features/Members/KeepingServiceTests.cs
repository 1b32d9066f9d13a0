using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Members;
using Portal.Features.Members.Keeping;
using Portal.Features.Members.Register;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Members;

/// <summary>
/// The Monitoring Officer's keeping of the record, on the York demo's real database: parties,
/// wards and terms of office changed only by the Monitoring Officer (Quentin Baker, the demo's
/// sign-in) or an administrator, a stale edit refused with what the other person changed, every
/// change in the audit trail; and the queue of register entries waiting to be published across
/// all councillors, published from the list.
/// </summary>
public sealed class KeepingServiceTests : IAsyncLifetime
{
    private static readonly string[] Refused = [DemoUsers.Member, DemoUsers.Officer, DemoUsers.Director, DemoUsers.Secretary];
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private async Task<int> PersonAsync(string email)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task OnlyTheMonitoringOfficerAndAnAdministratorKeepPartiesAndWardsAndEachChangeIsAudited()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.MonitoringOfficer);
        var party = await officer.Get<PartyWardService>().AddPartyAsync(new PartyEdit("York Independents", "YI", IsGroup: true), Ct);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var ward = await admin.Get<PartyWardService>().AddWardAsync("Osbaldwick and Derwent", Ct);
        Assert.True(await officer.Get<PartyWardService>().MayKeepAsync(Ct));

        var list = await admin.Get<PartyWardService>().ListAsync(Ct);
        Assert.Contains(list.Parties, p => p.Id == party && p.ShortName == "YI" && p.Councillors == 0);
        Assert.Contains(list.Wards, w => w.Id == ward && w.Name == "Osbaldwick and Derwent");

        foreach (var email in Refused)
        {
            await using var other = await _portal.SignedInAsAsync(email);
            Assert.False(await other.Get<PartyWardService>().MayKeepAsync(Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<PartyWardService>().ListAsync(Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<PartyWardService>().AddPartyAsync(new PartyEdit("Not theirs", "NT", true), Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<PartyWardService>().RenameWardAsync(ward, "Renamed", 1, Ct));
        }

        await using var visitor = _portal.Anonymous();
        await Assert.ThrowsAsync<AccessDeniedException>(() => visitor.Get<PartyWardService>().AddWardAsync("Anonymous", Ct));

        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        Assert.Equal(["York Independents"], await db.Parties.Where(p => p.Name == "York Independents" || p.Name == "Not theirs").Select(p => p.Name).ToListAsync(Ct));
        var key = party.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Party) && a.EntityId == key && a.ActorName == "Quentin Baker", Ct));
    }

    [Fact]
    public async Task AStaleEditOfAPartyIsRefusedAndANameInUseIsRefusedBesideTheName()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.MonitoringOfficer);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var loaded = (await officer.Get<PartyWardService>().ListAsync(Ct)).Parties.First(p => p.Councillors > 0);
        await admin.Get<PartyWardService>().ChangePartyAsync(loaded.Id, new PartyEdit(loaded.Name + " Group", loaded.ShortName, loaded.IsGroup, loaded.Version), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            officer.Get<PartyWardService>().ChangePartyAsync(loaded.Id, new PartyEdit(loaded.Name, "X", loaded.IsGroup, loaded.Version), Ct));
        Assert.Contains(conflict.Changes, c => c.Property == nameof(Party.Name));
        var now = (await officer.Get<PartyWardService>().ListAsync(Ct)).Parties.Single(p => p.Id == loaded.Id);
        Assert.Equal((loaded.Name + " Group", loaded.ShortName), (now.Name, now.ShortName));

        var other = (await officer.Get<PartyWardService>().ListAsync(Ct)).Parties.First(p => p.Id != loaded.Id);
        var taken = await Assert.ThrowsAsync<DomainRuleException>(() =>
            officer.Get<PartyWardService>().ChangePartyAsync(other.Id, new PartyEdit(now.Name, other.ShortName, other.IsGroup, other.Version), Ct));
        Assert.Equal(("Party.NameTaken", nameof(Party.Name)), (taken.Code, taken.Field));
        var blank = await Assert.ThrowsAsync<DomainRuleException>(() => officer.Get<PartyWardService>().AddWardAsync("  ", Ct));
        Assert.Equal("Ward.NameRequired", blank.Code);
    }

    [Fact]
    public async Task TermsOfOfficeAreEndedAddedAndRefusedWhenTheyOverlapOrAreStaleAndTheCouncillorCannotChangeTheirOwn()
    {
        var walker = await PersonAsync(DemoUsers.Member);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.MonitoringOfficer);
        var records = officer.Get<CouncillorRecordService>();
        var record = (await records.GetAsync(walker, Ct))!;
        var term = record.Terms.Single(t => t.To is null);

        var end = term.From.AddYears(4);
        await records.ChangeTermAsync(walker, term.Id, term.Version, term.From, end, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => records.ChangeTermAsync(walker, term.Id, term.Version, term.From, null, Ct));
        var overlap = await Assert.ThrowsAsync<DomainRuleException>(() => records.AddTermAsync(walker, end, null, Ct));
        Assert.Equal("Councillor.TermsOverlap", overlap.Code);
        var backwards = await Assert.ThrowsAsync<DomainRuleException>(() => records.AddTermAsync(walker, end.AddDays(10), end.AddDays(5), Ct));
        Assert.Equal("Councillor.TermEndsBeforeStart", backwards.Code);
        await records.AddTermAsync(walker, end.AddDays(1), null, Ct);

        var newWard = (await records.GetAsync(walker, Ct))!.Wards.First(w => w.Id != record.WardId);
        await records.RepresentAsync(walker, new RepresentEdit(newWard.Id, record.PartyId, CouncilSeat.Member, record.Version), Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            records.RepresentAsync(walker, new RepresentEdit(record.WardId, record.PartyId, CouncilSeat.Member, record.Version), Ct));

        await using var councillor = await _portal.SignedInAsAsync(DemoUsers.Member);
        await Assert.ThrowsAsync<AccessDeniedException>(() => councillor.Get<CouncillorRecordService>().AddTermAsync(walker, new DateOnly(2030, 5, 1), null, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => councillor.Get<CouncillorRecordService>().GetAsync(walker, Ct));

        var after = (await records.GetAsync(walker, Ct))!;
        Assert.Equal(newWard.Id, after.WardId);
        Assert.Equal([(end.AddDays(1), (DateOnly?)null), (term.From, end)], after.Terms.Select(t => (t.From, t.To)));
        var added = after.Terms.First();
        await records.RemoveTermAsync(walker, added.Id, added.Version, Ct);
        Assert.Single((await records.GetAsync(walker, Ct))!.Terms);
    }

    [Fact]
    public async Task TheMonitoringOfficerSeesEveryCouncillorsWaitingEntriesAndPublishesFromTheList()
    {
        var walker = await PersonAsync(DemoUsers.Member);
        await using var councillor = await _portal.SignedInAsAsync(DemoUsers.Member);
        var plain = await councillor.Get<InterestService>().RegisterAsync(
            walker, new InterestEdit(InterestCategory.OtherRegistrable, InterestHolder.Councillor, "Trustee, York Explore", null, null, null, false), Ct);
        var sensitive = await councillor.Get<InterestService>().RegisterAsync(
            walker, new InterestEdit(InterestCategory.Land, InterestHolder.Councillor, "A flat near the refuge", null, null, null, true), Ct);

        await using var officer = await _portal.SignedInAsAsync(DemoUsers.MonitoringOfficer);
        var waiting = await officer.Get<InterestService>().PendingAsync(Ct);
        Assert.Contains(waiting, e => e.Id == plain && e.Councillor == "Cllr Jo Walker" && e.LastChange == InterestChange.Registered);
        Assert.Contains(waiting, e => e.Id == sensitive && e.Particulars == "A flat near the refuge");
        Assert.Contains(waiting, e => e.Councillor == "Cllr Ruth Potter");

        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var adminSees = await admin.Get<InterestService>().PendingAsync(Ct);
        Assert.Contains(adminSees, e => e.Id == plain);
        Assert.DoesNotContain(adminSees, e => e.IsSensitive);
        foreach (var email in Refused)
        {
            await using var other = await _portal.SignedInAsAsync(email);
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<InterestService>().PendingAsync(Ct));
        }

        var row = waiting.Single(e => e.Id == plain);
        await officer.Get<InterestService>().PublishAsync(row.Id, row.Version, Ct);
        Assert.DoesNotContain(await officer.Get<InterestService>().PendingAsync(Ct), e => e.Id == plain);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => officer.Get<InterestService>().PublishAsync(row.Id, row.Version, Ct));
        await using var visitor = _portal.Anonymous();
        Assert.Contains((await visitor.Get<InterestService>().GetAsync(walker, Ct))!.Entries, e => e.Id == plain && e.PublishedOn is not null);
    }
}
