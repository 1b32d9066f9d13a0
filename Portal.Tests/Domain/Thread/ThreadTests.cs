using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Domain.Thread;
using Portal.Tests.Domain.Plans;

namespace Portal.Tests.Domain.Thread;

public sealed class ThreadLinkTests
{
    private static readonly ThreadNode Objective = new(ThreadLevel.Appraisal, 1);
    private static readonly ThreadNode TeamItem = new(ThreadLevel.TeamWorkplan, 2);
    private static readonly ThreadNode OtherTeamItem = new(ThreadLevel.TeamWorkplan, 3);
    private static readonly ThreadNode ServiceObjective = new(ThreadLevel.ServicePlan, 4);

    [Fact]
    public void TheFirstLinkIsPrimaryAndLaterOnesAreNot()
    {
        var first = ThreadLink.Create(Objective, TeamItem, []);
        var second = ThreadLink.Create(Objective, OtherTeamItem, [TeamItem]);

        Assert.True(first.IsPrimary);
        Assert.False(second.IsPrimary);
        Assert.Equal((Objective, TeamItem), (first.Child, first.Parent));
    }

    [Fact]
    public void RefusesALinkThatSkipsALevel()
    {
        var error = Assert.Throws<DomainRuleException>(() => ThreadLink.Create(Objective, ServiceObjective, []));

        Assert.Equal("Thread.LinkSkipsLevel", error.Code);
    }

    [Fact]
    public void RefusesALinkSidewaysOrDownSoTheThreadCannotLoop()
    {
        Assert.Equal("Thread.LinkNotUpward", Assert.Throws<DomainRuleException>(() => ThreadLink.Create(TeamItem, OtherTeamItem, [])).Code);
        Assert.Equal("Thread.LinkNotUpward", Assert.Throws<DomainRuleException>(() => ThreadLink.Create(ServiceObjective, TeamItem, [])).Code);
    }

    [Fact]
    public void OnlyACorporatePriorityAnswersAStrategicChallenge()
    {
        var challenge = ThreadItem.Strategy(ThreadItemKind.StrategicChallenge, "Direction of Travel", "The need to be a highly effective council", null);
        var priority = ThreadItem.Strategy(ThreadItemKind.CorporatePriority, null, "An effective organisation", null);
        var value = ThreadItem.Strategy(ThreadItemKind.CorporateValue, null, "Providing strong leadership", null);

        priority.Answer(challenge);

        Assert.NotNull(priority.ChallengeId);
        Assert.Equal(challenge.Id, priority.ChallengeId);
        Assert.Equal("Thread.OnlyPrioritiesAnswerChallenges", Assert.Throws<DomainRuleException>(() => value.Answer(challenge)).Code);
        Assert.Equal("Thread.OnlyPrioritiesAnswerChallenges", Assert.Throws<DomainRuleException>(() => priority.Answer(value)).Code);
        Assert.Null(value.ChallengeId);
    }

    [Fact]
    public void RefusesTheSameLinkTwice()
    {
        var error = Assert.Throws<DomainRuleException>(() => ThreadLink.Create(Objective, TeamItem, [TeamItem]));

        Assert.Equal("Thread.AlreadyLinked", error.Code);
    }
}

public sealed class ThreadGraphTests
{
    private static ThreadNode N(ThreadLevel level, int id) => new(level, id);

    [Fact]
    public void TracesEveryPathToTheTopWithThePrimaryLinkFirst()
    {
        var objective = N(ThreadLevel.Appraisal, 1);
        var team = N(ThreadLevel.TeamWorkplan, 1);
        var service1 = N(ThreadLevel.ServicePlan, 1);
        var service2 = N(ThreadLevel.ServicePlan, 2);
        var priority = N(ThreadLevel.DirectoratePlan, 1);
        var corporate = N(ThreadLevel.CorporateStrategy, 1);
        var community = N(ThreadLevel.CommunityStrategy, 1);
        var graph = new ThreadGraph(
        [
            (objective, team, true),
            (team, service2, false),
            (team, service1, true),
            (service1, priority, true),
            (service2, priority, true),
            (priority, corporate, true),
            (corporate, community, true),
        ]);

        var paths = graph.TraceUp(objective);

        Assert.Equal(2, paths.Count);
        Assert.Equal([objective, team, service1, priority, corporate, community], paths[0]);
        Assert.Equal([objective, team, service2, priority, corporate, community], paths[1]);
    }

    [Fact]
    public void AnItemWithNothingAboveItTracesToItself()
    {
        var orphan = N(ThreadLevel.TeamWorkplan, 9);
        var graph = new ThreadGraph([]);

        Assert.Equal([[orphan]], graph.TraceUp(orphan));
        Assert.False(graph.HasParent(orphan));
    }

    [Fact]
    public void CountsDistinctItemsOnEachLevelBelow()
    {
        var corporate = N(ThreadLevel.CorporateStrategy, 1);
        var graph = new ThreadGraph(
        [
            (N(ThreadLevel.DirectoratePlan, 1), corporate, true),
            (N(ThreadLevel.ServicePlan, 1), N(ThreadLevel.DirectoratePlan, 1), true),
            (N(ThreadLevel.ServicePlan, 2), N(ThreadLevel.DirectoratePlan, 1), true),
            (N(ThreadLevel.TeamWorkplan, 1), N(ThreadLevel.ServicePlan, 1), true),
            (N(ThreadLevel.TeamWorkplan, 1), N(ThreadLevel.ServicePlan, 2), false),
            (N(ThreadLevel.Appraisal, 1), N(ThreadLevel.TeamWorkplan, 1), true),
            (N(ThreadLevel.Appraisal, 2), N(ThreadLevel.TeamWorkplan, 1), true),
        ]);

        var below = graph.CountBelow(corporate);

        Assert.Equal(1, below[ThreadLevel.DirectoratePlan]);
        Assert.Equal(2, below[ThreadLevel.ServicePlan]);
        Assert.Equal(1, below[ThreadLevel.TeamWorkplan]);
        Assert.Equal(2, below[ThreadLevel.Appraisal]);
    }
}

