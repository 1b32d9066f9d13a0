using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;

namespace Portal.Tests.Domain.Reports;

public sealed class CallInTests
{
    private static readonly IHolidayCalendar England = EnglandAndWalesBankHolidays.Instance;

    private static OfficerDecisionText Text(bool callIn = true, DateOnly? decidedOn = null) => new(
        "Award of the library IT contract", DecisionMakerKind.ExecutiveMember, 5, "Executive portfolio: City Strategy", decidedOn ?? new DateOnly(2026, 12, 3),
        "Award the contract to the best tender.", "The best value of three tenders.", "Extend the current contract.", null, null, null, null, IsKeyDecision: false, callIn);

    private static OfficerDecision Published(DateOnly on, bool callIn = true) =>
        OfficerDecision.Record(Text(callIn, on), 5, on, CallInSettings.CreateDefault(), England);

    [Theory]
    [InlineData("2026-12-04", "2026-12-11")] // a Friday: Monday to Friday of the next week
    [InlineData("2026-12-24", "2027-01-05")] // Christmas Day, Boxing Day (substitute Monday 28th) and New Year's Day left out
    [InlineData("2027-03-24", "2027-04-02")] // Good Friday and Easter Monday left out
    public void ThePeriodIsFiveWorkingDaysAfterPublicationLeavingOutBankHolidays(string published, string ends)
    {
        Assert.Equal(DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture), CallInPeriod.Ends(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), 5, England));
    }

    [Fact]
    public void InSwedenMidsummerEveIsNotAWorkingDay()
    {
        Assert.Equal(new DateOnly(2026, 6, 25), CallInPeriod.Ends(new DateOnly(2026, 6, 17), 5, SwedishPublicHolidays.Instance));
    }

    [Fact]
    public void ADecisionCannotBeImplementedBeforeThePeriodEnds()
    {
        var decision = Published(new DateOnly(2026, 12, 24));

        var error = Assert.Throws<DomainRuleException>(() => decision.MarkImplemented(new DateOnly(2027, 1, 5)));
        Assert.Equal("CallIn.PeriodRunning", error.Code);
        Assert.Equal(new DateOnly(2027, 1, 5), error.Arguments[0]);

        decision.MarkImplemented(new DateOnly(2027, 1, 6));
        Assert.Equal(new DateOnly(2027, 1, 6), decision.ImplementedOn);
    }

    [Fact]
    public void ARequestAfterThePeriodIsRefused()
    {
        var decision = Published(new DateOnly(2026, 12, 4));

        var error = Assert.Throws<DomainRuleException>(() => decision.RequestCallIn(new DateOnly(2026, 12, 12), [1, 2], "Not consulted.", 2));

        Assert.Equal("CallIn.PeriodEnded", error.Code);
        Assert.Empty(decision.Requests);
    }

    [Fact]
    public void ARequestNeedsTheMembersTheCouncilAsksFor()
    {
        var decision = Published(new DateOnly(2026, 12, 4));

        Assert.Equal("CallIn.TooFewMembers", Assert.Throws<DomainRuleException>(() => decision.RequestCallIn(new DateOnly(2026, 12, 7), [1, 1], "Not consulted.", 2)).Code);
        decision.RequestCallIn(new DateOnly(2026, 12, 11), [1, 2], "Not consulted.", 2);
        Assert.Single(decision.Requests);
    }

    [Fact]
    public void APendingOrReferredRequestStopsImplementationAndNoFurtherActionFreesIt()
    {
        var decision = Published(new DateOnly(2026, 12, 4));
        var request = decision.RequestCallIn(new DateOnly(2026, 12, 7), [1, 2], "Not consulted.", 2);
        Assert.Equal("CallIn.RequestPending", Assert.Throws<DomainRuleException>(() => decision.MarkImplemented(new DateOnly(2026, 12, 14))).Code);

        typeof(CallInRequest).GetProperty(nameof(CallInRequest.Id))!.SetValue(request, 3);
        decision.DecideCallIn(3, CallInOutcome.ReferredBack, new DateOnly(2026, 12, 15), "Consult the ward members first.");
        Assert.Equal("CallIn.Referred", Assert.Throws<DomainRuleException>(() => decision.MarkImplemented(new DateOnly(2026, 12, 16))).Code);

        decision.DecideCallIn(3, CallInOutcome.NoFurtherAction, new DateOnly(2026, 12, 16), null);
        decision.MarkImplemented(new DateOnly(2026, 12, 16));
        Assert.NotNull(decision.ImplementedOn);
    }

    [Fact]
    public void UrgencyNeedsTheScrutinyChairsAgreementAndThenNeitherPeriodNorRequestApplies()
    {
        var decision = Published(new DateOnly(2026, 12, 4));

        Assert.Equal("CallIn.UrgencyAgreedByRequired", Assert.Throws<DomainRuleException>(() => decision.ExemptAsUrgent("Grant deadline on Monday.", " ", new DateOnly(2026, 12, 4))).Code);
        Assert.Equal("CallIn.UrgencyAgreedOnRequired", Assert.Throws<DomainRuleException>(() => decision.ExemptAsUrgent("Grant deadline on Monday.", "Cllr Ann Reid", null)).Code);
        decision.ExemptAsUrgent("Grant deadline on Monday.", "Cllr Ann Reid", new DateOnly(2026, 12, 4));

        Assert.Equal("CallIn.Urgent", Assert.Throws<DomainRuleException>(() => decision.RequestCallIn(new DateOnly(2026, 12, 5), [1, 2], "Why?", 2)).Code);
        decision.MarkImplemented(new DateOnly(2026, 12, 5));
    }

    [Fact]
    public void ADecisionNotSubjectToCallInCanBeImplementedAtOnceAndNotCalledIn()
    {
        var decision = Published(new DateOnly(2026, 12, 4), callIn: false);

        Assert.Null(decision.CallInEndsOn);
        Assert.Equal("CallIn.NotSubject", Assert.Throws<DomainRuleException>(() => decision.RequestCallIn(new DateOnly(2026, 12, 5), [1, 2], "Why?", 2)).Code);
        decision.MarkImplemented(new DateOnly(2026, 12, 4));
    }

    [Fact]
    public void TheRecordNeedsItsDelegationReasonsAndAPastDate()
    {
        Assert.Equal("OfficerDecision.DelegationRequired", Assert.Throws<DomainRuleException>(() => OfficerDecision.Record(Text() with { Delegation = "" }, 5, new DateOnly(2026, 12, 4), CallInSettings.CreateDefault(), England)).Code);
        Assert.Equal("OfficerDecision.ReasonsRequired", Assert.Throws<DomainRuleException>(() => OfficerDecision.Record(Text() with { Reasons = null }, 5, new DateOnly(2026, 12, 4), CallInSettings.CreateDefault(), England)).Code);
        Assert.Equal("OfficerDecision.DateInFuture", Assert.Throws<DomainRuleException>(() => OfficerDecision.Record(Text(decidedOn: new DateOnly(2026, 12, 5)), 5, new DateOnly(2026, 12, 4), CallInSettings.CreateDefault(), England)).Code);
    }
}
