using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Plans.Dashboard;
using Portal.Features.Plans.Indicators;
using Portal.Features.Plans.Plans;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Plans;

/// <summary>Starting plans and shaping them: priorities, indicators, and who may read what.</summary>
public sealed class PlanEditingServiceTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task ADirectorStartsAPlanForTheirOwnDirectorateOnly()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var plans = director.Get<PlanService>();
        var mine = Assert.Single(await plans.GetPlannableDirectoratesAsync(Ct));
        Assert.Equal("Chief Executive's Directorate", mine.Name);
        var resources = await UnitIdAsync("Resources");

        await Assert.ThrowsAsync<AccessDeniedException>(() => plans.CreatePlanAsync(new NewPlan(resources, "Resources Plan", null, 2027, 2029), Ct));
        var badYears = await Assert.ThrowsAsync<DomainRuleException>(() => plans.CreatePlanAsync(new NewPlan(mine.Id, "Next plan", null, 2029, 2027), Ct));
        var noYear = await Assert.ThrowsAsync<DomainRuleException>(() => plans.CreatePlanAsync(new NewPlan(mine.Id, "Next plan", null, null, 2027), Ct));
        var id = await plans.CreatePlanAsync(new NewPlan(mine.Id, "Chief Executive's Directorate Plan 2027-2030", null, 2027, 2029), Ct);

        Assert.Equal(("Plan.LastYearBeforeFirst", nameof(DirectoratePlan.LastYear)), (badYears.Code, badYears.Field));
        Assert.Equal(("Plan.FirstYearRequired", nameof(DirectoratePlan.FirstYear)), (noYear.Code, noYear.Field));
        var plan = (await plans.GetPlanAsync(id, null, Ct))!;
        Assert.Equal(("2027/28", 0), (plan.Year.Label, plan.Priorities.Count));
        Assert.Equal(2, (await plans.GetPlansAsync(Ct)).Count);
    }

    [Fact]
    public async Task PrioritiesAreAddedRewordedAndReorderedAndAStaleRewordIsRefused()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var planId = await PlanIdAsync();
        var plans = director.Get<PlanService>();

        await plans.AddPriorityAsync(planId, "Tackle climate change", "Net zero by 2030.", Ct);
        var plan = (await plans.GetPlanAsync(planId, null, Ct))!;
        var added = plan.Priorities[^1];
        Assert.Equal((5, "Tackle climate change"), (added.Number, added.Title));

        await plans.MovePriorityAsync(planId, added.Id, -1, Ct);
        plan = (await plans.GetPlanAsync(planId, null, Ct))!;
        Assert.Equal("Tackle climate change", plan.Priorities[3].Title);
        Assert.Equal([1, 2, 3, 4, 5], plan.Priorities.Select(p => p.Number));

        var opened = plan.Priorities[3];
        await admin.Get<PlanService>().RevisePriorityAsync(planId, opened.Id, "Tackle the climate emergency", null, opened.Version, Ct);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => plans.RevisePriorityAsync(planId, opened.Id, "Net zero", null, opened.Version, Ct));
        Assert.Contains(conflict.Changes, c => c.ActorName == "Sam Patel" && c.After == "Tackle the climate emergency");

        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<PlanService>().AddPriorityAsync(planId, "Officer's idea", null, Ct));
        var blank = await Assert.ThrowsAsync<DomainRuleException>(() => plans.AddPriorityAsync(planId, "  ", null, Ct));
        Assert.Equal("Priority.TitleRequired", blank.Code);
    }

    [Fact]
    public async Task AnIndicatorIsAddedWithItsNumbersReadInTheReadersLanguage()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await PlanIdAsync();
        var plan = (await director.Get<PlanService>().GetPlanAsync(planId, null, Ct))!;
        var choices = await director.Get<PlanService>().GetChoicesAsync(planId, Ct);
        var indicators = director.Get<IndicatorService>();
        NewIndicator Indicator(string code, string? baseline) =>
            new(plan.Priorities[0].Id, code, "Residents satisfied with the council", null, MeasureUnit.Percent, Polarity.HigherIsBetter, Frequency.Annual, baseline, "3", choices.People[0].Id);

        var notANumber = await Assert.ThrowsAsync<DomainRuleException>(() => indicators.CreateIndicatorAsync(planId, Indicator("CEX08", "about half"), Ct));
        var taken = await Assert.ThrowsAsync<DomainRuleException>(() => indicators.CreateIndicatorAsync(planId, Indicator("CEX01", "50"), Ct));
        var id = await indicators.CreateIndicatorAsync(planId, Indicator("CEX08", "48.5"), Ct);

        Assert.Equal(("Indicator.NotANumber", nameof(PerformanceIndicator.Baseline)), (notANumber.Code, notANumber.Field));
        Assert.Equal("Indicator.CodeTaken", taken.Code);
        var created = (await indicators.GetIndicatorAsync(id, Ct))!;
        Assert.Equal((48.5m, 3m, Frequency.Annual), (created.Baseline!.Value, created.Tolerance, created.Frequency));
        Assert.Equal(3, created.Periods.Count);
    }

    [Fact]
    public async Task AnOfficerInAnotherDirectorateCannotReadThePlan()
    {
        var email = "officer.finance@york.example";
        await _portal.AddPersonWithSignInAsync(email, "Fay Nance", Roles.Officer, "Finance");

        await using var officer = await _portal.SignedInAsAsync(email);
        var planId = await PlanIdAsync();

        Assert.Empty(await officer.Get<PlanService>().GetPlansAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<PlanService>().GetPlanAsync(planId, null, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<DashboardService>().GetDashboardAsync(planId, new(), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<PlanExportService>().ExportIndicatorValuesAsync(planId, null, Ct));
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Plans.Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.OrganisationUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(Ct);
    }
}
