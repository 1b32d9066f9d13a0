using Portal.Domain.Common;
using Portal.Domain.Plans;

namespace Portal.Tests.Domain.Plans;

public sealed class RiskTests
{
    private static readonly DirectoratePlan Plan = DirectoratePlan.Create(1, "Plan", null, 2026, 2028, PlanCalendar.FinancialYear);
    private static readonly RiskDescription Description = new("Loss of key staff", "Pay", "Delay", "Succession plans", 1, null);

    [Theory]
    [InlineData(1, 1, 1, RiskLevel.Low)]
    [InlineData(2, 2, 4, RiskLevel.Low)]
    [InlineData(1, 5, 5, RiskLevel.Medium)]
    [InlineData(2, 5, 10, RiskLevel.Medium)]
    [InlineData(3, 4, 12, RiskLevel.High)]
    [InlineData(4, 4, 16, RiskLevel.High)]
    [InlineData(4, 5, 20, RiskLevel.VeryHigh)]
    [InlineData(5, 5, 25, RiskLevel.VeryHigh)]
    public void ScoresLikelihoodTimesImpactAndBandsIt(int likelihood, int impact, int score, RiskLevel level)
    {
        var risk = RiskScore.Create(likelihood, impact);

        Assert.Equal(score, risk.Score);
        Assert.Equal(level, risk.Level);
    }

    [Theory]
    [InlineData(6, 3, "Risk.LikelihoodOutOfRange", nameof(Risk.ResidualLikelihood))]
    [InlineData(0, 3, "Risk.LikelihoodOutOfRange", nameof(Risk.ResidualLikelihood))]
    [InlineData(3, 6, "Risk.ImpactOutOfRange", nameof(Risk.ResidualImpact))]
    public void RefusesALikelihoodOrImpactOutsideOneToFiveAndNamesTheField(int likelihood, int impact, string code, string field)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Risk.Create(Plan, 2026, Description, new RiskScores(5, 5, likelihood, impact, 1, 1), new(2027, 1, 1)));

        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void RefusesAResidualScoreAboveTheInherentScore()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Risk.Create(Plan, 2026, Description, new RiskScores(2, 2, 3, 3, 1, 1), new(2027, 1, 1)));

        Assert.Equal("Risk.ResidualAboveInherent", error.Code);
    }

    [Fact]
    public void ExceedsTheAppetiteOnlyWhenTheResidualScoreIsAboveItAndTheRiskIsOpen()
    {
        var risk = Risk.Create(Plan, 2026, Description, new RiskScores(5, 5, 4, 4, 2, 2), new(2027, 1, 1));

        Assert.True(risk.ExceedsAppetite(12));
        Assert.False(risk.ExceedsAppetite(16));
        risk.Close();
        Assert.False(risk.ExceedsAppetite(12));
    }
}

public sealed class PlanRollForwardTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void RollingForwardClosesTheOpenYearAndOpensTheNext()
    {
        var plan = DirectoratePlan.Create(1, "Chief Executive's Directorate Plan", null, 2008, 2010, PlanCalendar.FinancialYear);

        var closed = plan.RollForward();

        Assert.Equal(2008, closed);
        Assert.Equal(2009, plan.OpenYear);
        var error = Assert.Throws<DomainRuleException>(() => plan.EnsureOpen(2008));
        Assert.Equal("Plan.YearClosed", error.Code);
        Assert.Contains("2008/09", error.Message, StringComparison.Ordinal);
        plan.EnsureOpen(2009);
    }

    [Fact]
    public void RefusesToRollPastTheLastYear()
    {
        var plan = DirectoratePlan.Create(1, "Plan", null, 2008, 2009, PlanCalendar.FinancialYear);
        plan.RollForward();

        var error = Assert.Throws<DomainRuleException>(() => plan.RollForward());

        Assert.Equal("Plan.NoYearToRollInto", error.Code);
        Assert.Equal(2009, plan.OpenYear);
    }

    [Fact]
    public void RefusesNewWorkInAClosedYear()
    {
        var plan = DirectoratePlan.Create(1, "Plan", null, 2008, 2010, PlanCalendar.FinancialYear);
        var priority = plan.AddPriority("Priority", null);
        plan.RollForward();

        var error = Assert.Throws<DomainRuleException>(() =>
            KeyAction.Create(plan, priority, 2008, "Late addition", null, 1, 1, new(2008, 4, 1), new(2009, 3, 31)));

        Assert.Equal("Plan.YearClosed", error.Code);
    }

    [Fact]
    public void AnUnfinishedActionContinuesWithItsOpenMilestonesButNotItsUpdates()
    {
        var plan = DirectoratePlan.Create(1, "Plan", null, 2026, 2028, PlanCalendar.FinancialYear);
        var priority = plan.AddPriority("Priority", null);
        var action = KeyAction.Create(plan, priority, 2026, "Workforce plan", "For every directorate", 4, 2, new(2026, 4, 1), new(2027, 9, 30));
        action.AddMilestone("Draft agreed", new(2026, 10, 1)).WithId(11);
        action.AddMilestone("Consultation", new(2027, 6, 1)).WithId(12);
        action.MarkMilestone(11, true, Today);
        action.RecordProgress(ActionStatus.AtRisk, 40, "Waiting on data", "Tom", Today, DateTime.UtcNow);

        var next = action.ContinueInto(2027);

        Assert.True(action.Continues);
        Assert.Equal(2027, next.Year);
        Assert.Equal(("Workforce plan", ActionStatus.AtRisk, 40, 4, 2), (next.Title, next.Status, next.PercentComplete, next.OwnerId, next.LeadUnitId));
        Assert.Equal(["Consultation"], next.Milestones.Select(m => m.Title));
        Assert.Empty(next.Updates);
        Assert.Single(action.Updates);
    }

    [Fact]
    public void CompletedAndCancelledActionsAndClosedRisksDoNotContinue()
    {
        var plan = DirectoratePlan.Create(1, "Plan", null, 2026, 2028, PlanCalendar.FinancialYear);
        var priority = plan.AddPriority("Priority", null);
        var action = KeyAction.Create(plan, priority, 2026, "Done", null, 1, 1, new(2026, 4, 1), new(2027, 3, 31));
        action.RecordProgress(ActionStatus.Completed, 100, null, "Tom", Today, DateTime.UtcNow);
        var cancelled = KeyAction.Create(plan, priority, 2026, "Dropped", null, 1, 1, new(2026, 4, 1), new(2027, 3, 31));
        cancelled.RecordProgress(ActionStatus.Cancelled, 0, "No longer needed", "Tom", Today, DateTime.UtcNow);

        Assert.False(action.Continues);
        Assert.False(cancelled.Continues);
    }

    [Fact]
    public void PrioritiesKeepTheirOrderWhenOneMoves()
    {
        var plan = DirectoratePlan.Create(1, "Plan", null, 2026, 2028, PlanCalendar.FinancialYear);
        plan.AddPriority("First", null).WithId(1);
        plan.AddPriority("Second", null).WithId(2);
        var third = plan.AddPriority("Third", null).WithId(3);

        plan.MovePriority(third.Id, -5);

        Assert.Equal(["Third", "First", "Second"], plan.Priorities.OrderBy(p => p.Number).Select(p => p.Title));
        Assert.Equal([1, 2, 3], plan.Priorities.OrderBy(p => p.Number).Select(p => p.Number));
    }
}