public sealed class ThreadRatingTests
{
    [Fact]
    public void RollsUpByShareNotByTheWorstItem()
    {
        Assert.Equal(Rag.Green, ThreadRating.RollUp([Rag.Green, Rag.Green, Rag.Green, Rag.Amber]));
        Assert.Equal(Rag.Amber, ThreadRating.RollUp([Rag.Green, Rag.Green, Rag.Amber]));
        Assert.Equal(Rag.Amber, ThreadRating.RollUp([Rag.Green, Rag.Green, Rag.Green, Rag.Red]));
        Assert.Equal(Rag.Red, ThreadRating.RollUp([Rag.Green, Rag.Green, Rag.Red]));
        Assert.Equal(Rag.Amber, ThreadRating.RollUp([Rag.Green, Rag.Green, Rag.Amber, Rag.Red, Rag.Completed, Rag.Completed]));
    }

    [Fact]
    public void LeavesUnratedItemsOutAndSaysCompletedOnlyWhenAllAre()
    {
        Assert.Equal(Rag.NotRated, ThreadRating.RollUp([Rag.NotRated, Rag.NotRated]));
        Assert.Equal(Rag.Completed, ThreadRating.RollUp([Rag.Completed, Rag.NotRated, Rag.Completed]));
        Assert.Equal(Rag.Green, ThreadRating.RollUp([Rag.Completed, Rag.Green]));
        Assert.Equal(Rag.NotRated, ThreadRating.RollUp([]));
    }
}

public sealed class AppraisalTests
{
    private static readonly Dictionary<int, int?> Managers = new() { [1] = null, [2] = 1, [3] = 2, [4] = 1 };

    [Theory]
    [InlineData(3, false, true)]
    [InlineData(2, false, true)]
    [InlineData(1, false, true)]
    [InlineData(4, false, false)]
    [InlineData(null, false, false)]
    [InlineData(4, true, true)]
    public void OnlyThePersonTheirManagersAndHrReadTheirAppraisal(int? viewer, bool hr, bool allowed) =>
        Assert.Equal(allowed, AppraisalPrivacy.CanRead(viewer, hr, 3, id => Managers.GetValueOrDefault(id)));

    [Fact]
    public void RefusesAnObjectiveWithNoText()
    {
        var appraisal = Appraisal.Open(3, 2026);

        var error = Assert.Throws<DomainRuleException>(() => appraisal.AddObjective("  ", "Measure", null));

        Assert.Equal("Objective.TextRequired", error.Code);
        Assert.Empty(appraisal.Objectives);
    }

    [Fact]
    public void RefusesAReviewOnAClosedAppraisalYear()
    {
        var appraisal = Appraisal.Open(3, 2025);
        appraisal.Review(ReviewStage.MidYear, ReviewRating.Met, "Going well", "Agreed", new(2025, 10, 1));
        appraisal.Close();

        var error = Assert.Throws<DomainRuleException>(() => appraisal.Review(ReviewStage.YearEnd, ReviewRating.Exceeded, null, null, new(2026, 4, 1)));

        Assert.Equal("Appraisal.Closed", error.Code);
        Assert.Single(appraisal.Reviews);
    }

    [Fact]
    public void ASecondReviewAtTheSameStageReplacesTheFirst()
    {
        var appraisal = Appraisal.Open(3, 2026);
        appraisal.Review(ReviewStage.MidYear, ReviewRating.PartlyMet, null, null, new(2026, 10, 1));

        appraisal.Review(ReviewStage.MidYear, ReviewRating.Met, "Corrected", null, new(2026, 10, 2));

        Assert.Equal(ReviewRating.Met, Assert.Single(appraisal.Reviews).Rating);
        _ = Saved.WithId(appraisal, 1);
    }
}

public sealed class AppraisalReviewTests
{
    [Fact]
    public void ThePersonsCommentAndTheManagersRatingAreKeptApart()
    {
        var appraisal = Appraisal.Open(3, 2026);

        appraisal.CommentAsPerson(ReviewStage.MidYear, "Going well", new(2026, 10, 1));
        var afterComment = Assert.Single(appraisal.Reviews);
        Assert.False(afterComment.IsRated);
        appraisal.RateAsManager(ReviewStage.MidYear, ReviewRating.Met, "Agreed", new(2026, 10, 2));

        var review = Assert.Single(appraisal.Reviews);
        Assert.Equal((true, ReviewRating.Met, "Going well", "Agreed"), (review.IsRated, review.Rating, review.PersonComment, review.ManagerComment));
    }

    [Fact]
    public void RefusesAnUnknownRating()
    {
        var appraisal = Appraisal.Open(3, 2026);

        var error = Assert.Throws<DomainRuleException>(() => appraisal.RateAsManager(ReviewStage.YearEnd, (ReviewRating)9, null, new(2027, 3, 1)));

        Assert.Equal("Appraisal.RatingUnknown", error.Code);
        Assert.Empty(appraisal.Reviews);
    }
}
