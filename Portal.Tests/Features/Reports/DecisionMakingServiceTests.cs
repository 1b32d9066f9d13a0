using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings.Votes;
using Portal.Features.Reports.OfficerDecisions;
using Portal.Features.Search;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>
/// Votes, officer and executive member decisions and call-in through their services on the York demo:
/// who may record what, and the refusals a form shows beside its fields, each read back from the database.
/// </summary>
public sealed class DecisionMakingServiceTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private Task<T> QueryAsync<T>(Func<Portal.Data.PortalDbContext, Task<T>> query) => QueryCoreAsync(query);

    private async Task<T> QueryCoreAsync<T>(Func<Portal.Data.PortalDbContext, Task<T>> query)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await query(db);
    }

    private Task<int> PersonAsync(string name) => QueryAsync(db => db.People.Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync(Ct));

    [Fact]
    public async Task TheSecretaryRecordsAVoteThatAddsUpAndIsRefusedOneThatDoesNot()
    {
        var (meeting, item) = await QueryAsync(async db =>
        {
            var m = await db.Meetings.Include(x => x.Items).SingleAsync(x => x.Date == new DateOnly(2009, 8, 25), Ct);
            return (m.Id, m.Items.OrderBy(i => i.Number).First().Id);
        });
        var potter = await PersonAsync("Cllr Ruth Potter");
        var walker = await PersonAsync("Cllr Jo Walker");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        var votes = secretary.Get<VoteService>();

        // More votes than the members recorded present do not add up.
        var present = await QueryAsync(db => db.Meetings.Where(m => m.Id == meeting).SelectMany(m => m.Attendance).CountAsync(a => a.Kind == AttendanceKind.Present || a.Kind == AttendanceKind.Substitute, Ct));
        var tooMany = await Assert.ThrowsAsync<DomainRuleException>(() => votes.RecordAsync(meeting, new VoteEdit(0, item, "That the Panel endorse the job descriptions", false, present, 1, null, null, potter, null), Ct));
        Assert.Equal(("Vote.MoreThanPresent", "Tally"), (tooMany.Code, tooMany.Field));

        // Cllr Walker sent apologies: a vote in his name is refused beside his name.
        var absent = await Assert.ThrowsAsync<DomainRuleException>(() => votes.RecordAsync(
            meeting, new VoteEdit(0, item, "That the Panel endorse the job descriptions", true, null, null, null, [new BallotCast(potter, VoteChoice.For), new BallotCast(walker, VoteChoice.Against)], potter, null), Ct));
        Assert.Equal(Ballot.FieldFor(walker), absent.Field);

        // A member who does not keep the Panel's record may not record its votes.
        await Assert.ThrowsAsync<AccessDeniedException>(() => member.Get<VoteService>().RecordAsync(meeting, new VoteEdit(0, item, "Motion", false, 1, 0, 0, null, potter, null), Ct));

        await votes.RecordAsync(meeting, new VoteEdit(0, item, "That the Panel endorse the job descriptions", true, null, null, null, [new BallotCast(potter, VoteChoice.For)], potter, null), Ct);
        await using var anonymous = _portal.Anonymous();
        var shown = Assert.Single(await anonymous.Get<VoteService>().VotesAsync(meeting, Ct));
        Assert.Equal((VoteResult.Carried, 1, 0), (shown.Result, shown.For, shown.Against));
        Assert.Equal("Cllr Ruth Potter", Assert.Single(shown.Ballots).Name);
    }

    private static OfficerDecisionText Text(DecisionMakerKind kind, int maker, DateOnly on, bool callIn = false, int? exempt = null) => new(
        "Library opening hours over the holidays", kind, maker, "Scheme of Delegation to Officers, paragraph 2.1", on,
        "To open the central library on the days between Christmas and New Year.", "Demand in earlier years.", null, null, null, null, exempt, false, callIn);

    [Fact]
    public async Task AnOfficerRecordsTheirOwnDecisionsAndTheProperOfficerAnyones()
    {
        var today = DateOnly.FromDateTime(_portal.Clock.GetLocalNow().DateTime);
        var barbara = await PersonAsync("Barbara Boyce");
        var heather = await PersonAsync("Heather Rice");
        var walker = await PersonAsync("Cllr Jo Walker");
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);

        var own = await officer.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.Officer, barbara, today), Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.Officer, heather, today), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => member.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.Officer, walker, today), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.ExecutiveMember, walker, today), Ct));
        var notCouncillor = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.ExecutiveMember, heather, today), Ct));
        Assert.Equal(nameof(OfficerDecision.MakerId), notCouncillor.Field);
        var executive = await member.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.ExecutiveMember, walker, today, callIn: true), Ct);
        var exempt = await admin.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.Officer, heather, today, exempt: 1), Ct);

        await using var anonymous = _portal.Anonymous();
        var register = await anonymous.Get<OfficerDecisionService>().RegisterAsync(DecisionKindFilter.All, null, Ct);
        Assert.Contains(register, r => r.Id == own && r.Decision is not null);
        Assert.Equal(CallInState.Open, register.Single(r => r.Id == executive).CallIn);
        Assert.Null(register.Single(r => r.Id == exempt).Decision);
        Assert.DoesNotContain(await anonymous.Get<OfficerDecisionService>().RegisterAsync(DecisionKindFilter.Officer, null, Ct), r => r.Id == executive);
        Assert.True((await anonymous.Get<OfficerDecisionService>().GetAsync(exempt, Ct)).Withheld);
        Assert.False((await director.Get<OfficerDecisionService>().GetAsync(exempt, Ct)).Withheld);

        // Search finds a public decision's words, and an exempt one's by its title only.
        var found = await anonymous.Get<SearchService>().SearchAsync("Christmas library", Ct);
        Assert.Contains(found.Results, r => r.Url == $"/decisions/officer/{own}");
        Assert.DoesNotContain(found.Results, r => r.Url == $"/decisions/officer/{exempt}");
    }

    [Fact]
    public async Task ACallInNeedsEnoughCouncillorsWithinThePeriodAndHoldsImplementationBack()
    {
        var today = DateOnly.FromDateTime(_portal.Clock.GetLocalNow().DateTime);
        var heather = await PersonAsync("Heather Rice");
        var walker = await PersonAsync("Cllr Jo Walker");
        var potter = await PersonAsync("Cllr Ruth Potter");
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var id = await director.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.Officer, heather, today, callIn: true), Ct);

        var running = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<CallInService>().MarkImplementedAsync(id, Ct));
        Assert.Equal("CallIn.PeriodRunning", running.Code);
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<CallInService>().RequestAsync(id, [walker, potter], "Why?", Ct));
        Assert.Equal("CallIn.TooFewMembers", (await Assert.ThrowsAsync<DomainRuleException>(() => member.Get<CallInService>().RequestAsync(id, [walker], "Not consulted.", Ct))).Code);
        await member.Get<CallInService>().RequestAsync(id, [walker, potter], "Not consulted.", Ct);
        Assert.Equal(CallInState.CalledIn, (await member.Get<OfficerDecisionService>().GetAsync(id, Ct)).CallIn);
        await Assert.ThrowsAsync<AccessDeniedException>(() => member.Get<CallInService>().DecideAsync(id, 1, CallInOutcome.NoFurtherAction, today, null, Ct));
        var request = (await admin.Get<OfficerDecisionService>().GetAsync(id, Ct)).Requests.Single();
        await admin.Get<CallInService>().DecideAsync(id, request.Id, CallInOutcome.ReferredBack, today, "Consult the ward members.", Ct);
        Assert.Equal(CallInState.Referred, (await member.Get<OfficerDecisionService>().GetAsync(id, Ct)).CallIn);

        // The demo's called-in decision was published three weeks ago: its period is over, so a request now is refused.
        var old = await QueryAsync(db => db.OfficerDecisions.Where(d => d.Requests.Any()).Select(d => d.Id).FirstAsync(Ct));
        Assert.Equal("CallIn.PeriodEnded", (await Assert.ThrowsAsync<DomainRuleException>(() => member.Get<CallInService>().RequestAsync(old, [walker, potter], "Late.", Ct))).Code);

        // Urgency is the proper officer's to record, and needs the scrutiny chair's agreement.
        var urgent = await director.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.Officer, heather, today, callIn: true), Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<CallInService>().ExemptAsUrgentAsync(urgent, "Grant deadline.", "Cllr Ann Reid", today, Ct));
        Assert.Equal("CallIn.UrgencyAgreedByRequired", (await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<CallInService>().ExemptAsUrgentAsync(urgent, "Grant deadline.", null, today, Ct))).Code);
        await admin.Get<CallInService>().ExemptAsUrgentAsync(urgent, "Grant deadline.", "Cllr Ann Reid", today, Ct);
        await director.Get<CallInService>().MarkImplementedAsync(urgent, Ct);
        Assert.Equal(today, await QueryAsync(db => db.OfficerDecisions.Where(d => d.Id == urgent).Select(d => d.ImplementedOn).SingleAsync(Ct)));
    }

    [Fact]
    public async Task AnExemptOfficerDecisionsCallInShowsItsStateButNotItsReasonsToThoseWhoMayNotReadIt()
    {
        var today = DateOnly.FromDateTime(_portal.Clock.GetLocalNow().DateTime);
        var heather = await PersonAsync("Heather Rice");
        var walker = await PersonAsync("Cllr Jo Walker");
        var potter = await PersonAsync("Cllr Ruth Potter");
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var called = await director.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.Officer, heather, today, callIn: true, exempt: 1), Ct);
        await member.Get<CallInService>().RequestAsync(called, [walker, potter], "Named tenant's circumstances were not considered.", Ct);
        var request = Assert.Single((await admin.Get<OfficerDecisionService>().GetAsync(called, Ct)).Requests);
        await admin.Get<CallInService>().DecideAsync(called, request.Id, CallInOutcome.ReferredBack, today, "Hear the tenant's representative.", Ct);
        var urgent = await director.Get<OfficerDecisionService>().RecordAsync(Text(DecisionMakerKind.Officer, heather, today, callIn: true, exempt: 1), Ct);
        await admin.Get<CallInService>().ExemptAsUrgentAsync(urgent, "The tenant's eviction date.", "Cllr Ann Reid", today, Ct);

        // The public, and a councillor who neither made nor recorded it, see the state and the dates, not the texts.
        await using var anonymous = _portal.Anonymous();
        foreach (var reader in new[] { anonymous.Get<OfficerDecisionService>(), member.Get<OfficerDecisionService>() })
        {
            var shown = await reader.GetAsync(called, Ct);
            Assert.True(shown.Withheld);
            Assert.Equal(CallInState.Referred, shown.CallIn);
            var seen = Assert.Single(shown.Requests);
            Assert.Equal((null, null), (seen.Reasons, seen.Note));
            var exempted = await reader.GetAsync(urgent, Ct);
            Assert.Equal(CallInState.Urgent, exempted.CallIn);
            Assert.Null(exempted.UrgencyReason);
        }

        // The proper officer reads them in full.
        var full = await admin.Get<OfficerDecisionService>().GetAsync(called, Ct);
        Assert.Equal(("Named tenant's circumstances were not considered.", "Hear the tenant's representative."), (full.Requests.Single().Reasons, full.Requests.Single().Note));
        Assert.Equal("The tenant's eviction date.", (await admin.Get<OfficerDecisionService>().GetAsync(urgent, Ct)).UrgencyReason);
    }
}
