using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Members;
using Portal.Features.Members.Register;
using Portal.Features.Search;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Members;

/// <summary>
/// Who may enter, change and publish an entry of a councillor's register, on the York demo: the
/// councillor (Cllr Jo Walker) their own, the Monitoring Officer (Quentin Baker, the demo's
/// sign-in) anyone's, an administrator anyone's but a sensitive one; another councillor, an
/// officer and a visitor none. A sensitive interest's particulars reach only the Monitoring
/// Officer and the councillor: not a visitor, an administrator or search.
/// </summary>
public sealed class InterestRightsTests : IAsyncLifetime
{
    private const string MonitoringOfficer = DemoUsers.MonitoringOfficer;
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private static InterestEdit Edit(string particulars, bool sensitive = false, int version = 0) =>
        new(InterestCategory.OtherRegistrable, InterestHolder.Councillor, particulars, null, null, null, sensitive, version);

    private async Task<int> WalkerAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.People.Where(p => p.Email == DemoUsers.Member).Select(p => p.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task TheCouncillorAndTheMonitoringOfficerMayEnterAnInterestAndOthersMayNot()
    {
        var walker = await WalkerAsync();
        foreach (var email in new[] { DemoUsers.Member, MonitoringOfficer, DemoUsers.Administrator })
        {
            await using var allowed = await _portal.SignedInAsAsync(email);
            Assert.True(await allowed.Get<InterestService>().RegisterAsync(walker, Edit($"Entered by {email}"), Ct) > 0);
        }

        foreach (var email in new[] { DemoUsers.SecondMember, DemoUsers.Officer, DemoUsers.Director })
        {
            await using var refused = await _portal.SignedInAsAsync(email);
            await Assert.ThrowsAsync<AccessDeniedException>(() => refused.Get<InterestService>().RegisterAsync(walker, Edit("Not theirs"), Ct));
        }

        await using var visitor = _portal.Anonymous();
        await Assert.ThrowsAsync<AccessDeniedException>(() => visitor.Get<InterestService>().RegisterAsync(walker, Edit("Anonymous"), Ct));
    }

    [Fact]
    public async Task OnlyTheMonitoringOfficerPublishesAndAnAdministratorNeverTouchesASensitiveInterest()
    {
        var walker = await WalkerAsync();
        await using var councillor = await _portal.SignedInAsAsync(DemoUsers.Member);
        var plain = await councillor.Get<InterestService>().RegisterAsync(walker, Edit("Member, York Civic Trust"), Ct);
        var sensitive = await councillor.Get<InterestService>().RegisterAsync(walker, Edit("Address of a refuge I own", sensitive: true), Ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => councillor.Get<InterestService>().PublishAsync(plain, 1, Ct));
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => admin.Get<InterestService>().PublishAsync(sensitive, 1, Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => admin.Get<InterestService>().AmendAsync(sensitive, Edit("Changed", sensitive: true, version: 1), Ct));
        await using var other = await _portal.SignedInAsAsync(DemoUsers.SecondMember);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => other.Get<InterestService>().PublishAsync(plain, 1, Ct));

        await using var officer = await _portal.SignedInAsAsync(MonitoringOfficer);
        await officer.Get<InterestService>().PublishAsync(plain, 1, Ct);
        await officer.Get<InterestService>().PublishAsync(sensitive, 1, Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<InterestService>().AmendAsync(plain, Edit("Vandalised", version: 2), Ct));

        await using var visitor = _portal.Anonymous();
        var seen = (await visitor.Get<InterestService>().GetAsync(walker, Ct))!;
        var adminSees = (await admin.Get<InterestService>().GetAsync(walker, Ct))!;
        var moSees = (await officer.Get<InterestService>().GetAsync(walker, Ct))!;
        Assert.Contains(seen.Entries, e => e.Particulars == "Member, York Civic Trust");
        foreach (var view in new[] { seen, adminSees })
        {
            var withheld = Assert.Single(view.Entries, e => e.Id == sensitive);
            Assert.True(withheld.Withheld);
            Assert.Null(withheld.Particulars);
            Assert.Empty(withheld.History);
        }

        Assert.Equal("Address of a refuge I own", moSees.Entries.Single(e => e.Id == sensitive).Particulars);
        Assert.Contains((await visitor.Get<SearchService>().SearchAsync("Civic Trust", Ct)).Results, r => r.Kind == SearchIndex.InterestKind);
        Assert.Empty((await admin.Get<SearchService>().SearchAsync("refuge", Ct)).Results);
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.After ?? string.Empty).ToListAsync(Ct), after => after.Contains("refuge", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACouncillorsAmendmentIsKeptAsAVersionAndWaitsForTheMonitoringOfficer()
    {
        var walker = await WalkerAsync();
        await using var officer = await _portal.SignedInAsAsync(MonitoringOfficer);
        var id = await officer.Get<InterestService>().RegisterAsync(walker, Edit("Governor, a primary school"), Ct);
        await officer.Get<InterestService>().PublishAsync(id, 1, Ct);
        await using var councillor = await _portal.SignedInAsAsync(DemoUsers.Member);
        await councillor.Get<InterestService>().AmendAsync(id, Edit("Chair of governors, a primary school", version: 2), Ct);

        var mine = (await councillor.Get<InterestService>().GetAsync(walker, Ct))!.Entries.Single(e => e.Id == id);
        Assert.Null(mine.PublishedOn);
        Assert.Equal([InterestChange.Amended, InterestChange.Published, InterestChange.Registered], mine.History.Select(v => v.Change));
        await using var visitor = _portal.Anonymous();
        Assert.DoesNotContain((await visitor.Get<InterestService>().GetAsync(walker, Ct))!.Entries, e => e.Id == id);
    }
}
