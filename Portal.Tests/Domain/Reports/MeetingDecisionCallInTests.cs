using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;

namespace Portal.Tests.Domain.Reports;

/// <summary>Call-in of a decision taken at an executive body's meeting: the same rules as an executive member's own decision.</summary>
public sealed class MeetingDecisionCallInTests
{
    private static readonly IHolidayCalendar England = EnglandAndWalesBankHolidays.Instance;

    private static Decision Published(DateOnly on, bool executive = true)
    {
        var decision = AnnexAndForwardPlanTests.YorkDecision();
        decision.Publish(on, executive, CallInSettings.CreateDefault(), England);
        return decision;
    }

    [Fact]
    public void AnExecutiveMeetingsDecisionHasFiveWorkingDaysFromPublicationLeavingOutBankHolidays()
    {
        // Published Wednesday 23 December 2026: Christmas Day, Boxing Day (substitute Monday 28th) and New Year's Day are not counted.
        var decision = Published(new DateOnly(2026, 12, 23));

        Assert.True(decision.SubjectToCallIn);
        Assert.Equal(new DateOnly(2026, 12, 23), decision.PublishedOn);
        Assert.Equal(new DateOnly(2027, 1, 4), decision.CallInEndsOn);
    }

    [Fact]
    public void ItCannotBeImplementedInsideThePeriodNorCalledInAfterIt()
    {
        var decision = Published(new DateOnly(2026, 12, 23));

        var running = Assert.Throws<DomainRuleException>(() => decision.MarkImplemented(new DateOnly(2027, 1, 4)));
        Assert.Equal("CallIn.PeriodRunning", running.Code);
        var late = Assert.Throws<DomainRuleException>(() => decision.RequestCallIn(new DateOnly(2027, 1, 5), [1, 2], "Not consulted.", 2));
        Assert.Equal("CallIn.PeriodEnded", late.Code);
        Assert.Empty(decision.Requests);

        decision.MarkImplemented(new DateOnly(2027, 1, 5));
        Assert.Equal(new DateOnly(2027, 1, 5), decision.ImplementedOn);
    }

    [Fact]
    public void ARequestInThePeriodHoldsItBackUntilScrutinyDecides()
    {
        var decision = Published(new DateOnly(2026, 12, 4));

        decision.RequestCallIn(new DateOnly(2026, 12, 11), [1, 2], "Not consulted.", 2);

        Assert.Equal("CallIn.RequestPending", Assert.Throws<DomainRuleException>(() => decision.MarkImplemented(new DateOnly(2026, 12, 14))).Code);
    }

    [Fact]
    public void UrgencyNeedsTheScrutinyChairsAgreementRecorded()
    {
        var decision = Published(new DateOnly(2026, 12, 4));

        Assert.Equal("CallIn.UrgencyAgreedByRequired", Assert.Throws<DomainRuleException>(() => decision.ExemptAsUrgent("Grant deadline.", null, new DateOnly(2026, 12, 4))).Code);
        Assert.Equal("CallIn.UrgencyAgreedOnRequired", Assert.Throws<DomainRuleException>(() => decision.ExemptAsUrgent("Grant deadline.", "Cllr Ann Reid", null)).Code);

        decision.ExemptAsUrgent("Grant deadline.", "Cllr Ann Reid", new DateOnly(2026, 12, 4));
        decision.MarkImplemented(new DateOnly(2026, 12, 5));
        Assert.Equal(new DateOnly(2026, 12, 5), decision.ImplementedOn);
    }

    [Fact]
    public void ANonExecutiveBodysDecisionIsNotSubjectToCallInAndIsPublishedOnce()
    {
        var decision = Published(new DateOnly(2026, 12, 4), executive: false);

        Assert.False(decision.SubjectToCallIn);
        Assert.Null(decision.CallInEndsOn);
        Assert.Equal("CallIn.NotSubject", Assert.Throws<DomainRuleException>(() => decision.RequestCallIn(new DateOnly(2026, 12, 4), [1, 2], "Why?", 2)).Code);
        Assert.Equal("Decision.AlreadyPublished", Assert.Throws<DomainRuleException>(() => decision.Publish(new DateOnly(2026, 12, 5), true, CallInSettings.CreateDefault(), England)).Code);
        decision.MarkImplemented(new DateOnly(2026, 12, 4));
    }
}