public sealed class PlanCalendarTests
{
    [Fact]
    public void CountsAFinancialYearFromAprilAndNamesItByBothYears()
    {
        var calendar = PlanCalendar.FinancialYear;

        Assert.Equal(2026, calendar.YearOf(new(2027, 3, 31)));
        Assert.Equal(2027, calendar.YearOf(new(2027, 4, 1)));
        Assert.Equal("2026/27", calendar.YearLabel(2026));
        Assert.Equal(new ReportingPeriod(2026, 3), calendar.PeriodOf(new(2026, 11, 25), Frequency.Quarterly));
        Assert.Equal(new ReportingPeriod(2026, 2), calendar.LastCompletePeriod(new(2026, 11, 25), Frequency.Quarterly));
        Assert.Equal(new DateOnly(2026, 12, 31), calendar.PeriodEnd(new(2026, 3), Frequency.Quarterly));
        Assert.Equal(new DateOnly(2027, 1, 1), calendar.PeriodStart(new(2026, 4), Frequency.Quarterly));
    }

    [Fact]
    public void CountsASwedishCalendarYearFromJanuary()
    {
        var calendar = PlanCalendar.CalendarYear;

        Assert.Equal("2026", calendar.YearLabel(2026));
        Assert.Equal(new ReportingPeriod(2026, 11), calendar.PeriodOf(new(2026, 11, 25), Frequency.Monthly));
        Assert.Equal(new ReportingPeriod(2025, 1), calendar.LastCompletePeriod(new(2026, 3, 1), Frequency.Annual));
    }
}

public sealed class PlanRolloverTests
{
    [Fact]
    public void CarriesUnfinishedActionsAndOpenRisksIntoTheNewYear()
    {
        var today = new DateOnly(2009, 3, 1);
        var plan = DirectoratePlan.Create(1, "Plan", null, 2008, 2010, PlanCalendar.FinancialYear);
        var priority = plan.AddPriority("Priority", null);
        var running = KeyAction.Create(plan, priority, 2008, "Running", null, 1, 1, new(2008, 4, 1), new(2009, 9, 30)).WithId(1);
        var done = KeyAction.Create(plan, priority, 2008, "Done", null, 1, 1, new(2008, 4, 1), new(2009, 3, 31)).WithId(2);
        done.RecordProgress(ActionStatus.Completed, 100, null, "Tom", today, DateTime.UtcNow);
        var scores = new RiskScores(4, 4, 3, 3, 2, 2);
        var open = Risk.Create(plan, 2008, new("Open", null, null, null, 1, null), scores, today).WithId(5);
        var closed = Risk.Create(plan, 2008, new("Gone", null, null, null, 1, null), scores, today).WithId(6);
        closed.Close();

        var rolled = PlanRollover.Roll(plan, [running, done], [open, closed]);

        Assert.Equal((2008, 2009), (rolled.ClosedYear, rolled.OpenedYear));
        var carried = Assert.Single(rolled.Actions);
        Assert.Equal(("Running", 2009, 1), (carried.Title, carried.Year, carried.CarriedFromId));
        var risk = Assert.Single(rolled.Risks);
        Assert.Equal(("Open", 2009, 5, 9), (risk.Title, risk.Year, risk.CarriedFromId, risk.Residual.Score));
        Assert.Equal(2008, running.Year);
    }
}
