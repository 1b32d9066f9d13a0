using Portal.Domain.Common;
using Portal.Domain.Plans;

namespace Portal.Tests.Domain.Plans;

public sealed class ActionRatingTests
{
    private static readonly DateOnly Start = new(2026, 4, 1);
    private static readonly DateOnly Due = new(2027, 3, 31);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Rag Rate(ActionStatus status, int percent = 70, DateOnly? due = null, DateOnly? today = null, params (DateOnly, bool)[] milestones) =>
        ActionRating.For(status, Start, due ?? Due, percent, milestones, today ?? Today);

    [Fact]
    public void RatesAnActionPastItsDueDateRedWhateverItsStatusSays()
    {
        var dueLastWeek = Today.AddDays(-7);

        Assert.Equal(Rag.Red, Rate(ActionStatus.OnTrack, 90, dueLastWeek));
        Assert.Equal(Rag.Red, Rate(ActionStatus.NotStarted, 0, dueLastWeek));
        Assert.Equal(Rag.Red, Rate(ActionStatus.AtRisk, 50, dueLastWeek));
    }

    [Fact]
    public void RatesAnActionDueTodayByItsStatusNotAsOverdue()
    {
        Assert.Equal(Rag.Green, Rate(ActionStatus.OnTrack, 100, Today));
        Assert.False(ActionRating.IsOverdue(ActionStatus.OnTrack, Today, Today));
        Assert.True(ActionRating.IsOverdue(ActionStatus.OnTrack, Today, Today.AddDays(1)));
    }

    [Fact]
    public void KeepsCompletedAndCancelledActionsOutOfRedEvenWhenPastDue()
    {
        var dueLastYear = Today.AddYears(-1);

        Assert.Equal(Rag.Completed, Rate(ActionStatus.Completed, 100, dueLastYear));
        Assert.Equal(Rag.NotRated, Rate(ActionStatus.Cancelled, 10, dueLastYear));
        Assert.False(ActionRating.IsOverdue(ActionStatus.Completed, dueLastYear, Today));
        Assert.False(ActionRating.IsOverdue(ActionStatus.Cancelled, dueLastYear, Today));
    }

    [Fact]
    public void RatesOffTrackRedAndAtRiskAmber()
    {
        Assert.Equal(Rag.Red, Rate(ActionStatus.OffTrack));
        Assert.Equal(Rag.Amber, Rate(ActionStatus.AtRisk));
        Assert.Equal(Rag.Green, Rate(ActionStatus.OnTrack));
    }

    [Fact]
    public void RatesAnOnTrackActionWithAMissedMilestoneAmber()
    {
        Assert.Equal(Rag.Amber, Rate(ActionStatus.OnTrack, 70, milestones: (Today.AddDays(-1), false)));
        Assert.Equal(Rag.Green, Rate(ActionStatus.OnTrack, 70, milestones: (Today.AddDays(-1), true)));
        Assert.Equal(Rag.Green, Rate(ActionStatus.OnTrack, 70, milestones: (Today, false)));
    }

    [Fact]
    public void RatesAnActionNotStartedAfterItsStartDateAmber()
    {
        Assert.Equal(Rag.Amber, Rate(ActionStatus.NotStarted, 0));
        Assert.Equal(Rag.Green, ActionRating.For(ActionStatus.NotStarted, Today.AddDays(10), Due, 0, [], Today));
    }

    [Fact]
    public void RatesProgressFarBehindTheTimeElapsedAmber()
    {
        // 1 April to 31 March: by 25 November about 65% of the time has gone.
        Assert.Equal(Rag.Amber, Rate(ActionStatus.OnTrack, 30));
        Assert.Equal(Rag.Green, Rate(ActionStatus.OnTrack, 45));
        Assert.False(ActionRating.BehindSchedule(Start, Due, 0, Start));
    }

    [Fact]
    public void ComputesTheRatingFromTheActionsOwnMilestones()
    {
        var plan = DirectoratePlan.Create(1, "Plan", null, 2026, 2028, PlanCalendar.FinancialYear);
        var priority = plan.AddPriority("Priority", null);
        var action = KeyAction.Create(plan, priority, 2026, "Action", null, 1, 1, Start, Due);
        action.RecordProgress(ActionStatus.OnTrack, 80, null, "Heather", Today, DateTime.UtcNow);
        action.AddMilestone("Draft", Today.AddDays(-3));

        Assert.Equal(Rag.Amber, action.RagOn(Today));
    }
}

public sealed class KeyActionTests
{
    private static readonly DirectoratePlan Plan = DirectoratePlan.Create(1, "Plan", null, 2026, 2028, PlanCalendar.FinancialYear);
    private static readonly Priority Priority = Plan.AddPriority("Priority", null);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static KeyAction NewAction() =>
        KeyAction.Create(Plan, Priority, 2026, "Refresh the corporate strategy", null, 1, 1, new(2026, 4, 1), new(2027, 3, 31));

    [Fact]
    public void RefusesADueDateBeforeTheStartDate()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            KeyAction.Create(Plan, Priority, 2026, "Action", null, 1, 1, new(2026, 9, 1), new(2026, 8, 31)));

        Assert.Equal("Action.DueBeforeStart", error.Code);
        Assert.Equal(nameof(KeyAction.DueDate), error.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void RefusesAPercentOutsideZeroToAHundredAndKeepsTheOldOne(int percent)
    {
        var action = NewAction();

        var error = Assert.Throws<DomainRuleException>(() => action.RecordProgress(ActionStatus.OnTrack, percent, "x", "Heather", Today, DateTime.UtcNow));

        Assert.Equal("Action.PercentOutOfRange", error.Code);
        Assert.Equal(0, action.PercentComplete);
        Assert.Equal(ActionStatus.NotStarted, action.Status);
        Assert.Empty(action.Updates);
    }

    [Fact]
    public void RefusesAMilestoneAfterTheActionsDueDate()
    {
        var action = NewAction();

        var error = Assert.Throws<DomainRuleException>(() => action.AddMilestone("Launch", new(2027, 4, 1)));

        Assert.Equal("Milestone.AfterActionDue", error.Code);
        Assert.Empty(action.Milestones);
    }

    [Fact]
    public void RefusesToMoveTheDueDateBeforeAMilestone()
    {
        var action = NewAction();
        action.AddMilestone("Consult", new(2027, 1, 31));

        var error = Assert.Throws<DomainRuleException>(() => action.ChangeDetails("Title", null, 1, 1, new(2026, 4, 1), new(2026, 12, 31)));

        Assert.Equal("Action.MilestoneAfterDue", error.Code);
        Assert.Equal(new DateOnly(2027, 3, 31), action.DueDate);
    }

    [Fact]
    public void CompletingAnActionMakesItAHundredPercentAndRecordsADatedUpdate()
    {
        var action = NewAction();

        var update = action.RecordProgress(ActionStatus.Completed, 60, "Adopted by Council", "Heather Rice", Today, DateTime.UtcNow);

        Assert.Equal(100, action.PercentComplete);
        Assert.Equal(Today, update.Date);
        Assert.Equal("Adopted by Council", update.Commentary);
        Assert.Equal(Rag.Completed, action.RagOn(Today));
    }

    [Fact]
    public void RefusesAnUpdateThatSaysNothingNew()
    {
        var action = NewAction();

        var error = Assert.Throws<DomainRuleException>(() => action.RecordProgress(ActionStatus.NotStarted, 0, "  ", "Heather", Today, DateTime.UtcNow));

        Assert.Equal("Action.NothingToRecord", error.Code);
    }
}
