using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Reports.Decisions;
using Portal.Features.Reports.MeetingCallIn;
using Portal.Features.Reports.OfficerDecisions;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>
/// Call-in of decisions taken at York's executive meetings, through <see cref="MeetingCallInService"/> on the demo: the
/// decision of the last working day, in its period, and the July 2008 one, long past it; who may do what; and that an
/// exempt decision's call-in shows its state and never the reasons given.
/// </summary>
public sealed class MeetingCallInServiceTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private async Task<T> QueryAsync<T>(Func<Portal.Data.PortalDbContext, Task<T>> query)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await query(db);
    }

    private Task<int> PersonAsync(string name) => QueryAsync(db => db.People.Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync(Ct));

    /// <summary>The demo's decision of the last working day (report CS/CF/DEMO) and its report.</summary>
    private Task<(int Decision, int Report)> RunningAsync() => QueryAsync(async db =>
    {
        var report = await db.Reports.Where(r => r.Reference == "CS/CF/DEMO").Select(r => r.Id).SingleAsync(Ct);
        return (await db.Decisions.Where(d => d.ReportId == report).Select(d => d.Id).SingleAsync(Ct), report);
    });

    private static CallInView? CallInOf(ReportView? report) => Assert.Single(report!.Recommendations).Decision!.CallIn;

    [Fact]
    public async Task ACouncillorCallsInAnExecutiveMeetingsDecisionWithinThePeriodAndTheProperOfficerRecordsTheOutcome()
    {
        var today = DateOnly.FromDateTime(_portal.Clock.GetLocalNow().DateTime);
        var (id, report) = await RunningAsync();
        var walker = await PersonAsync("Cllr Jo Walker");
        var potter = await PersonAsync("Cllr Ruth Potter");
        await using var anonymous = _portal.Anonymous();
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);

        var shown = CallInOf(await anonymous.Get<ReportReadingService>().GetAsync(report, Ct))!;
        Assert.Equal((CallInState.Open, false), (shown.State, shown.Rights.CanRequestCallIn));
        Assert.True(shown.EndsOn >= today);
        Assert.True(CallInOf(await member.Get<ReportReadingService>().GetAsync(report, Ct))!.Rights.CanRequestCallIn);

        // Implementing inside the period is refused, whoever may implement it; only the proper officer records urgency, and only with the scrutiny chair's agreement.
        Assert.Equal("CallIn.PeriodRunning", (await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<MeetingCallInService>().MarkImplementedAsync(id, Ct))).Code);
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<MeetingCallInService>().MarkImplementedAsync(id, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<MeetingCallInService>().ExemptAsUrgentAsync(id, "Grant deadline.", "Cllr Ann Reid", today, Ct));
        Assert.Equal("CallIn.UrgencyAgreedByRequired", (await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<MeetingCallInService>().ExemptAsUrgentAsync(id, "Grant deadline.", null, today, Ct))).Code);

        // Not a councillor: neither an officer nor a visitor may call it in.
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<MeetingCallInService>().RequestAsync(id, [walker, potter], "Why?", Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<MeetingCallInService>().RequestAsync(id, [walker, potter], "Why?", Ct));
        Assert.Equal("CallIn.TooFewMembers", (await Assert.ThrowsAsync<DomainRuleException>(() => member.Get<MeetingCallInService>().RequestAsync(id, [walker], "Not consulted.", Ct))).Code);
        await member.Get<MeetingCallInService>().RequestAsync(id, [walker, potter], "The ward committees were not consulted.", Ct);

        var called = CallInOf(await anonymous.Get<ReportReadingService>().GetAsync(report, Ct))!;
        Assert.Equal(CallInState.CalledIn, called.State);
        var request = Assert.Single(called.Requests);
        Assert.Equal(["Cllr Jo Walker", "Cllr Ruth Potter"], request.Members);
        Assert.Equal("The ward committees were not consulted.", request.Reasons);
        Assert.Equal(CallInState.CalledIn, (await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.Id == id).CallIn);
        var audited = await QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(CallInRequest), Ct));
        Assert.True(audited > 0);

        await Assert.ThrowsAsync<AccessDeniedException>(() => member.Get<MeetingCallInService>().DecideAsync(id, request.Id, CallInOutcome.NoFurtherAction, today, null, Ct));
        await admin.Get<MeetingCallInService>().DecideAsync(id, request.Id, CallInOutcome.ReferredBack, today, "Consult the ward committees first.", Ct);
        Assert.Equal(CallInState.Referred, CallInOf(await anonymous.Get<ReportReadingService>().GetAsync(report, Ct))!.State);
        var stored = await QueryAsync(db => db.Decisions.Include(d => d.Requests).SingleAsync(d => d.Id == id, Ct));
        Assert.Equal((CallInOutcome.ReferredBack, today), (Assert.Single(stored.Requests).Outcome, stored.Requests[0].DecidedOn));
    }

    [Fact]
    public async Task AfterThePeriodACallInIsRefusedWithTheDayItEnded()
    {
        var walker = await PersonAsync("Cllr Jo Walker");
        var potter = await PersonAsync("Cllr Ruth Potter");
        var july = await QueryAsync(db => db.Decisions.Where(d => d.DecidedOn == new DateOnly(2008, 7, 14)).Select(d => d.Id).SingleAsync(Ct));
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);

        var late = await Assert.ThrowsAsync<DomainRuleException>(() => member.Get<MeetingCallInService>().RequestAsync(july, [walker, potter], "Late.", Ct));

        Assert.Equal("CallIn.PeriodEnded", late.Code);
        Assert.Equal(new DateOnly(2008, 7, 22), late.Arguments[0]);
        var row = (await member.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.Id == july);
        Assert.Equal((CallInState.Closed, new DateOnly(2008, 7, 29)), (row.CallIn, row.ImplementedOn));
    }

    [Fact]
    public async Task AnExemptDecisionsCallInShowsItsStateButNotTheReasonsToThoseWhoMayNotReadIt()
    {
        var (id, report) = await RunningAsync();
        var walker = await PersonAsync("Cllr Jo Walker");
        var potter = await PersonAsync("Cllr Ruth Potter");
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await member.Get<MeetingCallInService>().RequestAsync(id, [walker, potter], "Named tenant's circumstances were not considered.", Ct);
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            // As if the report had been taken in private under paragraph 1 (information about an individual).
            await db.Reports.Where(r => r.Id == report).ExecuteUpdateAsync(set => set.SetProperty(r => r.IsExempt, true).SetProperty(r => r.ExemptParagraph, 1), Ct);
        }

        await using var anonymous = _portal.Anonymous();
        var shown = CallInOf(await anonymous.Get<ReportReadingService>().GetAsync(report, Ct))!;
        Assert.Equal(CallInState.CalledIn, shown.State);
        var request = Assert.Single(shown.Requests);
        Assert.Null(request.Reasons);
        Assert.Null(request.Note);
        var row = (await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)).Rows.Single(r => r.Id == id);
        Assert.Equal(CallInState.CalledIn, row.CallIn);
        Assert.Null(row.Wording);

        // The Executive Member, who sits on the body, still reads it in full.
        Assert.Equal("Named tenant's circumstances were not considered.", Assert.Single(CallInOf(await member.Get<ReportReadingService>().GetAsync(report, Ct))!.Requests).Reasons);
    }
}
