using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Plans.Actions;
using Portal.Features.Plans.Plans;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Plans;

/// <summary>The annual revision on the Swedish demo, whose plan runs a year past this one.</summary>
public sealed class PlanRollForwardServiceTests : IAsyncLifetime
{
    private const string Director = "kommunchef@nybro.example";
    private const string Officer = "kommunikationsstrateg@nybro.example";
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync("sv");

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task RollingForwardCarriesUnfinishedWorkAndClosesTheYear()
    {
        await using var director = await _portal.SignedInAsAsync(Director);
        var plans = director.Get<PlanService>();
        var summary = Assert.Single(await plans.GetPlansAsync(Ct));
        var before = (await plans.GetPlanAsync(summary.Id, null, Ct))!;
        Assert.Equal("2026", before.Year.Label);
        Assert.True(before.CanRollForward);
        var unfinished = before.Priorities.SelectMany(p => p.Actions).Where(a => a.Status is not (ActionStatus.Completed or ActionStatus.Cancelled)).Select(a => a.Title).ToList();

        var rolled = await plans.RollForwardAsync(summary.Id, before.Version, Ct);

        Assert.Equal((2026, 2027), (rolled.ClosedYear, rolled.OpenedYear));
        var after = (await plans.GetPlanAsync(summary.Id, null, Ct))!;
        Assert.Equal("2027", after.Year.Label);
        Assert.Equal(unfinished.Order(), after.Priorities.SelectMany(p => p.Actions).Select(a => a.Title).Order());
        Assert.DoesNotContain(after.Priorities.SelectMany(p => p.Actions), a => a.Title == "Ny webbplats");
        Assert.False(after.CanRollForward);

        // The closed year reads as it was reported, and refuses changes.
        var closed = (await plans.GetPlanAsync(summary.Id, 2026, Ct))!;
        Assert.Contains(closed.Priorities.SelectMany(p => p.Actions), a => a.Title == "Ny webbplats");
        var oldAction = closed.Priorities.SelectMany(p => p.Actions).First(a => a.Status == ActionStatus.OnTrack);
        var details = (await director.Get<ActionService>().GetActionAsync(oldAction.Id, Ct))!;
        Assert.False(details.CanUpdateProgress);
        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            director.Get<ActionService>().RecordProgressAsync(oldAction.Id, new ProgressEdit(ActionStatus.Completed, 100, "Klart", details.Version), Ct));
        Assert.Equal("Plan.YearClosed", error.Code);

        // The same stale roll-forward again is refused rather than closing a second year.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => plans.RollForwardAsync(summary.Id, before.Version, Ct));
    }

    [Fact]
    public async Task AnOfficerCannotRollAPlanForward()
    {
        await using var officer = await _portal.SignedInAsAsync(Officer);
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var plan = await db.Plans.SingleAsync(Ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<PlanService>().RollForwardAsync(plan.Id, plan.Version, Ct));
    }
}
