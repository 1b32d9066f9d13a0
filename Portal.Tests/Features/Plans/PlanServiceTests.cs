using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Plans;
using Portal.Features.Plans.Actions;
using Portal.Features.Plans.Dashboard;
using Portal.Features.Plans.Indicators;
using Portal.Features.Plans.Plans;
using Portal.Features.Plans.Risks;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Plans;

/// <summary>Directorate plans on a real SQLite file with the real migrations and the seeded demo plan.</summary>
public sealed class PlanServiceTests : IAsyncLifetime
{
    private const string OverdueAction = "Publish the refreshed corporate strategy";
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task ShowsTheSeededPlanWithEveryRagStateInItsOpenYear()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var plans = await director.Get<PlanService>().GetPlansAsync(Ct);
        var summary = Assert.Single(plans);

        var plan = await director.Get<PlanService>().GetPlanAsync(summary.Id, null, Ct);

        Assert.NotNull(plan);
        Assert.Equal("2026/27", plan.Year.Label);
        Assert.Equal(["2024/25", "2025/26", "2026/27"], plan.Years.Select(y => y.Label));
        var ratings = plan.Priorities.SelectMany(p => p.Actions).Select(a => a.Rag).ToHashSet();
        Assert.Superset(new HashSet<Rag> { Rag.Red, Rag.Amber, Rag.Green, Rag.Completed, Rag.NotRated }, ratings);
        var indicatorRatings = plan.Priorities.SelectMany(p => p.Indicators).Select(i => i.Rag).ToHashSet();
        Assert.Superset(new HashSet<Rag> { Rag.Red, Rag.Amber, Rag.Green }, indicatorRatings);
        Assert.True(plan.CanEdit);
        Assert.Contains(plan.Risks, r => r.ExceedsAppetite);
    }

    [Fact]
    public async Task KeepsAClosedYearBrowsableAsItWasReported()
    {
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        var planId = await PlanIdAsync();

        var lastYear = await member.Get<PlanService>().GetPlanAsync(planId, 2025, Ct);

        Assert.NotNull(lastYear);
        Assert.False(lastYear.Year.IsOpen);
        Assert.False(lastYear.CanEdit);
        Assert.Contains(lastYear.Priorities.SelectMany(p => p.Actions), a => a.Title == "Introduce quarterly performance clinics" && a.Status == ActionStatus.Completed);
        Assert.DoesNotContain(lastYear.Priorities.SelectMany(p => p.Actions), a => a.Title == OverdueAction);
    }

    [Fact]
    public async Task RefusesAnonymousVisitorsEverything()
    {
        await using var anonymous = _portal.Anonymous();
        var planId = await PlanIdAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<PlanService>().GetPlansAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<DashboardService>().GetDashboardAsync(planId, new(), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<PlanExportService>().ExportActionsAsync(planId, null, Ct));
    }

    [Fact]
    public async Task LetsADirectorChangeAStatusAndRecordsWhoChangedWhat()
    {
        var id = await ActionIdAsync(OverdueAction);
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var actions = director.Get<ActionService>();
        var before = await actions.GetActionAsync(id, Ct);
        var published = new List<PlanChanged>();
        using var subscription = director.Get<ChangeFeed>().Subscribe<PlanChanged>(published.Add);

        await actions.RecordProgressAsync(id, new ProgressEdit(ActionStatus.AtRisk, 85, "Leader asked for one more workshop.", before!.Version), Ct);

        var after = await actions.GetActionAsync(id, Ct);
        Assert.Equal(ActionStatus.AtRisk, after!.Status);
        Assert.Equal(Rag.Red, after.Rag);
        Assert.Equal("Leader asked for one more workshop.", after.Updates[0].Commentary);
        Assert.Equal("Heather Rice", after.Updates[0].Author);
        Assert.Contains(after.History, h => h.ActorName == "Heather Rice" && h.Property == nameof(KeyAction.Status) && h.Before == "OnTrack" && h.After == "AtRisk");
        Assert.Equal(new PlanChanged(after.Plan.Id, PlanItemKind.Action, id), Assert.Single(published));
    }

    [Fact]
    public async Task RefusesAStaleEditAndSaysWhatTheOtherPersonChanged()
    {
        var id = await ActionIdAsync(OverdueAction);
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var opened = (await director.Get<ActionService>().GetActionAsync(id, Ct))!;
        await admin.Get<ActionService>().RecordProgressAsync(id, new ProgressEdit(ActionStatus.OffTrack, 85, "Slipped.", opened.Version), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            director.Get<ActionService>().RecordProgressAsync(id, new ProgressEdit(ActionStatus.Completed, 100, "Done.", opened.Version), Ct));

        Assert.Contains(conflict.Changes, c => c.ActorName == "Sam Patel" && c.Property == nameof(KeyAction.Status) && c.After == "OffTrack");
        var now = (await admin.Get<ActionService>().GetActionAsync(id, Ct))!;
        Assert.Equal(ActionStatus.OffTrack, now.Status);
        Assert.DoesNotContain(now.Updates, u => u.Commentary == "Done.");
    }

    [Fact]
    public async Task LetsAnOwnerUpdateTheirOwnActionButNotSomeoneElsesNorItsDetails()
    {
        var own = await ActionIdAsync("Agree service plans for every service");
        var other = await ActionIdAsync(OverdueAction);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var actions = officer.Get<ActionService>();
        var mine = (await actions.GetActionAsync(own, Ct))!;
        Assert.True(mine.CanUpdateProgress);
        Assert.False(mine.CanEditDetails);

        await actions.RecordProgressAsync(own, new ProgressEdit(ActionStatus.OnTrack, 70, "Fourteen of nineteen agreed.", mine.Version), Ct);

        var theirs = (await actions.GetActionAsync(other, Ct))!;
        Assert.False(theirs.CanUpdateProgress);
        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.RecordProgressAsync(other, new ProgressEdit(ActionStatus.Completed, 100, null, theirs.Version), Ct));
        mine = (await actions.GetActionAsync(own, Ct))!;
        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.UpdateDetailsAsync(own, new ActionDetailsEdit(
            mine.Priority.Id, "Renamed", null, mine.Owner.Id, mine.LeadUnit.Id, mine.StartDate, mine.DueDate.AddYears(1), mine.Version), Ct));
        Assert.Equal(70, mine.PercentComplete);
    }

    [Fact]
    public async Task RefusesBadInputWithTheFieldNamedAndSavesNothing()
    {
        var id = await ActionIdAsync("Agree service plans for every service");
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var actions = director.Get<ActionService>();
        var action = (await actions.GetActionAsync(id, Ct))!;

        var percent = await Assert.ThrowsAsync<DomainRuleException>(() => actions.RecordProgressAsync(id, new ProgressEdit(ActionStatus.OnTrack, 101, "x", action.Version), Ct));
        var dates = await Assert.ThrowsAsync<DomainRuleException>(() => actions.UpdateDetailsAsync(id, new ActionDetailsEdit(
            action.Priority.Id, action.Title, null, action.Owner.Id, action.LeadUnit.Id, action.DueDate.AddDays(1), action.DueDate, action.Version), Ct));
        var milestone = await Assert.ThrowsAsync<DomainRuleException>(() => actions.AddMilestoneAsync(id, "Late", action.DueDate.AddDays(1), action.Version, Ct));

        Assert.Equal((nameof(KeyAction.PercentComplete), "Action.PercentOutOfRange"), (percent.Field, percent.Code));
        Assert.Equal((nameof(KeyAction.DueDate), "Action.DueBeforeStart"), (dates.Field, dates.Code));
        Assert.Equal("Milestone.AfterActionDue", milestone.Code);
        var unchanged = (await actions.GetActionAsync(id, Ct))!;
        Assert.Equal((action.Version, action.PercentComplete, action.StartDate, action.Milestones.Count), (unchanged.Version, unchanged.PercentComplete, unchanged.StartDate, unchanged.Milestones.Count));
    }

    [Fact]
    public async Task NeedsSomeoneOtherThanTheEntererToApproveAFigure()
    {
        var id = await IndicatorIdAsync("CEX07");
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var q3 = new ReportingPeriod(2026, 3);
        var opened = (await officer.Get<IndicatorService>().GetIndicatorAsync(id, Ct))!.Periods.Single(p => p.Year == q3.Year && p.Number == q3.Number);
        Assert.True(opened.Target is not null && opened.Actual is null);

        var version = await officer.Get<IndicatorService>().SavePeriodAsync(id, new PeriodEdit(q3.Year, q3.Number, opened.Target.Value.ToString(System.Globalization.CultureInfo.CurrentCulture), "30.1", "Pay award landed.", opened.Version), Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<IndicatorService>().ApproveAsync(id, q3.Year, q3.Number, version, Ct));
        await director.Get<IndicatorService>().ApproveAsync(id, q3.Year, q3.Number, version, Ct);

        var row = (await director.Get<IndicatorService>().GetIndicatorAsync(id, Ct))!.Periods.Single(p => p.Year == 2026 && p.Number == 3);
        Assert.Equal((30.1m, DataState.Approved, "Barbara Boyce", "Heather Rice"), (row.Actual!.Value, row.State, row.EnteredBy, row.ApprovedBy));
        Assert.Equal(Rag.Amber, row.Rag);

        var own = await IndicatorIdAsync("CEX01");
        var mine = (await director.Get<IndicatorService>().GetIndicatorAsync(own, Ct))!.Periods.Single(p => p.Year == 2026 && p.Number == 3);
        var v = await director.Get<IndicatorService>().SavePeriodAsync(own, new PeriodEdit(2026, 3, mine.Target?.ToString(System.Globalization.CultureInfo.CurrentCulture), "80", null, mine.Version), Ct);
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<IndicatorService>().ApproveAsync(own, 2026, 3, v, Ct));
        Assert.Equal("Indicator.ApproverIsEnterer", error.Code);
    }

    [Fact]
    public async Task RefusesATargetThatIsNotANumberAndKeepsTheActualUnsaved()
    {
        var id = await IndicatorIdAsync("CEX03");
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var service = director.Get<IndicatorService>();
        var before = (await service.GetIndicatorAsync(id, Ct))!.Periods.Single(p => p.Year == 2026 && p.Number == 3);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => service.SavePeriodAsync(id, new PeriodEdit(2026, 3, "ninety", "91", null, before.Version), Ct));

        Assert.Equal(("Indicator.NotANumber", nameof(IndicatorValue.Target)), (error.Code, error.Field));
        var after = (await service.GetIndicatorAsync(id, Ct))!.Periods.Single(p => p.Year == 2026 && p.Number == 3);
        Assert.Equal((before.Target, (decimal?)null), (after.Target, after.Actual));
    }

    [Fact]
    public async Task RefusesAChangeToAClosedYearsFigures()
    {
        var id = await IndicatorIdAsync("CEX03");
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var row = (await director.Get<IndicatorService>().GetIndicatorAsync(id, Ct))!.Periods.Single(p => p.Year == 2025 && p.Number == 4);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<IndicatorService>().SavePeriodAsync(id, new PeriodEdit(2025, 4, "90", "99", null, row.Version), Ct));

        Assert.Equal("Plan.YearClosed", error.Code);
        Assert.False(row.IsOpen);
    }

    [Fact]
    public async Task TheDashboardListsWhatIsOffTrackAndWhatIsDueAndFilters()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var dashboards = director.Get<DashboardService>();
        var planId = await PlanIdAsync();

        var dashboard = (await dashboards.GetDashboardAsync(planId, new(), Ct))!;

        Assert.Contains(dashboard.OverdueActions, a => a.Title == OverdueAction && a.Rag == Rag.Red);
        Assert.Contains(dashboard.IndicatorsOffTarget, i => i.Code == "CEX01" && i.Rag == Rag.Red);
        Assert.Contains(dashboard.IndicatorsOffTarget, i => i.Code == "CEX02" && i.Rag == Rag.Amber);
        Assert.DoesNotContain(dashboard.IndicatorsOffTarget, i => i.Code == "CEX03");
        Assert.All(dashboard.RisksAboveAppetite, r => Assert.True(r.Residual.Score > dashboard.RiskAppetite));
        Assert.Contains(dashboard.RisksAboveAppetite, r => r.Title == "Performance system replacement fails");
        Assert.Contains(dashboard.DueSoon, d => d.Kind == DueKind.ActionDue && d.Title == "Run the residents' survey");
        Assert.Contains(dashboard.DueSoon, d => d.Kind == DueKind.RiskReview && d.Title == "Decisions challenged for procedural error");
        Assert.Equal(4, dashboard.Priorities.Count);
        Assert.Equal(18 - 5, dashboard.Priorities.Sum(p => p.Actions.Red + p.Actions.Amber + p.Actions.Green + p.Actions.Completed + p.Actions.NotRated));

        var grace = dashboard.Filters.People.Single(p => p.Name == "Grace Okafor").Id;
        var hers = (await dashboards.GetDashboardAsync(planId, new(OwnerId: grace), Ct))!;
        Assert.Empty(hers.OverdueActions);
        Assert.All(hers.RisksAboveAppetite, r => Assert.Equal("Grace Okafor", r.Owner));
        Assert.Equal(4, hers.Priorities.Sum(p => p.Actions.Red + p.Actions.Amber + p.Actions.Green + p.Actions.Completed + p.Actions.NotRated));
    }

    [Fact]
    public async Task EveryReaderSharesOneDashboardUntilSomethingIsSaved()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var anonymous = _portal.Anonymous();
        var planId = await PlanIdAsync();

        var first = (await director.Get<DashboardService>().GetDashboardAsync(planId, new(), Ct))!;
        var second = (await member.Get<DashboardService>().GetDashboardAsync(planId, new(), Ct))!;
        var overdue = first.OverdueActions.Single(a => a.Title == OverdueAction);
        var action = (await director.Get<ActionService>().GetActionAsync(overdue.Id, Ct))!;
        await director.Get<ActionService>().RecordProgressAsync(overdue.Id, new ProgressEdit(ActionStatus.AtRisk, 90, "Cabinet date fixed.", action.Version), Ct);
        var after = (await member.Get<DashboardService>().GetDashboardAsync(planId, new(), Ct))!;

        Assert.Same(first, second);
        Assert.NotEqual(ActionStatus.AtRisk, overdue.Status);
        Assert.NotSame(first, after);
        Assert.Equal(ActionStatus.AtRisk, after.OverdueActions.Single(a => a.Id == overdue.Id).Status);
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<DashboardService>().GetDashboardAsync(planId, new(), Ct));
    }

    [Fact]
    public async Task ExportsActionsAndFiguresAsCsvThatASpreadsheetCannotRunAsFormulas()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await PlanIdAsync();
        var plan = (await director.Get<PlanService>().GetPlanAsync(planId, null, Ct))!;
        var choices = (await director.Get<ActionService>().GetActionAsync(plan.Priorities[0].Actions[0].Id, Ct))!.Choices;
        await director.Get<ActionService>().CreateActionAsync(planId, new ActionDetailsEdit(
            plan.Priorities[0].Id, "=HYPERLINK(\"http://evil.example\",\"Click\")", "+SUM(A1:A9)", choices.People[0].Id, choices.Units[0].Id,
            new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 1), 0), Ct);

        var actions = await director.Get<PlanExportService>().ExportActionsAsync(planId, null, Ct);
        var figures = await director.Get<PlanExportService>().ExportIndicatorValuesAsync(planId, null, Ct);

        var text = Encoding.UTF8.GetString(actions.Content);
        Assert.StartsWith("\uFEFFId,PriorityNumber,Priority,Title", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains(OverdueAction, text, StringComparison.Ordinal);
        Assert.Equal("plan-" + planId + "-2026-27-actions.csv", actions.FileName);
        var lines = Encoding.UTF8.GetString(figures.Content).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + (7 * 4), lines.Length);
        Assert.Contains(lines, l => l.StartsWith("CEX01,", StringComparison.Ordinal) && l.Contains("Q2 2026/27", StringComparison.Ordinal) && l.Contains(",Red,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyAnAdministratorSetsTheRiskAppetite()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var (appetite, version) = await admin.Get<RiskAppetiteService>().GetRiskAppetiteAsync(Ct);
        Assert.Equal(PlanSettings.DefaultRiskAppetite, appetite);

        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<RiskAppetiteService>().SetRiskAppetiteAsync(20, version, Ct));
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<RiskAppetiteService>().SetRiskAppetiteAsync(26, version, Ct));
        await admin.Get<RiskAppetiteService>().SetRiskAppetiteAsync(16, version, Ct);

        Assert.Equal("Settings.AppetiteOutOfRange", error.Code);
        var dashboard = (await director.Get<DashboardService>().GetDashboardAsync(await PlanIdAsync(), new(), Ct))!;
        Assert.Empty(dashboard.RisksAboveAppetite);
    }

    [Fact]
    public async Task RefusesABadRiskScoreAndSavesNothing()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await PlanIdAsync();
        var plan = (await director.Get<PlanService>().GetPlanAsync(planId, null, Ct))!;
        var risk = (await director.Get<RiskService>().GetRiskAsync(plan.Risks[0].Id, Ct))!;

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<RiskService>().UpdateRiskAsync(risk.Id, new RiskEdit(
            risk.Title, risk.Cause, risk.Consequence, risk.Controls, risk.Owner.Id, risk.Priority?.Id,
            5, 5, 6, 3, 1, 1, risk.ReviewDate, false, risk.Version), Ct));

        Assert.Equal(("Risk.LikelihoodOutOfRange", nameof(Risk.ResidualLikelihood)), (error.Code, error.Field));
        Assert.Equal(risk.Version, (await director.Get<RiskService>().GetRiskAsync(risk.Id, Ct))!.Version);
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Plans.Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<int> ActionIdAsync(string title)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var openYear = await db.Plans.Select(p => p.OpenYear).SingleAsync(Ct);
        return await db.Actions.Where(a => a.Title == title && a.Year == openYear).Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task<int> IndicatorIdAsync(string code)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Indicators.Where(i => i.Code == code).Select(i => i.Id).SingleAsync(Ct);
    }
}
